/// The meaning of one document's sentences for the aligner: a vector for each sentence and for
/// each run of up to `overlapLimit` consecutive sentences of one paragraph, embedded as one text
/// (Vecalign's overlaps: "A. B." embedded whole is a better match for the one sentence that
/// translates both than the mean of A's and B's vectors).
///
/// Runs that cross a paragraph break, are longer than `overlapLimit`, or were left out of the plan
/// (`Plan`'s `runStarts`: where the lexical alignment is sure) get the normalised sum of their
/// sentences' vectors: embedding is the aligner's costly step.
public struct SentenceVectors: Sendable {
  /// Components per vector.
  public let dimension: Int
  /// Sentences in the document.
  public let count: Int
  /// Longest run embedded as one text.
  public let overlapLimit: Int
  /// `runs[k - 1][s * dimension ..< (s + 1) * dimension]`: the L2-normalised vector of sentences
  /// `s ..< s + k`, all zero where the run was not embedded.
  let runs: [[Float]]
  /// `embedded[k - 1][s]`: whether the run of `k` from `s` has its own vector.
  let embedded: [[Bool]]

  /// What to embed for `sentences`: every sentence, then every run of 2…`overlapLimit`
  /// sentences within a paragraph (from the allowed starts), each run's sentences joined by a
  /// space.
  public struct Plan: Sendable {
    public let sentenceCount: Int
    public let overlapLimit: Int
    /// The texts to embed, in the order `init(_:vectors:dimension:)` expects their vectors.
    public let texts: [String]
    /// `embedded[k - 1][s]`: whether the run of `k` sentences from `s` is among `texts`.
    let embedded: [[Bool]]

    ///
    /// - Parameter runStarts: where runs may start (each sentence when `nil`).
    public init(_ sentences: [Sentence], overlapLimit: Int = 2, runStarts: Set<Int>? = nil) {
      let limit = max(1, overlapLimit)
      var texts: [String] = []
      var embedded: [[Bool]] = []
      for length in 1...limit {
        var flags = [Bool](repeating: false, count: sentences.count)
        for start in sentences.indices where start + length <= sentences.count {
          let run = sentences[start..<start + length]
          guard run.first!.paragraph == run.last!.paragraph else { continue }
          if length > 1, let runStarts, !runStarts.contains(start) { continue }
          flags[start] = true
          texts.append(run.map(\.text).joined(separator: " "))
        }
        embedded.append(flags)
      }
      self.sentenceCount = sentences.count
      self.overlapLimit = limit
      self.texts = texts
      self.embedded = embedded
    }
  }

  /// The vectors of a plan's texts, in the plan's order (L2-normalised, `dimension` long).
  public init(_ plan: Plan, vectors: some Collection<[Float]>, dimension: Int) {
    precondition(vectors.count == plan.texts.count, "one vector per planned text")
    var next = vectors.startIndex
    runs = plan.embedded.map { flags in
      var flat = [Float](repeating: 0, count: flags.count * dimension)
      for (start, isEmbedded) in flags.enumerated() where isEmbedded {
        let vector = vectors[next]
        for k in 0..<min(dimension, vector.count) { flat[start * dimension + k] = vector[k] }
        next = vectors.index(after: next)
      }
      return flat
    }
    self.dimension = dimension
    self.count = plan.sentenceCount
    self.overlapLimit = plan.overlapLimit
    self.embedded = plan.embedded
  }

  /// Copies the own vector of sentences `range` (`dimension` floats) to `output` and returns
  /// `true` when the run was embedded as one text; `false`, leaving `output` alone, otherwise.
  func copyOwnVector(of range: Range<Int>, into output: UnsafeMutableBufferPointer<Float>) -> Bool {
    let length = range.count
    guard length >= 1, length <= overlapLimit, embedded[length - 1][range.lowerBound] else {
      return false
    }
    runs[length - 1].withUnsafeBufferPointer { run in
      for k in 0..<dimension { output[k] = run[range.lowerBound * dimension + k] }
    }
    return true
  }

  /// The vector of sentences `range`: its own when the run was embedded as one text, otherwise the
  /// normalised sum of its sentences' vectors.
  func vector(of range: Range<Int>) -> [Float] {
    var vector = [Float](repeating: 0, count: dimension)
    vector.withUnsafeMutableBufferPointer { output in
      if copyOwnVector(of: range, into: output) { return }
      Self.normalizedSum(of: range, in: runs[0], dimension: dimension, into: output)
    }
    return vector
  }

  /// The cosine of the vectors of two runs of sentences, `range` of this document and `other` of
  /// `document`.
  func cosine(_ range: Range<Int>, _ other: Range<Int>, of document: SentenceVectors) -> Float {
    Self.dot(
      row: 0, of: vector(of: range), row: 0, of: document.vector(of: other), dimension: dimension)
  }

  // MARK: - Rows of row-major vector arrays

  /// Adds rows `rows` of the row-major `flat` (rows of `dimension` floats) to `output`, in order,
  /// and normalises the result: the vector of a run from the vectors of its parts.
  static func normalizedSum(
    of rows: some Sequence<Int>, in flat: [Float], dimension: Int,
    into output: UnsafeMutableBufferPointer<Float>
  ) {
    flat.withUnsafeBufferPointer { flat in
      for row in rows {
        for k in 0..<dimension { output[k] += flat[row * dimension + k] }
      }
    }
    normalize(output)
  }

  /// The dot product of row `i` of `a` and row `j` of `b` (row-major, rows of `dimension`).
  static func dot(row i: Int, of a: [Float], row j: Int, of b: [Float], dimension: Int) -> Float {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        dot(
          UnsafeBufferPointer(rebasing: a[i * dimension..<(i + 1) * dimension]),
          UnsafeBufferPointer(rebasing: b[j * dimension..<(j + 1) * dimension]))
      }
    }
  }

  static func normalize(_ vector: UnsafeMutableBufferPointer<Float>) {
    var norm: Float = 0
    for value in vector { norm += value * value }
    guard norm > 0 else { return }
    let scale = 1 / norm.squareRoot()
    for k in vector.indices { vector[k] *= scale }
  }

  /// The dot product (the cosine, for normalised vectors) of two `dimension`-long vectors.
  static func dot(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
    guard let baseA = a.baseAddress, let baseB = b.baseAddress else { return 0 }
    var sum = SIMD8<Float>()
    var k = 0
    let rawA = UnsafeRawPointer(baseA)
    let rawB = UnsafeRawPointer(baseB)
    while k + 8 <= a.count {
      let x = rawA.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
      let y = rawB.loadUnaligned(fromByteOffset: k * 4, as: SIMD8<Float>.self)
      sum += x * y
      k += 8
    }
    var total = sum.sum()
    while k < a.count {
      total += a[k] * b[k]
      k += 1
    }
    return total
  }
}

import Foundation

/// What the aligner extracts from one sentence before comparing it with the other document.
struct SentenceEvidence: Sendable {
  /// Length in characters (Unicode scalars that are not white space).
  var length: Double
  var paragraph: Int
  /// Dictionary-free anchors (`AnchorEvidence`), sorted, without duplicates.
  var anchors: [UInt64]
  /// Stem keys of the sentence's words (`TextNormalizer.key`, then `Stemmer.stem` where the
  /// language has a stemmer), without duplicates, in order of first occurrence.
  var stems: [String]

  /// The evidence of every sentence, extracted in parallel chunks (one tokenizer and stemmer per
  /// chunk); the result does not depend on the number of cores.
  static func extract(_ sentences: [Sentence], language: Language) -> [SentenceEvidence] {
    Parallel.mapChunks(count: sentences.count, minimumChunk: 128) { range in
      let tokenizer = Tokenizer(language: language)
      let stemmer = Stemmer(language: language)
      return range.map { extract(sentences[$0], tokenizer: tokenizer, stemmer: stemmer) }
    }.flatMap { $0 }
  }

  static func extract(_ sentence: Sentence, tokenizer: Tokenizer, stemmer: Stemmer?)
    -> SentenceEvidence
  {
    let tokens = tokenizer.tokens(in: sentence.text)
    var anchors: [UInt64] = []
    AnchorEvidence.collect(tokens: tokens, text: sentence.text, into: &anchors)
    anchors.sort()
    var unique: [UInt64] = []
    unique.reserveCapacity(anchors.count)
    for anchor in anchors where anchor != unique.last { unique.append(anchor) }
    var stems: [String] = []
    var seen: Set<String> = []
    for token in tokens where token.kind == .word {
      let stem = stemmer?.stem(token.key) ?? token.key
      if seen.insert(stem).inserted { stems.append(stem) }
    }
    var length = 0
    for scalar in sentence.text.unicodeScalars where !scalar.properties.isWhitespace { length += 1 }
    return SentenceEvidence(
      length: Double(length), paragraph: sentence.paragraph, anchors: unique, stems: stems)
  }
}

/// Deterministic data parallelism: work split into fixed chunks, results kept in chunk order.
enum Parallel {
  static let width = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// `body` applied to consecutive chunks of `0..<count`, run concurrently; results in order.
  static func mapChunks<T>(
    count: Int, minimumChunk: Int, maximumChunk: Int = .max, _ body: (Range<Int>) -> T
  ) -> [T] {
    guard count > 0 else { return [] }
    let byWidth = min(width * 4, count / max(1, minimumChunk))
    let chunkCount = max(1, byWidth, 1 + (count - 1) / max(1, maximumChunk))
    let size = (count + chunkCount - 1) / chunkCount
    let ranges = stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    if ranges.count == 1 || width == 1 { return ranges.map(body) }
    var results = [T?](repeating: nil, count: ranges.count)
    withoutActuallyEscaping(body) { body in
      results.withUnsafeMutableBufferPointer { buffer in
        let shared = Unchecked((body: body, buffer: buffer, ranges: ranges))
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
          shared.value.buffer[index] = shared.value.body(shared.value.ranges[index])
        }
      }
    }
    return results.map { $0! }
  }
}

/// A value handed to concurrent chunks that touch disjoint parts of it (checked by construction).
struct Unchecked<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

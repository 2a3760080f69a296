import Foundation

/// A `SentenceEmbedder` that remembers every vector it has computed, so that a text seen again in
/// the same run (a sentence of two stress sets, a dateline of many articles) is embedded once.
///
/// Safe to share between threads; memory grows with the distinct texts embedded (384 floats each).
public final class CachedEmbedder: SentenceEmbedder, @unchecked Sendable {
  public let base: any SentenceEmbedder
  private var vectors: [String: [Float]] = [:]
  private let lock = NSLock()

  public init(_ base: any SentenceEmbedder) { self.base = base }

  public var dimension: Int { base.dimension }

  /// Distinct texts embedded so far.
  public var count: Int { lock.withLock { vectors.count } }

  public func embed(_ texts: [String], progress: ((Int, Int) -> Void)?) -> [[Float]] {
    let missing = lock.withLock { Array(Set(texts.filter { vectors[$0] == nil })) }
    if !missing.isEmpty {
      let computed = base.embed(missing, progress: progress)
      lock.withLock { for (text, vector) in zip(missing, computed) { vectors[text] = vector } }
    }
    return lock.withLock { texts.map { vectors[$0]! } }
  }

  /// Every remembered text and its vector, as `VectorTable` reads them (sorted by text).
  public func tableLines() -> String {
    lock.withLock {
      vectors.keys.sorted().map { text in
        VectorTable.key(text) + "\t"
          + vectors[text]!.map { String(format: "%.6f", $0) }.joined(separator: " ") + "\n"
      }.joined()
    }
  }
}

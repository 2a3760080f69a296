/// Anything that turns texts into sentence vectors: the aligner's source of meaning as evidence.
///
/// `SentenceEncoder` (multilingual-e5-small, in process) is the one bitext ships; `VectorTable`
/// serves vectors computed elsewhere (another model, or a test's own).
public protocol SentenceEmbedder: Sendable {
  /// Length of every vector.
  var dimension: Int { get }

  /// One L2-normalised vector per text, in order.
  ///
  /// - Parameter progress: called now and then with (texts done, texts in all).
  func embed(_ texts: [String], progress: ((Int, Int) -> Void)?) -> [[Float]]
}

/// The instruction e5 models expect before a text: `"query: "` or `"passage: "`.
///
/// multilingual-e5 was trained with one of the two in front of every input; for symmetric tasks
/// such as matching translated sentences either works, as long as both sides use the same one.
public enum EmbeddingPrefix: String, Hashable, Sendable, CaseIterable {
  case query
  case passage

  /// The text put in front of the input, space included.
  public var text: String {
    switch self {
    case .query: "query: "
    case .passage: "passage: "
    }
  }
}

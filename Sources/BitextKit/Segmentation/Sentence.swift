/// A sentence of a document.
public struct Sentence: Hashable, Sendable {
  /// 0-based position among the document's sentences.
  public var index: Int
  /// 0-based index of the paragraph it belongs to.
  public var paragraph: Int
  /// UTF-8 byte range in the document (see `Document` for what offsets mean); end exclusive.
  public var utf8Range: Range<Int>
  /// The sentence as written in the file (line breaks inside it included).
  public var text: String

  public init(index: Int, paragraph: Int, utf8Range: Range<Int>, text: String) {
    self.index = index
    self.paragraph = paragraph
    self.utf8Range = utf8Range
    self.text = text
  }
}

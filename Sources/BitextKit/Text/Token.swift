/// A word, number or punctuation mark, as ICU's word break iterator delimits it.
public struct Token: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    /// Letters (ICU rule status 200-499: letters, kana, ideographs).
    case word
    /// Digits, with ICU's internal separators ("1.000", "3,5").
    case number
    /// Anything else that is not white space.
    case punctuation
  }

  public var kind: Kind
  /// UTF-8 byte range in the document.
  public var utf8Range: Range<Int>
  /// The token as written.
  public var text: String
  /// Its comparison key (`TextNormalizer`).
  public var key: String

  public init(kind: Kind, utf8Range: Range<Int>, text: String, key: String) {
    self.kind = kind
    self.utf8Range = utf8Range
    self.text = text
    self.key = key
  }
}

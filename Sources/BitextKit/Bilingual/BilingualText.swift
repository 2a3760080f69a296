/// The text of one side of a bilingual unit, with its inline codes as placeholders.
///
/// `text` holds each inline code as one `placeholder` character (U+FFFC OBJECT REPLACEMENT
/// CHARACTER, which the tokenizer reads as punctuation, so a term never matches across or into a
/// code); `codes` are the codes in the order of their placeholders.
///
///     // <source>Press <g id="1">Save</g> now.</source>
///     // text == "Press \u{FFFC}Save\u{FFFC} now.", codes.map(\.label) == ["{1}", "{/1}"]
public struct BilingualText: Hashable, Sendable {
  /// The character that stands for an inline code in `text`.
  public static let placeholder: Character = "\u{FFFC}"

  /// The text, each inline code replaced by `placeholder`.
  public var text: String
  /// The inline codes, in text order.
  public var codes: [InlineCode]

  public init(text: String = "", codes: [InlineCode] = []) {
    self.text = text
    self.codes = codes
  }

  /// The text without its inline codes.
  public var plainText: String { text.filter { $0 != Self.placeholder } }

  /// The text with each code shown by its label (`Press {1}Save{/1} now.`), for people.
  public var displayText: String {
    var result = ""
    var codes = self.codes.makeIterator()
    for character in text {
      if character == Self.placeholder, let code = codes.next() {
        result += code.label
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// True when the text has no letters or digits (empty, white space, codes, punctuation).
  public var isBlank: Bool {
    !text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
  }

  /// Appends text.
  public mutating func append(_ string: String) { text += string }

  /// Appends a code and its placeholder.
  public mutating func append(_ code: InlineCode) {
    text.append(Self.placeholder)
    codes.append(code)
  }
}

/// What follows a candidate boundary: the first word after any opening quotes or brackets.
struct NextWord {
  /// Whether quotes or brackets come before the word ("„Wir …", "(The …").
  var hasOpener = false
  /// Whether a quotation mark comes before the word ("„Wir …", "\"The …").
  var hasOpeningQuote = false
  /// The first character after them.
  var first: Unicode.Scalar = " "
  /// UTF-8 offset of `first`.
  var start: Int
  let text: ParagraphText

  /// The letters of the word (empty when it starts with a digit or a symbol).
  var word: String { ParagraphText.isLetter(first) ? text.word(at: start) : "" }

  @inline(__always)
  init(at index: Int, in text: ParagraphText) {
    self.text = text
    var position = index
    while position < text.count {
      let (scalar, length) = text.scalar(at: position)
      guard ParagraphText.isOpener(scalar) else { break }
      hasOpener = true
      if !ParagraphText.isOpeningOnly(scalar) || scalar == "„" || scalar == "‚" {
        hasOpeningQuote = true
      }
      position += length
    }
    start = position
    guard position < text.count else { return }
    first = text.scalar(at: position).scalar
  }

  var startsLowercase: Bool { ParagraphText.isLower(first) }
  var startsUppercase: Bool { ParagraphText.isUpper(first) }
  var startsWithDigit: Bool { ParagraphText.isDigit(first) }

  /// A digit, or a dash and a digit ("-3.", "–5").
  var startsWithNumber: Bool {
    startsWithDigit || first == "-" || first == "–"
  }

  /// Whether the word clearly starts a sentence: a quotation or bracket opening with a capital, or
  /// one of the language's sentence starters ("Die", "Er", "The", "However").
  func clearlyStartsSentence(_ lexicon: SegmentationLexicon) -> Bool {
    guard startsUppercase else { return false }
    if hasOpeningQuote { return true }
    return lexicon.sentenceStarters.contains(lookupKey)
  }

  /// How the word is looked up in a `SegmentationLexicon.WordList`.
  var lookupKey: SegmentationLexicon.WordList.Key {
    if let key = asciiKey { return .packed(key) }
    return .string(word)
  }

  /// The word's bytes packed into an integer, first byte highest and case kept, when it is one to
  /// eight ASCII letters that no other letter can go on from; nil otherwise.
  private var asciiKey: UInt64? {
    var key: UInt64 = 0
    var index = start
    while index < text.count && index - start <= 8 {
      let byte = text.bytes[index]
      guard (0x61...0x7A).contains(byte | 0x20) else { break }
      key = key << 8 | UInt64(byte)
      index += 1
    }
    guard index > start, index - start <= 8 else { return nil }
    if index < text.count && text.bytes[index] >= 0x80 { return nil }
    return key
  }
}

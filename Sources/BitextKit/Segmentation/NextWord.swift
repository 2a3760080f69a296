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
    if hasOpeningQuote && startsUppercase { return true }
    return startsUppercase && lexicon.sentenceStarters.contains(word)
  }
}

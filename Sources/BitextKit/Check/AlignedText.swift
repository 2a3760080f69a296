/// An alignment with its two documents, tokenised once for all checks.
struct AlignedText {
  let alignment: Alignment
  let source: Document
  let target: Document
  let sourceLanguage: Language
  let targetLanguage: Language
  /// Tokens of each source sentence (ranges are offsets into `source.utf8`).
  let sourceTokens: [[Token]]
  /// Tokens of each target sentence (ranges are offsets into `target.utf8`).
  let targetTokens: [[Token]]

  init(
    alignment: Alignment, source: Document, target: Document, sourceLanguage: Language,
    targetLanguage: Language
  ) {
    self.alignment = alignment
    self.source = source
    self.target = target
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    let sourceTokenizer = Tokenizer(language: sourceLanguage)
    let targetTokenizer = Tokenizer(language: targetLanguage)
    sourceTokens = alignment.source.map {
      sourceTokenizer.tokens(in: source.utf8, range: Self.clamped($0.utf8Range, source))
    }
    targetTokens = alignment.target.map {
      targetTokenizer.tokens(in: target.utf8, range: Self.clamped($0.utf8Range, target))
    }
  }

  private static func clamped(_ range: Range<Int>, _ document: Document) -> Range<Int> {
    min(range.lowerBound, document.utf8.count)..<min(range.upperBound, document.utf8.count)
  }

  /// The UTF-8 range of a sentence span (first sentence's start to last sentence's end).
  func sourceRange(of sentences: Range<Int>) -> Range<Int>? {
    guard let first = sentences.first, let last = sentences.last else { return nil }
    return alignment.source[first].utf8Range
      .lowerBound..<alignment.source[last].utf8Range.upperBound
  }

  func targetRange(of sentences: Range<Int>) -> Range<Int>? {
    guard let first = sentences.first, let last = sentences.last else { return nil }
    return alignment.target[first].utf8Range
      .lowerBound..<alignment.target[last].utf8Range.upperBound
  }
}

/// The source words of each sentence with their stems, to ask the dictionary what else a bead's
/// source says.
struct SourceWords {
  let tokens: [[Token]]
  private let sourceStemmer: Stemmer?
  private let targetStemmer: Stemmer?

  init(text: AlignedText) {
    tokens = text.sourceTokens
    sourceStemmer = Stemmer(language: text.sourceLanguage)
    targetStemmer = Stemmer(language: text.targetLanguage)
  }

  /// The target stems the dictionary gives for the words of `sentences` outside `excluded` (UTF-8
  /// range of the term's occurrence).
  func translations(in sentences: [Int], excluding excluded: Range<Int>, lexicon: BilingualLexicon)
    -> Set<String>
  {
    translations(in: sentences, lexicon: lexicon) { !$0.overlaps(excluded) }
  }

  /// The target stems the dictionary gives for the words of `sentences` inside `range` (UTF-8
  /// range of the term's occurrence): the term's own translations.
  func translations(in sentences: [Int], within range: Range<Int>, lexicon: BilingualLexicon)
    -> Set<String>
  {
    translations(in: sentences, lexicon: lexicon) { $0.overlaps(range) }
  }

  private func translations(
    in sentences: [Int], lexicon: BilingualLexicon, where includes: (Range<Int>) -> Bool
  ) -> Set<String> {
    var result: Set<String> = []
    for sentence in sentences where sentence < tokens.count {
      for token in tokens[sentence] where token.kind == .word && includes(token.utf8Range) {
        result.formUnion(lexicon.targets(of: sourceStemmer?.stem(token.key) ?? token.key))
      }
    }
    return result
  }

  /// The stem of a target word as the lexicon stores it.
  func targetStem(_ text: String) -> String {
    let key = TextNormalizer().key(text)
    return targetStemmer?.stem(key) ?? key
  }
}

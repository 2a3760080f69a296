/// A glossary's terms compiled for matching in one language pair: built once, shared by every
/// check of that pair of languages (a batch checks thousands of documents with one glossary).
///
///     let index = GlossaryIndex(
///       glossary: glossary, sourceLanguage: .german, targetLanguage: .english)
///     var checker = TranslationChecker(configuration: .init(glossary: glossary))
///     checker.glossaryIndex = index
///
/// - Complexity: building is O(*n*) in the total length of the terms; it is the cost a check
///   without an index pays every time.
public struct GlossaryIndex: Sendable {
  public let sourceLanguage: Language
  public let targetLanguage: Language
  /// The glossary's terms in each language, in the order of their IDs in the term indexes.
  let sourceTerms: [TermRenderingFinder.IndexedTerm]
  let targetTerms: [TermRenderingFinder.IndexedTerm]
  let source: TermIndex
  let target: TermIndex
  /// The number of glossary entries the index was built from, to tell it from another glossary's.
  let entryCount: Int

  public init(glossary: Glossary, sourceLanguage: Language, targetLanguage: Language) {
    self.init(
      glossary: glossary, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
      tracked: [])
  }

  init(glossary: Glossary, sourceLanguage: Language, targetLanguage: Language, tracked: [String]) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    var sourceTerms: [TermRenderingFinder.IndexedTerm] = []
    var targetTerms: [TermRenderingFinder.IndexedTerm] = []
    for (index, entry) in glossary.entries.enumerated() {
      for term in entry.terms {
        let indexed = TermRenderingFinder.IndexedTerm(
          text: term.text, entry: index, status: term.status, isCaseSensitive: term.isCaseSensitive)
        if term.language == sourceLanguage { sourceTerms.append(indexed) }
        if term.language == targetLanguage { targetTerms.append(indexed) }
      }
    }
    for term in tracked {
      sourceTerms.append(
        TermRenderingFinder.IndexedTerm(
          text: term, entry: nil, status: .preferred, isCaseSensitive: false))
    }
    func patterns(_ terms: [TermRenderingFinder.IndexedTerm]) -> [TermPattern] {
      terms.enumerated().map {
        TermPattern(
          id: $0.offset, text: $0.element.text, isCaseSensitive: $0.element.isCaseSensitive)
      }
    }
    self.sourceTerms = sourceTerms
    self.targetTerms = targetTerms
    self.source = TermIndex(language: sourceLanguage, patterns: patterns(sourceTerms))
    self.target = TermIndex(language: targetLanguage, patterns: patterns(targetTerms))
    self.entryCount = glossary.entries.count
  }
}

// MARK: - Languages of the terms

extension Glossary {
  /// True when some entry has a term in `language`: a glossary read for a pair of languages it
  /// does not cover has none (its `languages` still name the pair asked for).
  ///
  /// - Complexity: O(*n*) in the number of terms.
  public func hasTerms(in language: Language) -> Bool {
    entries.contains { entry in entry.terms.contains { $0.language == language } }
  }
}

/// A terminology glossary: concepts (entries) with their terms in two or more languages.
///
/// Read one with `Glossary.read(path:format:)` from TSV, CSV, TBX-Basic or TMX; write one with
/// `rendered(as:)`. For bitext the source language is German and the target English.
///
///     let glossary = try Glossary.read(path: "glossaries/news-politics.de-en.tsv")
///     let entries = glossary.entries(containing: "Truppe", in: .german)
public struct Glossary: Hashable, Sendable {
  /// A title, when the file has one (TBX `titleStmt`, a `# name:` line in TSV/CSV).
  public var name: String?
  /// The language terms are looked up in, e.g. German; nil when the file does not say.
  public var sourceLanguage: Language?
  /// The language of the renderings, e.g. English; nil when the file does not say.
  public var targetLanguage: Language?
  /// The concepts, in file order.
  public var entries: [GlossaryEntry]

  public init(
    name: String? = nil, sourceLanguage: Language? = nil, targetLanguage: Language? = nil,
    entries: [GlossaryEntry] = []
  ) {
    self.name = name
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.entries = entries
  }

  /// The languages of the glossary: source and target first, then the others in order of use.
  public var languages: [Language] {
    var seen: [Language] = []
    for case let language? in [sourceLanguage, targetLanguage] where !seen.contains(language) {
      seen.append(language)
    }
    for entry in entries {
      for term in entry.terms where !seen.contains(term.language) { seen.append(term.language) }
    }
    return seen
  }

  /// The entries that have a term whose text is exactly `text` in `language`.
  ///
  /// - Complexity: O(*n*) in the number of terms; the term matcher builds its own index.
  public func entries(containing text: String, in language: Language) -> [GlossaryEntry] {
    entries.filter { entry in entry.terms.contains { $0.language == language && $0.text == text } }
  }

  /// The number of terms in all entries and languages.
  public var termCount: Int { entries.reduce(0) { $0 + $1.terms.count } }
}

/// One concept of a glossary with its terms in each language (Kreml-Sprecher, Kremlin spokesman).
///
/// Terms keep their order; within a language the first accepted term is the one to use. Several
/// entries may share a term (the same German word can name two concepts).
///
///     let entry = GlossaryEntry(id: "kreml-sprecher", terms: [
///       Term("Kreml-Sprecher", language: .german),
///       Term("Kremlin spokesman", language: .english),
///       Term("Kremlin speaker", language: .english, status: .deprecated),
///     ])
///     // entry.preferredTerm(in: .english)?.text == "Kremlin spokesman"
public struct GlossaryEntry: Hashable, Sendable {
  /// An identifier unique in the glossary (TBX `conceptEntry/@id`, TMX `tuid` prefix, TSV `id`).
  public var id: String
  /// The terms in all languages, in glossary order.
  public var terms: [Term]
  /// What the concept means.
  public var definition: String?
  /// A note on the entry as a whole.
  public var note: String?
  /// The subject field, e.g. "military" or "diplomacy".
  public var subject: String?

  public init(
    id: String, terms: [Term], definition: String? = nil, note: String? = nil,
    subject: String? = nil
  ) {
    self.id = id
    self.terms = terms
    self.definition = definition
    self.note = note
    self.subject = subject
  }

  // MARK: - Looking up terms

  /// The terms in `language`, in glossary order.
  public func terms(in language: Language) -> [Term] {
    terms.filter { $0.language == language }
  }

  /// The preferred and admitted terms in `language`: the renderings the glossary accepts.
  public func acceptedTerms(in language: Language) -> [Term] {
    terms.filter { $0.language == language && $0.status.isAccepted }
  }

  /// The deprecated and superseded terms in `language`: renderings to avoid.
  public func avoidedTerms(in language: Language) -> [Term] {
    terms.filter { $0.language == language && !$0.status.isAccepted }
  }

  /// The term to use in `language`: the first preferred term, else the first admitted one.
  public func preferredTerm(in language: Language) -> Term? {
    terms.first { $0.language == language && $0.status == .preferred }
      ?? terms.first { $0.language == language && $0.status == .admitted }
  }

  /// The languages the entry has terms in, in order of first appearance.
  public var languages: [Language] {
    var seen: [Language] = []
    for term in terms where !seen.contains(term.language) { seen.append(term.language) }
    return seen
  }
}

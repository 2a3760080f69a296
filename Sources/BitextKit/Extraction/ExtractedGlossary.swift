/// The result of `GlossaryExtractor`: terms with their renderings, highest termhood first, and the
/// glossary they make for the rest of bitext (`glossary`), which every glossary format writes.
public struct ExtractedGlossary: Hashable, Sendable {
  public var terms: [ExtractedTerm]
  public var sourceLanguage: Language
  public var targetLanguage: Language
  /// True for a corpus's glossary (`CorpusGlossary`): the renderings' numbers are documents.
  public var isCorpus: Bool

  public init(
    terms: [ExtractedTerm], sourceLanguage: Language, targetLanguage: Language,
    isCorpus: Bool = false
  ) {
    self.terms = terms
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.isCorpus = isCorpus
  }

  /// `terms` highest termhood first (in their order on a tie), the first `maximum` of them when
  /// given.
  static func ranked(_ terms: [ExtractedTerm], keeping maximum: Int?) -> [ExtractedTerm] {
    let ranked = terms.enumerated().sorted {
      $0.element.termhood != $1.element.termhood
        ? $0.element.termhood > $1.element.termhood : $0.offset < $1.offset
    }.map(\.element)
    return maximum.map { Array(ranked.prefix($0)) } ?? ranked
  }

  /// The terms as a glossary: one entry per term with the German term (its most frequent form) and
  /// the renderings as English terms, the most used preferred and the others admitted (so `check`
  /// reads every one as correct and reports what `extract` flagged: an inconsistent term, an
  /// occurrence without rendering); counts, sentences, misspellings and the first example as
  /// notes. A term of the known glossary keeps that entry: its ID, terms and statuses, with
  /// renderings it lacks added as admitted, and a note saying it is known.
  public var glossary: Glossary {
    let unit = isCorpus ? "documents" : "sentences"
    var entries: [GlossaryEntry] = []
    var usedIDs: Set<String> = []
    for (rank, term) in terms.enumerated() {
      var notes = [
        "count \(term.count); termhood \(Self.decimal(term.termhood))",
        term.isConsistent ? nil : "inconsistent: \(term.renderings.count) renderings",
        term.unrenderedSentences.isEmpty
          ? nil : "no rendering in \(unit) \(Self.list(term.unrenderedSentences))",
        term.misspellings.isEmpty
          ? nil : "misspelt as " + term.misspellings.joined(separator: ", "),
      ].compactMap { $0 }
      if let example = term.example {
        notes.append(
          "example: " + Self.oneLine(example.sourceText) + " = " + Self.oneLine(example.targetText))
      }
      var entry: GlossaryEntry
      if let known = term.knownEntry {
        entry = known
        notes.append("known entry \(known.id)")
      } else {
        var id = "extract-\(rank + 1)"
        while usedIDs.contains(id) { id += "x" }
        entry = GlossaryEntry(
          id: id,
          terms: [
            Term(
              term.text, language: sourceLanguage,
              isCaseSensitive: term.candidate.kind == .acronym)
          ])
      }
      usedIDs.insert(entry.id)
      let existing = Set(
        entry.terms(in: targetLanguage).map { TerminologyChecker.spellingKey($0.text) })
      for (index, rendering) in term.renderings.enumerated()
      where !existing.contains(TerminologyChecker.spellingKey(rendering.name)) {
        entry.terms.append(
          Term(
            rendering.name, language: targetLanguage,
            status: index == 0 && term.knownEntry == nil ? .preferred : .admitted,
            note: "\(rendering.count)× in \(unit) \(Self.list(rendering.sentences))"))
      }
      entry.note = ([entry.note].compactMap { $0 } + notes).joined(separator: "; ")
      entries.append(entry)
    }
    return Glossary(
      name: "extracted", sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
      entries: entries)
  }

  static func list(_ numbers: [Int]) -> String {
    numbers.map(String.init).joined(separator: ", ")
  }

  static func decimal(_ value: Double) -> String {
    String(Double(Int((value * 100).rounded())) / 100)
  }

  /// Text on one line: runs of white space as one space.
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

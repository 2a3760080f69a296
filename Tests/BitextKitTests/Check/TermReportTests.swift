import BitextKit
import Testing

/// The renderings report of `bitext terms`.
@Suite struct TermReportTests {
  func report(
    _ german: [String], _ english: [String], glossary: Glossary = Glossary(),
    tracking tracked: [String] = []
  ) -> TermReport {
    let source = Document(name: "de.txt", text: german.joined(separator: "\n") + "\n")
    let target = Document(name: "en.txt", text: english.joined(separator: "\n") + "\n")
    let sourceSentences = SentenceSplitter.lines(of: source)
    let alignment = Alignment(
      source: sourceSentences, target: SentenceSplitter.lines(of: target),
      beads: sourceSentences.indices.map {
        AlignmentBead(source: $0..<$0 + 1, target: $0..<$0 + 1, confidence: 0.9)
      })
    let occurrences = TranslationChecker(configuration: .init(glossary: glossary))
      .occurrences(alignment, source: source, target: target, tracking: tracked)
    return TermReport(occurrences: occurrences)
  }

  @Test func trackedTermGetsItsRenderingFromCooccurrence() throws {
    let result = report(
      ["Die Gegenoffensive begann.", "Die Gegenoffensive scheiterte.", "Das Wetter war gut."],
      ["The counterattack began.", "The counterattack failed.", "The weather was good."],
      tracking: ["Gegenoffensive"])
    let term = try #require(result.terms.first)
    #expect(term.term == "Gegenoffensive")
    #expect(term.entryID == nil)
    #expect(term.renderings.map(\.name) == ["counterattack"])
    #expect(term.renderings.first?.sentences == [0, 1])
    #expect(term.isConsistent)
    #expect(term.occurrences.allSatisfy { $0.renderings.first?.origin == .cooccurrence })
  }

  static let troops = Glossary(entries: [
    GlossaryEntry(
      id: "truppe",
      terms: [
        Term("Truppe", language: .german), Term("troops", language: .english),
        Term("forces", language: .english),
      ])
  ])

  @Test func repeatedTermSharesOutTheBeadsRenderingsInOrder() throws {
    let result = report(
      [
        "Die Truppen kamen, dann gingen die Truppen.",
        "Die Truppen kamen, dann gingen die Truppen wieder.",
        "Die Truppen kamen, Truppen blieben, Truppen gingen.",
      ],
      [
        "The troops came, then the forces left.",
        "The troops came, then they left, and the troops and forces came back.",
        "The troops came and stayed.",
      ],
      glossary: Self.troops)
    let term = try #require(result.terms.first)
    let names = term.occurrences.map { $0.renderings.map(\.name) }
    // One rendering each; the last occurrence also takes those beyond; none left for the rest.
    #expect(names == [["troops"], ["forces"], ["troops"], ["troops", "forces"], ["troops"], [], []])
  }

  @Test func repeatedTermWithOneRenderingIsNotMissing() {
    let glossary = Glossary(
      sourceLanguage: .german, targetLanguage: .english, entries: Self.troops.entries)
    let source = Document(name: "de.txt", text: "Die Truppen kamen, dann gingen die Truppen.\n")
    let target = Document(name: "en.txt", text: "The troops came and then they left.\n")
    let alignment = Alignment(
      source: SentenceSplitter.lines(of: source), target: SentenceSplitter.lines(of: target),
      beads: [AlignmentBead(source: 0..<1, target: 0..<1, confidence: 0.9)])
    let findings = TranslationChecker(configuration: .init(glossary: glossary))
      .check(alignment, source: source, target: target)
    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  @Test func glossaryRenderingsDecideConsistency() throws {
    let glossary = Glossary(entries: [
      GlossaryEntry(
        id: "truppe",
        terms: [
          Term("Truppe", language: .german), Term("troops", language: .english),
          Term("forces", language: .english),
        ])
    ])
    let result = report(
      ["Die Truppen kamen.", "Die Truppen gingen."], ["The troops came.", "The forces left."],
      glossary: glossary)
    let term = try #require(result.terms.first)
    #expect(term.entryID == "truppe")
    #expect(!term.isConsistent)
    #expect(term.renderings.map(\.name) == ["troops", "forces"])
    let text = TermReportFormatter.render(result, as: .text)
    #expect(text.hasPrefix("Truppe: inconsistent, 2 renderings in 2 occurrences\n"))
    #expect(text.contains("  [1] Truppen → forces\n"))
  }
}

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

import BitextKit
import Testing

@Suite struct GlossaryModelTests {
  let entry = GlossaryEntry(
    id: "truppe",
    terms: [
      Term("Truppe", language: .german),
      Term("forces", language: .english, status: .admitted),
      Term("troops", language: .english),
      Term("soldiery", language: .english, status: .superseded),
      Term("troup", language: .english, status: .deprecated),
    ])

  @Test func termsByLanguageAndStatus() {
    #expect(entry.terms(in: .german).map(\.text) == ["Truppe"])
    #expect(entry.acceptedTerms(in: .english).map(\.text) == ["forces", "troops"])
    #expect(entry.avoidedTerms(in: .english).map(\.text) == ["soldiery", "troup"])
    #expect(entry.preferredTerm(in: .english)?.text == "troops")
    #expect(entry.preferredTerm(in: .french) == nil)
    #expect(entry.languages == [.german, .english])
  }

  @Test func preferredFallsBackToAdmitted() {
    let only = GlossaryEntry(id: "x", terms: [Term("a", language: .english, status: .admitted)])
    #expect(only.preferredTerm(in: .english)?.text == "a")
  }

  @Test func statusesOrderAndAcceptance() {
    #expect(TermStatus.allCases.sorted() == [.preferred, .admitted, .deprecated, .superseded])
    #expect(TermStatus.allCases.filter(\.isAccepted) == [.preferred, .admitted])
    #expect(TermStatus(glossaryValue: "Forbidden") == .deprecated)
    #expect(TermStatus(glossaryValue: "supersededTerm-admn-sts") == .superseded)
    #expect(TermStatus(glossaryValue: "maybe") == nil)
    #expect(TermStatus.preferred.tbxValue == "preferredTerm-admn-sts")
  }

  @Test func glossaryLanguagesAndLookup() {
    let glossary = Glossary(
      targetLanguage: .english,
      entries: [
        entry,
        GlossaryEntry(
          id: "rat", terms: [Term("Rat", language: .german), Term("conseil", language: .french)]),
      ])
    #expect(glossary.languages == [.english, .german, .french])
    #expect(glossary.entries(containing: "Truppe", in: .german).map(\.id) == ["truppe"])
    #expect(glossary.entries(containing: "Truppe", in: .english).isEmpty)
    #expect(glossary.termCount == 7)
    let statistics = GlossaryStatistics(glossary)
    #expect(statistics.entries == 2)
    #expect(statistics.entriesWithoutAcceptedTarget == 1)
  }
}

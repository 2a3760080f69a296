import BitextKit
import Foundation
import Testing

/// The curated glossary in `glossaries/`: size, required entries, and TSV/TBX kept in step.
@Suite struct ShippedGlossaryTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("glossaries")
  static let tsvPath = directory.appendingPathComponent("news-politics.de-en.tsv").path
  static let tbxPath = directory.appendingPathComponent("news-politics.de-en.tbx").path

  let glossary: Glossary

  init() throws {
    glossary = try Glossary.read(path: Self.tsvPath)
  }

  func entry(_ german: String) throws -> GlossaryEntry {
    let entries = glossary.entries(containing: german, in: .german)
    try #require(entries.count == 1, "\(german): \(entries.count) entries")
    return entries[0]
  }

  func english(_ entry: GlossaryEntry, _ status: TermStatus) -> [String] {
    entry.terms(in: .english).filter { $0.status == status }.map(\.text)
  }

  @Test func hasAtLeast150EntriesWithUniqueIDsAndAnAcceptedRendering() {
    #expect(glossary.entries.count >= 150)
    #expect(Set(glossary.entries.map(\.id)).count == glossary.entries.count)
    #expect(glossary.sourceLanguage == .german && glossary.targetLanguage == .english)
    #expect(glossary.entries.allSatisfy { !$0.acceptedTerms(in: .english).isEmpty })
    #expect(glossary.entries.allSatisfy { !$0.terms(in: .german).isEmpty })
  }

  @Test func requiredEntries() throws {
    let kreml = try entry("Kreml-Sprecher")
    #expect(english(kreml, .preferred) == ["Kremlin spokesman"])
    #expect(english(kreml, .deprecated).contains("Kremlin speaker"))

    let inevitability = try entry("Unvermeidbarkeit")
    #expect(english(inevitability, .preferred) == ["inevitability"])
    #expect(!inevitability.acceptedTerms(in: .english).map(\.text).contains("unavoidability"))

    let troops = try entry("Truppe")
    #expect(english(troops, .preferred) == ["troops"])
    #expect(english(troops, .admitted).contains("forces"))

    let counteroffensive = try entry("Gegenoffensive")
    #expect(english(counteroffensive, .preferred) == ["counteroffensive"])
    #expect(english(counteroffensive, .admitted).contains("counter-offensive"))

    let expected: [(String, String, String?)] = [
      ("Kalter Krieg", "Cold War", nil), ("Weißes Haus", "White House", nil),
      ("Dritter Weltkrieg", "World War Three", "Third World War"),
      ("Staats- und Regierungschef", "leader", "head of state and government"),
      ("Atomwaffenarsenal", "nuclear arsenal", nil), ("Atomwaffe", "nuclear weapon", nil),
      ("Nachrichtenagentur", "news agency", nil), ("Gegenangriff", "counterattack", nil),
      ("Waffenstillstand", "ceasefire", nil),
    ]
    for (german, preferred, admitted) in expected {
      let found = try entry(german)
      #expect(english(found, .preferred) == [preferred], "\(german)")
      if let admitted { #expect(english(found, .admitted).contains(admitted), "\(german)") }
    }
  }

  @Test(arguments: [("NATO", "NATO"), ("USA", "US"), ("EU", "EU"), ("UN", "UN")])
  func acronymsAreCaseSensitive(german: String, english: String) throws {
    let found = try entry(german)
    #expect(
      found.terms.first { $0.language == .german && $0.text == german }?.isCaseSensitive == true)
    #expect(
      found.terms.first { $0.language == .english && $0.text == english }?.isCaseSensitive == true)
  }

  @Test func committedTBXEqualsAFreshConversion() throws {
    let committed = try String(contentsOfFile: Self.tbxPath, encoding: .utf8)
    #expect(committed == glossary.rendered(as: .tbx), "run `make glossaries` and commit the TBX")
    #expect(try Glossary.read(path: Self.tbxPath) == glossary)
  }

  @Test func committedTBXIsValid() throws {
    let committed = try String(contentsOfFile: Self.tbxPath, encoding: .utf8)
    #expect(TBXBasicRules.violations(in: committed) == [])
    let schema = try GlossarySamples.formatsFile("tbx-basic/TBXcoreStructV03.rng")
    let result = try XMLLint.validate(committed, extension: "tbx", ["--relaxng", schema])
    #expect(result.status == 0, "\(result.output)")
  }
}

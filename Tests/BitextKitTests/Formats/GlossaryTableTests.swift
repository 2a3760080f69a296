import BitextKit
import Testing

@Suite struct GlossaryTableTests {
  // MARK: - Reading

  @Test func simpleTableGivesDefaultStatuses() throws {
    let text =
      "de\ten\nTruppe\ttroops; forces\nGegenoffensive\tcounteroffensive;counter-offensive\n"
    let glossary = try GlossaryTable.read(
      GlossarySamples.document(text, name: "g.tsv"), dialect: .tsv)
    #expect(glossary.sourceLanguage == .german)
    #expect(glossary.targetLanguage == .english)
    #expect(glossary.entries.count == 2)
    let troops = glossary.entries[0]
    #expect(troops.id == "truppe")
    #expect(troops.terms(in: .german).map(\.text) == ["Truppe"])
    #expect(troops.terms(in: .english).map(\.text) == ["troops", "forces"])
    #expect(troops.terms(in: .english).map(\.status) == [.preferred, .admitted])
    #expect(
      glossary.entries[1].terms(in: .english).map(\.text)
        == ["counteroffensive", "counter-offensive"])
  }

  @Test func statusColumnAppliesToTargetTermsAndRowsMerge() throws {
    let text = """
      de,en,status,note
      Kreml-Sprecher,Kremlin spokesman,preferred,
      Kreml-Sprecher,Kremlin speaker,forbidden,false friend
      Rat,council,,
      """
    let glossary = try GlossaryTable.read(
      GlossarySamples.document(text, name: "g.csv"), dialect: .csv)
    #expect(glossary.entries.count == 2)
    let entry = glossary.entries[0]
    #expect(entry.terms(in: .german).map(\.status) == [.preferred])
    #expect(entry.terms(in: .english).map(\.text) == ["Kremlin spokesman", "Kremlin speaker"])
    #expect(entry.terms(in: .english).map(\.status) == [.preferred, .deprecated])
    #expect(entry.note == "false friend")
    #expect(entry.avoidedTerms(in: .english).map(\.text) == ["Kremlin speaker"])
  }

  @Test func rowsWithTheSameIDFormOneEntryAndSharedTermsStaySeparate() throws {
    let text = """
      id\tde\ten
      rat-1\tRat\tcouncil
      rat-2\tRat\tadvice
      rat-1\tRat\tboard
      """
    let glossary = try GlossaryTable.read(
      GlossarySamples.document(text, name: "g.tsv"), dialect: .tsv)
    #expect(glossary.entries.map(\.id) == ["rat-1", "rat-2"])
    #expect(glossary.entries[0].terms(in: .english).map(\.text) == ["council", "board"])
    #expect(glossary.entries(containing: "Rat", in: .german).count == 2)
  }

  @Test func perLanguageColumnsAndCaseFlags() throws {
    let text = """
      # name: Acronyms
      de\ten\tde_case\ten_case\ten_status\tpos\ten_note
      Vereinigte Staaten; USA\tUnited States; US; U.S.\tno; yes\tno; yes; yes\t\tnoun\t;;AP style
      """
    let glossary = try GlossaryTable.read(
      GlossarySamples.document(text, name: "g.tsv"), dialect: .tsv)
    #expect(glossary.name == "Acronyms")
    let terms = glossary.entries[0].terms
    #expect(terms.map(\.isCaseSensitive) == [false, true, false, true, true])
    #expect(terms.allSatisfy { $0.partOfSpeech == .noun })
    #expect(terms.map(\.note) == [nil, nil, nil, nil, "AP style"])
  }

  @Test func regionalTagsCountAsTheirLanguage() throws {
    let text = "de-DE\ten-GB\ten-gb_status\nTruppe\ttroops\tpreferred\n"
    let glossary = try GlossaryTable.read(
      GlossarySamples.document(text, name: "g.tsv"), dialect: .tsv)
    #expect(glossary.languages == [.german, .english])
    let error = GlossarySamples.inputError {
      _ = try GlossaryTable.read(
        GlossarySamples.document("de\ten-US\ten-GB\n", name: "g.tsv"), dialect: .tsv)
    }
    #expect(error?.description == "g.tsv:1:10: column 'en-gb' repeats language 'en'")
  }

  @Test func csvFollowsRFC4180() throws {
    let text =
      "de,en,note\r\n\"Staats- und Regierungschef\",\"leader\","
      + "\"says \"\"hi\"\",\r\nthen, more\"\r\n"
    let glossary = try GlossaryTable.read(
      GlossarySamples.document(text, name: "g.csv"), dialect: .csv)
    #expect(glossary.entries.count == 1)
    #expect(glossary.entries[0].note == "says \"hi\",\r\nthen, more")
  }

  // MARK: - Errors with file:line:column

  @Test(arguments: [
    ("de\ten\tstauts\nA\tB\tx\n", "g.tsv:1:7: unknown column 'stauts'"),
    ("de\ten\ten_status\nA\tB; C\tpreferred; admitted; admitted\n", "g.tsv:2:8: 3 values for 2 en"),
    ("de\ten\tstatus\nA\tB\tgood\n", "g.tsv:2:5: unknown status 'good'"),
    ("de\ten\tpos\nA\tB\tthing\n", "g.tsv:2:5: unknown part of speech 'thing'"),
    ("de\ten\n\nA\tB\textra\n", "g.tsv:3:5: row has 3 cells but the header has 2"),
    ("de\ten\nA\tB\n\t\t\n \t \n", "g.tsv:4:1: empty de term"),
    ("id\tnote\nx\ty\n", "g.tsv:1:1: the header names no language column"),
    ("de\ten\tde\n", "g.tsv:1:7: column 'de' repeats language 'de'"),
    ("de\ten\tnote\tnote\n", "g.tsv:1:12: column 'note' appears twice"),
    ("de\ten\tfr_status\n", "g.tsv:1:7: column 'fr_status' has no language column 'fr'"),
  ])
  func tsvErrorsNamePlace(text: String, message: String) {
    let error = GlossarySamples.inputError {
      _ = try GlossaryTable.read(GlossarySamples.document(text, name: "g.tsv"), dialect: .tsv)
    }
    #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
  }

  @Test(arguments: [
    ("de,en\n\"Truppe,troops\n", "g.csv:2:1: quoted CSV field is not closed"),
    ("de,en\nTruppe,\"troops\"x\n", "g.csv:2:16: unexpected character after the closing quote"),
    ("de,en\nTru\"ppe,troops\n", "g.csv:2:4: quote inside an unquoted CSV field"),
    ("de,en\n\"a\nb\",c\nx\"y,z\n", "g.csv:4:2: quote inside an unquoted CSV field"),
  ])
  func csvErrorsNamePlace(text: String, message: String) {
    let error = GlossarySamples.inputError {
      _ = try GlossaryTable.read(GlossarySamples.document(text, name: "g.csv"), dialect: .csv)
    }
    #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
  }

  // MARK: - Round trips

  @Test(arguments: [DelimitedText.Dialect.tsv, .csv])
  func roundTripKeepsEverything(dialect: DelimitedText.Dialect) throws {
    for glossary in [GlossarySamples.rich, GlossarySamples.withControlCharacters] {
      let text = GlossaryTable.render(glossary, dialect: dialect)
      let back = try GlossaryTable.read(
        GlossarySamples.document(text, name: "g.\(dialect.rawValue)"), dialect: dialect)
      var expected = glossary
      if dialect == .csv { expected.name = nil }  // RFC 4180 has no place for it
      #expect(back == expected, "\(text)")
    }
  }

  @Test func tsvOutputIsOneLineARowWithTheExpectedHeader() {
    let text = GlossaryTable.render(GlossarySamples.withControlCharacters, dialect: .tsv)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "# name: Test glossary <de-en> & more")
    #expect(lines[1].split(separator: "\t").prefix(4) == ["id", "de", "en", "fr"])
    #expect(lines.count == 2 + GlossarySamples.rich.entries.count + 1)  // last: empty after "\n"
    #expect(!text.contains("\r"))
  }
}

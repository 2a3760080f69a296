import BitextKit
import Testing

@Suite struct BatchRecordTests {
  private func parse(_ line: String, number: Int = 1) throws(BatchError) -> BatchRecord {
    try BatchRecord(line: Array(line.utf8), number: number)
  }

  private func error(_ line: String, number: Int = 1) -> BatchError? {
    do {
      _ = try parse(line, number: number)
      return nil
    } catch {
      return error
    }
  }

  @Test func readsPathsInlineTextLanguagesAndGlossary() throws {
    let record = try parse(
      #"{"id": "a1", "source": "a.de.txt", "target_text": "It rained.", "source_lang": "DE", "#
        + #""target_lang": "en", "glossary": "g.tsv", "extra": [1, 2]}"#)
    #expect(record.id == BatchID("a1"))
    #expect(record.source == .path("a.de.txt"))
    #expect(record.target == .inline("It rained."))
    #expect(record.sourceLanguage == .german)
    #expect(record.targetLanguage == .english)
    #expect(record.glossary == "g.tsv")
  }

  @Test func integerIDsAreEchoedAsNumbers() throws {
    let record = try parse(#"{"id": 42, "source_text": "a", "target_text": "b", "# + Self.languages)
    #expect(record.id == BatchID("42", isNumber: true))
    #expect(record.id.json == "42")
    #expect(BatchID("42").json == #""42""#)
  }

  @Test func jsonLineReadsBackAsTheSameRecord() throws {
    let record = BatchRecord(
      id: BatchID("x \"1\""), source: .inline("Zeile 1\nZeile 2"), target: .path("t.txt"),
      sourceLanguage: .german, targetLanguage: .english, glossary: "g.tbx")
    #expect(try parse(record.jsonLine) == record)
  }

  @Test(arguments: [
    ("", "line 7: empty line (expected a JSON object)"),
    ("{\"id\": ", "line 7: malformed JSON"),
    ("[1, 2]", "line 7: expected a JSON object"),
    ("{\"source_text\": \"a\"}", "line 7: missing \"id\""),
    ("{\"id\": true}", "line 7: \"id\" must be a non-empty string or an integer"),
    ("{\"id\": \"\"}", "line 7: \"id\" must be a non-empty string or an integer"),
  ])
  func linesWithoutAUsableIDNameTheirLineNumber(line: String, message: String) {
    let failure = error(line, number: 7)
    #expect(failure?.id == nil)
    #expect(failure?.message == message)
  }

  static let languages = #""source_lang": "de", "target_lang": "en"}"#

  @Test(arguments: [
    (#"{"id": "r", "target_text": "b", "# + languages, #"missing "source" or "source_text""#),
    (
      #"{"id": "r", "source": "a", "source_text": "a", "target_text": "b", "# + languages,
      #"give either "source" or "source_text", not both"#
    ),
    (
      #"{"id": "r", "source_text": "a", "target_text": "b", "source_lang": "xx-invalid"}"#,
      #""source_lang" is not a language code: "xx-invalid""#
    ),
    (
      #"{"id": "r", "source_text": 5, "target_text": "b", "# + languages,
      #""source_text" must be a string"#
    ),
    (
      #"{"id": "r", "source": "-", "target_text": "b", "# + languages,
      #""source" cannot be standard input ("-")"#
    ),
    (
      #"{"id": "r", "source_text": "a", "target_text": "b", "source_lang": "d e", "#
        + #""target_lang": "en"}"#,
      #""source_lang" is not a language code: "d e""#
    ),
  ])
  func badFieldsKeepTheRecordID(line: String, message: String) {
    let failure = error(line, number: 3)
    #expect(failure?.id == BatchID("r"))
    #expect(failure?.message == message)
  }

  @Test func invalidUTF8IsReportedWithItsByteOffset() {
    var line = Array(#"{"id": "x", "source_text": ""#.utf8)
    let offset = line.count
    line += [0xFF, 0x22, 0x7D]
    do {
      _ = try BatchRecord(line: line, number: 2)
      Issue.record("invalid UTF-8 was accepted")
    } catch {
      #expect(error.message == "line 2: invalid UTF-8 at byte offset \(offset)")
    }
  }

  @Test func languagesDefaultAndAreCheckedAsInTheCLI() throws {
    let plain = try BatchRecord(
      line: Array(#"{"id": "r", "source_text": "a", "target_text": "b"}"#.utf8), number: 1)
    #expect(plain.sourceLanguage == .german && plain.targetLanguage == .english)
    let regional = try BatchRecord(
      line: Array(
        #"{"id": "r", "source_text": "a", "target_text": "b", "source_lang": "fr_CH", "#
          .utf8) + Array(#""target_lang": "en-GB"}"#.utf8), number: 1)
    #expect(regional.sourceLanguage == .french && regional.targetLanguage == .english)
    #expect(
      error(#"{"id": "r", "source_text": "a", "target_text": "b", "target_lang": "german"}"#, number: 1)?
        .message == #""target_lang" is not a language code: "german""#)
  }
}

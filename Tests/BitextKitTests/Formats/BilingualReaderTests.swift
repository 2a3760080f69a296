import BitextKit
import Foundation
import Testing

/// `BilingualReader` on the fixtures in the shapes CAT tools write, and on bad input.
@Suite struct BilingualReaderTests {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/bilingual")

  static func read(
    _ name: String, source: Language? = nil, target: Language? = nil
  ) throws -> BilingualDocument {
    let document = try TextReader.read(path: directory.appendingPathComponent(name).path)
    return try BilingualReader(sourceLanguage: source, targetLanguage: target).read(document)
  }

  /// Trados Studio: `seg-source` segments paired with the target's `<mrk>` by `mid`, states from
  /// `sdl:seg-defs`, a segment inside `<g>`, codes inside a segment.
  @Test func sdlxliffSegmentsArePairedByMid() throws {
    let file = try Self.read("trados.sdlxliff")
    #expect(file.format == .xliff)
    #expect(file.sourceLanguage == .german && file.targetLanguage == .english)
    #expect(file.units.map(\.id) == ["a1", "a1", "a2", "a2", "a3"])
    #expect(file.units.map(\.segment) == ["1", "2", "3", "4", "5"])
    #expect(file.units[1].source.text == "Der Bundestag stimmt zu.")
    #expect(file.units[1].target?.text == "The Federal Diet agrees.")
    #expect(
      file.units.map(\.state) == [
        "Translated", "Draft", "ApprovedTranslation", "Translated", "Translated",
      ])
    #expect(file.units[2].isApproved && !file.units[3].isApproved)
    #expect(file.units[4].source.displayText == "Klicken Sie auf {2}Speichern{/2}{3/}")
    #expect(file.units[4].target?.codes.isEmpty == true)
    // Line 14 holds the target of a1; segment 2 starts after `<mrk mtype="seg" mid="2">`.
    let location = try #require(file.units[1].targetLocation)
    #expect(location.line == 14)
    let line = try String(
      contentsOf: Self.directory.appendingPathComponent("trados.sdlxliff"), encoding: .utf8
    ).components(separatedBy: "\n")[13]
    #expect(String(line.dropFirst(location.column - 1)).hasPrefix("The Federal Diet"))
  }

  /// memoQ: `<bpt>`/`<ept>`/`<ph>` with content that is markup, not text.
  @Test func memoQCodesArePlaceholders() throws {
    let file = try Self.read("memoq.mqxliff")
    #expect(file.units.count == 5)
    #expect(file.units[0].source.plainText == "Weitere Informationen finden Sie unten.")
    #expect(file.units[0].source.codes.map(\.role) == [.opening, .closing])
    #expect(file.units[0].target?.displayText == "You will find more information {1}below{/1}.")
    #expect(file.units[2].target?.text == "")
    #expect(file.units[3].state == "needs-review-translation")
    #expect(file.units[2].state == "NotStarted")  // mq:status where the target has no state
    #expect(file.units[4].source.codes.map(\.label) == ["{2/}"])
  }

  /// OmegaT (Okapi XLIFF): nested groups, `translate="no"` on a group, `approved`.
  @Test func omegaTGroupsAndTranslate() throws {
    let file = try Self.read("omegat.xlf")
    #expect(file.units.map(\.id) == ["1", "2", "3", "4", "5", "6"])
    #expect(file.units.map(\.isTranslatable) == [true, true, true, false, true, true])
    #expect(file.units[2].isApproved && !file.units[1].isApproved)
    #expect(file.units[3].target == nil)
    #expect(file.units[1].target?.displayText == "The treaty was signed by {1}27{/1} states.")
  }

  /// XLIFF 2.1: segments, `pc`, `ph`, `sc`/`ec`, a unit without target, languages on the root.
  @Test func xliff2Segments() throws {
    let file = try Self.read("xliff21.xlf")
    #expect(file.format == .xliff2)
    #expect(file.units.map(\.id) == ["save", "save", "close"])
    #expect(file.units.map(\.segment) == ["s1", "s2", nil])
    #expect(file.units[0].target?.displayText == "Click {1}Save{/1}.")
    #expect(file.units[1].source.displayText == "Die Datei hat {2/} Seiten.")
    #expect(file.units[2].source.displayText == "Fenster {3}schließen{/3}")
    #expect(file.units[2].target == nil)
    #expect(file.units.map(\.state) == ["translated", "reviewed", "initial"])
  }

  /// TMX: the pair from the header and the first unit, other languages and units ignored.
  @Test func tmxPairOtherLanguagesIgnored() throws {
    let file = try Self.read("memory.tmx")
    #expect(file.format == .tmx)
    #expect(file.sourceLanguage == .german && file.targetLanguage == .english)
    #expect(file.units.map(\.id) == ["t1", "t3"])
    #expect(file.units[0].target?.displayText == "The Kremlin has {1}not{/1} answered.")
    let french = try Self.read("memory.tmx", source: .french, target: .english)
    #expect(french.units.map(\.id) == ["t1", "t2"])
    #expect(french.units[1].source.text == "Bonjour.")
  }

  /// Tables: the header names the languages; an `id` column gives the ids; CSV quoting.
  @Test func tables() throws {
    let tsv = try Self.read("pairs.tsv")
    #expect(tsv.format == .tsv && tsv.units.map(\.id) == ["r1", "r2", "r3"])
    #expect(tsv.units[2].target?.text == "")
    #expect(tsv.units[1].targetLocation?.line == 3)
    let csv = try Self.read("pairs.csv")
    #expect(csv.units.map(\.id) == ["1", "2"])
    #expect(csv.units[0].source.text == "Der Bundesrat tagt, heute.")
    // Without a telling name (standard input), the first line tells TSV from CSV.
    let unnamed = try BilingualReader().read(Document(name: "<stdin>", text: "de,en\nJa,Yes\n"))
    #expect(unnamed.format == .csv && unnamed.units.map { $0.target?.text } == ["Yes"])
    let swapped = try Self.read("pairs.tsv", source: .english, target: .german)
    #expect(swapped.units[0].source.text == "The Kremlin is silent.")
  }

  /// UTF-16 with a byte-order mark reads as UTF-8 would.
  @Test func utf16WithBOM() throws {
    let file = try Self.read("utf16.xlf")
    #expect(file.units.map(\.source.text) == ["Hallo"])
    #expect(file.units.map { $0.target?.text } == ["Hello"])
  }

  @Test func languagesMustAgree() throws {
    #expect(throws: InputError.self) { try Self.read("omegat.xlf", source: .french) }
    do {
      _ = try Self.read("omegat.xlf", target: .french)
      Issue.record("a target language other than the file's was accepted")
    } catch {
      #expect("\(error)".contains("target language is en, but --target-lang is fr"))
    }
    #expect(throws: InputError.self) { try Self.read("memory.tmx", source: .german, target: "it") }
  }

  @Test(arguments: [
    ("malformed.xlf", "malformed.xlf:3:42: malformed XML"),
    ("bomb.xlf", "bomb.xlf:3:3: entity declarations are not allowed"),
    ("no-source.xlf", "no-source.xlf:4:1: <trans-unit id=\"2\"> has no <source>"),
  ])
  func badInput(name: String, message: String) throws {
    do {
      _ = try Self.read("bad/" + name)
      Issue.record("\(name) was read")
    } catch {
      #expect("\(error)".contains(message), "\(error)")
      #expect(!"\(error)".contains("\n"))
    }
  }

  /// A unit's elements are dropped once read: many units read with their ids in order.
  @Test func manyUnitsStream() throws {
    var xml = "<xliff version=\"1.2\"><file source-language=\"de\" target-language=\"en\"><body>\n"
    for index in 0..<5_000 {
      xml += "<trans-unit id=\"u\(index)\"><source>Satz \(index).</source>"
      xml += "<target>Sentence \(index).</target></trans-unit>\n"
    }
    xml += "</body></file></xliff>\n"
    let file = try BilingualReader().read(Document(name: "many.xlf", text: xml))
    #expect(file.units.count == 5_000)
    #expect(file.units.last?.id == "u4999" && file.units.last?.targetLocation?.line == 5_001)
  }

  /// XML written on one line: every location is on line 1, its column where the text starts.
  @Test func oneLineFileLocations() throws {
    var xml = "<xliff version=\"1.2\"><file source-language=\"de\" target-language=\"en\"><body>"
    for index in 0..<600 {
      xml += "<trans-unit id=\"u\(index)\"><source>Satz \(index) über <g id=\"1\">Ä</g>.</source>"
      xml += "<target state=\"translated\">Sentence \(index) on Ä.</target></trans-unit>"
    }
    xml += "</body></file></xliff>"
    let document = Document(name: "one.xlf", text: xml)
    let file = try BilingualReader().read(document)
    let lines = LineIndex(document)
    for index in [0, 299, 599] {
      let location = try #require(file.units[index].targetLocation)
      #expect(location.line == 1)
      let offset = lines.byteOffset(line: location.line, column: location.column)
      #expect(document.text(offset..<offset + 14).hasPrefix("Sentence \(index) "))
    }
  }

  @Test(arguments: [
    (
      "<xliff version=\"1.2\"><file source-language=\"de\" target-language=\"en\"><body>"
        + "<trans-unit id=\"1\"><source>a</source></trans-unit></body></file>\n"
        + "<file source-language=\"fr\" target-language=\"en\"><body>"
        + "<trans-unit id=\"2\"><source>b</source></trans-unit></body></file></xliff>",
      "x.xlf:2:1: <file> source-language=\"fr\" differs from the first file's de"
    ),
    (
      "<xliff version=\"3.0\" srcLang=\"de\"/>",
      "x.xlf:1:1: XLIFF version 3.0 is not read"
    ),
    (
      "<html><body/></html>",
      "x.xlf:1:1: not a bilingual file (root element <html>"
    ),
    (
      "<xliff version=\"1.2\"><file source-language=\"de\"><body/></file></xliff>",
      "the file names no target language: give --target-lang"
    ),
  ])
  func structuralErrors(xml: String, message: String) {
    do {
      _ = try BilingualReader().read(Document(name: "x.xlf", text: xml))
      Issue.record("read: \(xml)")
    } catch {
      #expect("\(error)".contains(message), "\(error)")
    }
  }

  /// A language the file does not state is taken from the reader.
  @Test func missingLanguageFromTheReader() throws {
    let xml =
      "<xliff version=\"1.2\"><file source-language=\"de\"><body><trans-unit id=\"1\">"
      + "<source>Hallo</source><target>Hello</target></trans-unit></body></file></xliff>"
    let file = try BilingualReader(targetLanguage: .english).read(
      Document(name: "x.xlf", text: xml))
    #expect(file.targetLanguage == .english && file.units.count == 1)
  }
}

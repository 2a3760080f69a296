import BitextKit
import Foundation
import Testing

/// A real client: translate-toolkit (PyPI `translate-toolkit`, installed by scripts/setup.sh) reads
/// bitext's XLIFF and TMX with the same units, and bitext reads what translate-toolkit writes.
///
/// The tests run `scripts/ttk_units.py`, which prints translate-toolkit's view of a file as JSON.
/// Without translate-toolkit they fail when `CI=true` (setup must have installed it) and are
/// skipped with a message otherwise.
@Suite struct TranslateToolkitTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let script = root.appendingPathComponent("scripts/ttk_units.py").path

  /// translate-toolkit's units of a file.
  struct Store: Decodable {
    struct Unit: Decodable, Equatable {
      var id: String
      var source: String
      var target: String?
    }
    var source_language: String?
    var target_language: String?
    var units: [Unit]
  }

  /// Runs the script; nil when translate-toolkit is missing (an issue is recorded on CI).
  static func run(_ arguments: [String]) throws -> Data? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script] + arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus == 3 {
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("translate-toolkit is missing on CI: scripts/setup.sh installs it. \(message)")
      } else {
        print("skipped: translate-toolkit is not installed (scripts/setup.sh installs it)")
      }
      return nil
    }
    try #require(process.terminationStatus == 0, "ttk_units.py \(arguments): \(message)")
    return data
  }

  static func store(_ path: String, _ extra: [String] = []) throws -> Store? {
    guard let data = try run([path] + extra) else { return nil }
    return try JSONDecoder().decode(Store.self, from: data)
  }

  static func temporary(_ name: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-ttk-\(UUID().uuidString)-\(name)").path
  }

  /// bitext's units as translate-toolkit's JSON shows them.
  static func units(_ file: BilingualDocument) -> [Store.Unit] {
    file.units.map {
      Store.Unit(id: $0.id, source: $0.source.text, target: $0.target.map(\.text))
    }
  }

  @Test(arguments: XLIFFWriter.Version.allCases)
  func readsBitextXLIFF(version: XLIFFWriter.Version) throws {
    let alignment = XLIFFWriterTests.alignment
    let xml = XLIFFWriter(version: version, sourceLanguage: .german, targetLanguage: .english)
      .document(alignment, original: "a.de.txt")
    let path = Self.temporary("a.xlf")
    try xml.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard let store = try Self.store(path) else { return }
    let ours = try BilingualReader().read(TextReader.read(path: path))
    #expect(store.units.count == 4)
    #expect(store.units == Self.units(ours))
    #expect(store.units[0].source == alignment.source[0].text)
    #expect(store.units[1].target == nil)
    #expect(store.source_language == "de" && store.target_language == "en")
  }

  @Test func readsBitextTMX() throws {
    let alignment = XLIFFWriterTests.alignment
    let tmx = AlignmentFormatter(sourceLanguage: .german, targetLanguage: .english)
      .render(alignment, as: .tmx)
    let path = Self.temporary("a.tmx")
    try tmx.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    guard let store = try Self.store(path, ["--source-lang", "de", "--target-lang", "en"]) else {
      return
    }
    let ours = try BilingualReader().read(TextReader.read(path: path))
    // TMX holds the beads with both sides: 1-1, 2-1 and 1-1.
    #expect(store.units.map(\.source) == ours.units.map(\.source.text))
    #expect(store.units.map(\.target) == ours.units.map { $0.target?.text })
    #expect(store.units.count == 3)
    #expect(store.units[1].source == "Satz 2 & <mehr>. Satz 3 & <mehr>.")
    #expect(ours.sourceLanguage == .german && ours.targetLanguage == .english)
  }

  /// po2xliff and po2tmx from a PO file: bitext reads the units translate-toolkit reads.
  @Test(arguments: ["po2xliff", "po2tmx"])
  func readsTranslateToolkitOutput(converter: String) throws {
    let po = Self.root.appendingPathComponent("Fixtures/bilingual/ttk/messages.po").path
    let path = Self.temporary(converter == "po2xliff" ? "m.xlf" : "m.tmx")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var arguments = ["--convert", converter, "--", "-i", po, "-o", path, "--progress", "none"]
    if converter == "po2tmx" { arguments += ["-l", "en", "--source-language", "de"] }
    guard try Self.run(arguments) != nil,
      let store = try Self.store(path, ["--source-lang", "de", "--target-lang", "en"])
    else { return }
    let ours = try BilingualReader().read(TextReader.read(path: path))
    let sources = [
      "Die Bundesregierung tagt am Montag.", "Speichern & \"schließen\"",
      "Der Kreml hat 3 Fragen nicht beantwortet.",
    ]
    #expect(ours.units.map(\.source.text).prefix(3) == sources[...])
    #expect(ours.units.map(\.source.text) == store.units.map(\.source))
    #expect(ours.units.map { $0.target?.text ?? "" } == store.units.map { $0.target ?? "" })
    if converter == "po2xliff" {
      #expect(ours.units.map(\.id) == store.units.map(\.id))
      #expect(ours.units.count == 4)  // the untranslated entry has an empty target
    } else {
      #expect(ours.sourceLanguage == .german && ours.targetLanguage == .english)
      #expect(ours.units.count == 3)  // po2tmx leaves the untranslated entry out
    }
  }
}

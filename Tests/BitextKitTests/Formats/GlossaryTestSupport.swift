import BitextKit
import Foundation
import Testing

/// Shared material for the glossary format tests: sample glossaries, paths and xmllint.
enum GlossarySamples {
  /// The repository root (this file is Tests/BitextKitTests/Formats/GlossaryTestSupport.swift).
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `Fixtures/formats` in the repository: the TMX DTD, the TBX RNG and the TBX-Basic example
  /// (origins and licences in its README).
  static let formatsDirectory = repositoryRoot.appendingPathComponent("Fixtures/formats")

  /// A path in the formats directory; records an issue when the file is missing.
  static func formatsFile(_ name: String) throws -> String {
    let path = formatsDirectory.appendingPathComponent(name).path
    guard FileManager.default.fileExists(atPath: path) else {
      Issue.record("missing \(path): the format reference files live in Fixtures/formats")
      throw CancellationError()
    }
    return path
  }

  /// A glossary using every field the model has (no tabs or runs of spaces: TBX normalises them).
  static let rich = Glossary(
    name: "Test glossary <de-en> & more", sourceLanguage: .german, targetLanguage: .english,
    entries: [
      GlossaryEntry(
        id: "kreml-sprecher",
        terms: [
          Term("Kreml-Sprecher", language: .german, partOfSpeech: .noun),
          Term("Kremlsprecher", language: .german, status: .admitted, partOfSpeech: .noun),
          Term(
            "Kremlin spokesman", language: .english, partOfSpeech: .noun, note: "AP; Reuters"),
          Term("Kremlin spokesperson", language: .english, status: .admitted),
          Term(
            "Kremlin speaker", language: .english, status: .deprecated, partOfSpeech: .noun,
            note: "false friend"),
        ],
        definition: "The press secretary of the Russian president", note: "line one\nline two",
        subject: "offices"),
      GlossaryEntry(
        id: "nato",
        terms: [
          Term("NATO", language: .german, isCaseSensitive: true),
          Term("Nato", language: .german, status: .admitted, isCaseSensitive: true),
          Term("NATO", language: .english, isCaseSensitive: true),
          Term("North Atlantic Treaty Organization", language: .english, status: .admitted),
        ]),
      GlossaryEntry(
        id: "tricky",
        terms: [
          Term("A; B \"quoted\", with comma & <tag>", language: .german, status: .admitted),
          Term("Zweiter", language: .german, status: .preferred),
          Term(#"back\slash"#, language: .english, status: .superseded, partOfSpeech: .other),
          Term("semi;colon", language: .english, note: "a note; with a semicolon, \"quotes\""),
        ],
        subject: "edge cases"),
      GlossaryEntry(
        id: "only-german", terms: [Term("Unvermeidbarkeit", language: .german)],
        note: "no English yet"),
      GlossaryEntry(
        id: "e-3d",
        terms: [
          Term("Staats- und Regierungschef", language: .german),
          Term("leader", language: .english),
          Term("head of state and government", language: .english, status: .admitted),
          Term("chef d'État", language: "fr", status: .admitted),
        ]),
    ])

  /// The same glossary with what only TSV and CSV keep: tabs, line ends and spaces in texts.
  static let withControlCharacters: Glossary = {
    var glossary = rich
    glossary.entries[2].terms[3].note = "tab\there,\r\nCRLF  and  spaces"
    glossary.entries[0].definition = "multi\nline \\n not an escape"
    return glossary
  }()

  /// A document from text, as if read from a file called `name`.
  static func document(_ text: String, name: String) -> Document {
    Document(name: name, text: text)
  }

  /// Writes `text` to a temporary file with the given extension and returns its path.
  static func temporaryFile(_ text: String, extension ext: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-glossary-\(UUID().uuidString).\(ext)")
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// The error a throwing call gives, as an `InputError`.
  static func inputError(_ body: () throws -> Void) -> InputError? {
    do {
      try body()
      return nil
    } catch let error as InputError {
      return error
    } catch {
      return nil
    }
  }
}

/// Runs xmllint; a missing xmllint is a test failure that says how to install it.
enum XMLLint {
  struct Result {
    var status: Int32
    var output: String
  }

  static var executable: String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    return paths.map { "\($0)/xmllint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Validates `text` with the given xmllint arguments (`--relaxng FILE` or `--dtdvalid FILE`).
  static func validate(_ text: String, extension ext: String, _ arguments: [String]) throws
    -> Result
  {
    guard let executable else {
      Issue.record("xmllint is missing: install it with `apt-get install libxml2-utils`")
      throw CancellationError()
    }
    let path = try GlossarySamples.temporaryFile(text, extension: ext)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["--noout", "--nonet"] + arguments + [path]
    let errorPath = path + ".err"
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: errorPath) }
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    try process.run()
    process.waitUntilExit()
    let output = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    return Result(status: process.terminationStatus, output: output)
  }
}

import Foundation
import Testing

/// Bad input gives exit code 2, exactly one line on stderr naming the file, and no output; good
/// input in any supported encoding segments the same.
@Suite struct ReadingCLITests {
  static let refused = [
    "bad/invalid-utf8.txt", "bad/empty.txt", "bad/whitespace-only.txt", "bad/nul-bytes.txt",
  ]
  static let accepted = [
    "bad/utf16le-bom.txt", "bad/utf16be-bom.txt", "bad/utf8-bom-crlf.txt", "bad/cr-only.txt",
  ]
  static let expectedSentences = [
    "Der Angriff begann am 24. Februar.", "Dr. Kühn kam um 8 Uhr.", "", "Grüße aus Köln.",
  ]

  static func expectRefused(_ result: BitextProcess.Result, naming path: String) {
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty, "one line, ending in a line break")
    #expect(lines.first?.contains(path) == true)
  }

  @Test(arguments: refused, ["text", "jsonl"])
  func badInputIsRefusedWithOneLine(name: String, format: String) throws {
    let path = Fixtures.path(name)
    let result = try BitextProcess.run(["segment", path, "--lang", "de", "--format", format])
    Self.expectRefused(result, naming: path)
  }

  @Test func invalidUTF8IsLocated() throws {
    let path = Fixtures.path("bad/invalid-utf8.txt")
    let result = try BitextProcess.run(["segment", path])
    #expect(result.stderr.contains("\(path):2:18:"))
    #expect(result.stderr.contains("byte offset 30"))
  }

  @Test func missingFilesAndDirectoriesAreRefused() throws {
    let missing = Fixtures.path("bad/no-such-file.txt")
    Self.expectRefused(try BitextProcess.run(["segment", missing]), naming: missing)
    let directory = Fixtures.path("bad")
    Self.expectRefused(try BitextProcess.run(["segment", directory]), naming: directory)
  }

  @Test(arguments: accepted)
  func otherEncodingsAndLineEndsSegmentAlike(name: String) throws {
    let result = try BitextProcess.run(["segment", Fixtures.path(name), "--lang", "de"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      .map(String.init) == Self.expectedSentences)
  }

  @Test func anOutputNamingTheInputIsRefusedAndTheInputIsKept() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("article.txt")
    let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("ukraine-nato.de.txt")))
    try original.write(to: input)
    for output in [input.path, directory.path + "/./article.txt"] {
      let result = try BitextProcess.run(["segment", input.path, "-o", output])
      Self.expectRefused(result, naming: output)
      #expect(try Data(contentsOf: input) == original)
    }
  }

  @Test func anOutputInAMissingDirectoryIsRefused() throws {
    let output = "/nonexistent-\(UUID().uuidString)/sentences.txt"
    let result = try BitextProcess.run(
      ["segment", Fixtures.path("ukraine-nato.de.txt"), "-o", output])
    Self.expectRefused(result, naming: output)
    #expect(result.stderr.contains("no such directory"))
  }

  @Test func aDashReadsStandardInput() throws {
    let result = try BitextProcess.run(
      ["segment", "-", "--lang", "de"], stdin: Data("Er kam am 24. Februar. Sie ging.".utf8))
    #expect(result.status == 0)
    #expect(result.stdout == "Er kam am 24. Februar.\nSie ging.\n")
  }

  @Test func badStandardInputIsNamedStdin() throws {
    let result = try BitextProcess.run(["segment", "-"], stdin: Data([0x41, 0xFF, 0x42]))
    Self.expectRefused(result, naming: "<stdin>:1:2:")
  }

  @Test func automaticLanguageDetectionPicksTheRules() throws {
    // German rules keep "24. Februar" together; English rules split "U.S. How".
    let german = try BitextProcess.run(
      ["segment", "-", "--lang", "auto"],
      stdin: Data("Der Krieg begann am 24. Februar. Die Welt war schockiert und sah zu.".utf8))
    #expect(german.stdout.split(separator: "\n").count == 2)
    let english = try BitextProcess.run(
      ["segment", "-", "--lang", "auto"],
      stdin: Data("I have lived in the U.S. How about you? It is the best of the places.".utf8))
    #expect(english.stdout.split(separator: "\n").count == 3)
    let forcedGerman = try BitextProcess.run(
      ["segment", "-", "--lang", "de"],
      stdin: Data("I have lived in the U.S. How about you? It is the best of the places.".utf8))
    #expect(forcedGerman.stdout.split(separator: "\n").count == 2)
  }
}

import Foundation
import Testing

/// A corpus from others names only the files it may: --base-dir and --inline-only.
@Suite struct BatchTrustCLITests {
  static let de = Fixtures.path("ukraine-nato.de.txt")

  static func line(_ id: String, _ fields: String) -> String {
    #"{"id": "\#(id)", \#(fields)}"#
  }

  /// Runs a batch of `lines`; returns each output line's "error" (nil for a result).
  static func errors(_ lines: [String], _ options: [String]) throws -> [String?] {
    let result = try BitextProcess.run(
      ["batch", "--no-dictionary", "--jobs", "1"] + options,
      stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
    return try result.stdout.split(separator: "\n").map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object?["error"] as? String
    }
  }

  @Test func baseDirKeepsPathsInsideIt() throws {
    let outside = try TemporaryFolder()
    let secret = try outside.write("secret.txt", "Geheim ist das. Niemand soll es lesen.\n")
    let base = try TemporaryFolder()
    try FileManager.default.createDirectory(
      atPath: base.file("texts"), withIntermediateDirectories: true)
    try base.write("texts/a.de.txt", try String(contentsOfFile: Self.de, encoding: .utf8))
    try FileManager.default.createSymbolicLink(
      atPath: base.file("texts/link.txt"), withDestinationPath: secret)
    let relativeOut = "../" + URL(fileURLWithPath: outside.path).lastPathComponent + "/secret.txt"
    let lines = [
      Self.line("inside", #""source": "texts/a.de.txt", "target_text": "The war goes on.""#),
      Self.line("absolute", #""source": "\#(secret)", "target_text": "x""#),
      Self.line("dotdot", #""source": "texts/../\#(relativeOut)", "target_text": "x""#),
      Self.line("link", #""source": "texts/link.txt", "target_text": "x""#),
      Self.line(
        "glossary", #""source_text": "Krieg.", "target_text": "War.", "glossary": "\#(secret)""#),
    ]
    let errors = try Self.errors(lines, ["--base-dir", base.path])
    try #require(errors.count == 5)
    #expect(errors[0] == nil, "\(errors[0] ?? "")")
    for error in errors.dropFirst() {
      #expect(error?.contains("outside the base directory") == true, "\(error ?? "nil")")
    }
  }

  @Test func inlineOnlyRefusesEveryPath() throws {
    let lines = [
      Self.line("inline", #""source_text": "Es regnet.", "target_text": "It rains.""#),
      Self.line("path", #""source": "\#(Self.de)", "target_text": "x""#),
    ]
    let errors = try Self.errors(lines, ["--inline-only"])
    #expect(errors.count == 2)
    #expect(errors[0] == nil)
    #expect(errors[1] == "\(Self.de): cannot read: paths are not allowed (--inline-only)")
  }

  @Test func languagesAreCheckedAndDefaultAsInTheCLI() throws {
    let lines = [
      Self.line("default", #""source_text": "Es regnet.", "target_text": "It rains.""#),
      Self.line("bad", #""source_text": "a", "target_text": "b", "source_lang": "xx-invalid""#),
    ]
    let errors = try Self.errors(lines, [])
    #expect(errors.count == 2)
    #expect(errors[0] == nil)
    #expect(errors[1] == #""source_lang" is not a language code: "xx-invalid""#)
  }

  /// An oversized line is an error line and is not kept in memory; the lines around it go on.
  @Test func aLineOverTheLimitIsAnErrorLine() throws {
    let big = Self.line(
      "big",
      #""source_text": ""# + String(repeating: "Wort ", count: 40_000) + #"", "target_text": "x""#)
    let lines = [
      Self.line("before", #""source_text": "Es regnet.", "target_text": "It rains.""#), big,
      Self.line("after", #""source_text": "Es regnet.", "target_text": "It rains.""#),
    ]
    let errors = try Self.errors(lines, ["--max-line-bytes", "100000"])
    #expect(errors.count == 3)
    #expect(errors[0] == nil && errors[2] == nil)
    #expect(
      errors[1] == "line 2: \(big.utf8.count) bytes, over the limit of 100000 bytes a line")
  }
}

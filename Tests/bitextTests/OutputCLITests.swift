import Foundation
import Testing

/// Where output goes when it cannot: a full device behind stdout, stderr or `-o`.
@Suite struct OutputCLITests {
  static let de = Fixtures.path("ukraine-nato.de.txt")
  static let en = Fixtures.path("ukraine-nato.en.txt")
  static let glossary = Fixtures.path("../glossaries/news-politics.de-en.tsv")

  /// Commands whose result goes to standard output.
  static let stdoutCommands: [[String]] = [
    ["segment", de],
    ["segment", de, "--format", "jsonl"],
    ["align", de, en, "--no-dictionary", "--format", "html"],
    ["check", de, en, "--glossary", glossary, "--no-dictionary", "--fail-on", "never"],
    ["terms", de, en, "--glossary", glossary, "--no-dictionary"],
    ["glossary", "convert", glossary, "-", "--to", "tbx"],
    ["glossary", "stats", glossary],
    ["--help"],
  ]

  @Test(arguments: stdoutCommands)
  func aFullStandardOutputIsExitTwoWithOneLine(arguments: [String]) throws {
    let folder = try TemporaryFolder()
    let result = try BitextProcess.run(arguments, stdoutPath: try folder.full())
    #expect(result.status == 2, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(lines.first?.contains("<stdout>: cannot write: No space left on device") == true)
  }

  @Test func aFullStandardErrorIsExitTwo() throws {
    let folder = try TemporaryFolder()
    let result = try BitextProcess.run(
      ["segment", folder.file("missing.txt")], stderrPath: try folder.full())
    #expect(result.status == 2)
  }

  @Test func batchToAFullStandardOutputIsExitTwo() throws {
    let folder = try TemporaryFolder()
    let line = #"{"id":"a","source_text":"Ein Satz.","target_text":"A sentence."}"# + "\n"
    let result = try BitextProcess.run(
      ["batch", "--no-dictionary"], stdin: Data(line.utf8), stdoutPath: try folder.full())
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }
}

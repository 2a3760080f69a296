import Foundation
import Testing

/// Every command reads a glossary by the same rules, with the same warnings and errors.
@Suite struct GlossaryRulesCLITests {
  static let de = Fixtures.path("ukraine-nato.de.txt")
  static let en = Fixtures.path("ukraine-nato.en.txt")

  /// The commands that read a glossary, `G` standing for its path.
  static let commands: [[String]] = [
    ["glossary", "stats", "G"],
    ["glossary", "convert", "G", "-", "--to", "tbx"],
    ["check", de, en, "--glossary", "G", "--no-dictionary", "--fail-on", "never"],
    ["terms", de, en, "--glossary", "G", "--no-dictionary"],
    ["align", de, en, "--glossary", "G", "--no-dictionary"],
  ]

  static func run(_ command: [String], glossary: String) throws -> BitextProcess.Result {
    try BitextProcess.run(command.map { $0 == "G" ? glossary : $0 })
  }

  @Test(arguments: commands)
  func acceptedHeadersAndNoHeader(command: [String]) throws {
    let folder = try TemporaryFolder()
    for header in ["", "de\ten\n", "de_DE\ten_GB\n", "German\tEnglish\n", "source\ttarget\n"] {
      let glossary = try folder.write("g.tsv", header + "Krieg\twar\nKreml\tKremlin\n")
      let result = try Self.run(command, glossary: glossary)
      #expect(result.status == 0, "\(header.debugDescription): \(result.stderr)")
      #expect(result.stderr.isEmpty, "\(header.debugDescription): \(result.stderr)")
    }
  }

  @Test(arguments: commands)
  func emptyTermsAndHeaderOnlyFilesAreErrors(command: [String]) throws {
    let folder = try TemporaryFolder()
    let cases = [
      ("de\ten\n\twar\n", ":2:1: empty de term"),
      ("de\ten\nKrieg\twar;\n", ":2:7: empty en term"),
      ("de\ten\nKrieg; ;Kampf\twar\n", ":2:1: empty de term"),
      ("de\ten\nKrieg\n", ":2:1: row has no en term (1 of 2 cells)"),
      ("de\ten\tstatus\n", ":1:1: a header row but no entries"),
    ]
    for (text, message) in cases {
      let glossary = try folder.write("g.tsv", text)
      let result = try Self.run(command, glossary: glossary)
      #expect(result.status == 2, "\(text.debugDescription): \(result.stderr)")
      #expect(result.stderr == "bitext: \(glossary)\(message)\n", "\(text.debugDescription)")
    }
  }

  @Test(arguments: commands)
  func duplicatesAndConflictsAreWarnedWithTheirLine(command: [String]) throws {
    let folder = try TemporaryFolder()
    let glossary = try folder.write(
      "g.tsv",
      "de\ten\tstatus\nKiew\tKyiv\t\nKreml\tKremlin\t\nKreml\tKremlin\t\n"
        + "Kiew\tKyiv\tdeprecated\n")
    let result = try Self.run(command, glossary: glossary)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.split(separator: "\n") == [
        "bitext: \(glossary):4:1: warning: repeats the entry of line 3 (merged)",
        "bitext: \(glossary):5:1: warning: 'Kyiv' is deprecated here but preferred at line 2 "
          + "(kept: preferred)",
      ])
  }
}

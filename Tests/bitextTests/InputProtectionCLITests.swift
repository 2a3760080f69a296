import Foundation
import Testing

/// No command writes over a file it reads: texts, glossary, dictionary, gold, batch sources.
@Suite struct InputProtectionCLITests {
  static let de = Fixtures.path("ukraine-nato.de.txt")
  static let en = Fixtures.path("ukraine-nato.en.txt")
  static let gold = Fixtures.path("ukraine-nato.gold.txt")
  static let glossary = Fixtures.path("../glossaries/news-politics.de-en.tsv")

  /// A copy of a fixture in `folder`.
  static func copy(_ path: String, to folder: TemporaryFolder, as name: String) throws -> String {
    try folder.write(name, try String(contentsOfFile: path, encoding: .utf8))
  }

  /// Runs `arguments`, which must be refused with one line, leaving `protected` as it was.
  static func expectRefused(_ arguments: [String], protecting protected: String) throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: protected))
    let result = try BitextProcess.run(arguments)
    #expect(result.status == 2, "\(arguments): \(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("refusing to write the output over an input file"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: protected)) == before)
  }

  @Test(arguments: ["align", "check", "terms"])
  func theDictionaryIsNotAnOutput(command: String) throws {
    let folder = try TemporaryFolder()
    let dictionary = try folder.write("d.tsv", "Krieg\twar\nNATO\tNATO\n")
    var arguments = [command, Self.de, Self.en, "--dictionary", dictionary, "-o", dictionary]
    if command != "align" { arguments += ["--glossary", Self.glossary] }
    try Self.expectRefused(arguments, protecting: dictionary)
  }

  @Test(arguments: ["source", "target", "gold"])
  func evalAlignmentLinksIsNoInput(input: String) throws {
    let folder = try TemporaryFolder()
    let paths = [
      "source": try Self.copy(Self.de, to: folder, as: "de.txt"),
      "target": try Self.copy(Self.en, to: folder, as: "en.txt"),
      "gold": try Self.copy(Self.gold, to: folder, as: "gold.txt"),
    ]
    try Self.expectRefused(
      [
        "eval", "alignment", "--source", paths["source"]!, "--target", paths["target"]!,
        "--gold", paths["gold"]!, "--target-lang", "en", "--links", paths[input]!,
      ], protecting: paths[input]!)
  }

  @Test func batchRefusesItsInputAsOutput() throws {
    let folder = try TemporaryFolder()
    let corpus = try folder.write(
      "pairs.jsonl",
      #"{"id": "a", "source_text": "Ein Satz.", "target_text": "A sentence.", "#
        + #""source_lang": "de", "target_lang": "en"}"# + "\n")
    try Self.expectRefused(
      ["batch", corpus, "--no-dictionary", "-o", corpus], protecting: corpus)
    try Self.expectRefused(
      ["batch", corpus, "--no-dictionary", "--tmx", corpus], protecting: corpus)
  }

  @Test(arguments: ["-o", "--tmx"])
  func aBatchSourceOrGlossaryThatIsAnOutputStays(flag: String) throws {
    let folder = try TemporaryFolder()
    let source = try Self.copy(Self.de, to: folder, as: "src.txt")
    let glossary = try Self.copy(Self.glossary, to: folder, as: "terms.tsv")
    let corpus = try folder.write(
      "pairs.jsonl",
      [
        #"{"id": "a", "source": "\#(source)", "target": "\#(Self.en)", "#
          + #""source_lang": "de", "target_lang": "en"}"#,
        #"{"id": "b", "source_text": "Ein Satz.", "target_text": "A sentence.", "#
          + #""source_lang": "de", "target_lang": "en", "glossary": "\#(glossary)"}"#,
      ].joined(separator: "\n") + "\n")
    for output in [source, glossary] {
      try Self.expectRefused(
        ["batch", corpus, "--no-dictionary", "--jobs", "1", flag, output], protecting: output)
    }
    #expect(folder.names == ["pairs.jsonl", "src.txt", "terms.tsv"])
  }
}

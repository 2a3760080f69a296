import Foundation
import Testing

/// `bitext check` and `bitext terms` on the fixture pair, as a user runs them.
@Suite struct CheckCLITests {
  static let glossary = Fixtures.directory.deletingLastPathComponent()
    .appendingPathComponent("glossaries/news-politics.de-en.tsv").path

  /// The Ding dictionary (Debian trans-de-en): "found instead" for a term needs it.
  static let hasDictionary = FileManager.default.fileExists(atPath: "/usr/share/trans/de-en")

  static let pair = [Fixtures.path("ukraine-nato.de.txt"), Fixtures.path("ukraine-nato.en.txt")]

  /// A finding reduced to what the gold list states.
  struct Key: Hashable, CustomStringConvertible {
    var kind: String
    var sourceSentence: Int?
    var term: String?
    var description: String { "\(kind) [\(sourceSentence.map(String.init) ?? "-")] \(term ?? "")" }
  }

  static func key(_ object: [String: Any]) -> Key {
    Key(
      kind: object["kind"] as? String ?? "", sourceSentence: object["source_sentence"] as? Int,
      term: object["term"] as? String)
  }

  static func gold() throws -> [[String: Any]] {
    let text = try String(
      contentsOfFile: Fixtures.path("ukraine-nato.findings.gold.jsonl"), encoding: .utf8)
    return try text.split(separator: "\n").map {
      try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  @Test func reportsEveryPlantedFindingAndNothingElse() throws {
    let result = try BitextProcess.run(
      ["check"] + Self.pair + ["--glossary", Self.glossary, "--format", "json"])
    #expect(result.status == 1, "findings exist, so the exit status is 1: \(result.stderr)")
    let findings = try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    let gold = try Self.gold()
    let reported = findings.map(Self.key)
    let planted = gold.map(Self.key)
    let missed = planted.filter { !reported.contains($0) }
    let extra = reported.filter { !planted.contains($0) }
    #expect(missed.isEmpty, "planted findings not reported: \(missed)")
    #expect(extra.isEmpty, "findings that were not planted: \(extra)")
    #expect(reported.count == planted.count)
    // Where the gold list names what was found or which target sentences, those must agree too.
    for expected in gold {
      guard let finding = findings.first(where: { Self.key($0) == Self.key(expected) }) else {
        continue
      }
      if let found = expected["found"] as? [String],
        Self.hasDictionary || Self.key(expected).kind != "term-missing"
      {
        let reportedFound = finding["found"] as? [String] ?? []
        #expect(Set(found).isSubset(of: reportedFound), "\(Self.key(expected)): \(reportedFound)")
      }
      if let targets = expected["target_sentences"] as? [Int] {
        #expect(finding["target_sentences"] as? [Int] == targets, "\(Self.key(expected))")
      }
    }
  }

  @Test func textOutputIsCompilerStyle() throws {
    let result = try BitextProcess.run(["check"] + Self.pair + ["--glossary", Self.glossary])
    let line = try #require(
      result.stdout.split(separator: "\n").first { $0.contains("forbidden-term") })
    // file:line:column: severity: kind: message [sentence N]
    let pattern = #/^.+ukraine-nato\.en\.txt:\d+:\d+: error: forbidden-term: .+ \[sentence 2\]$/#
    #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
  }

  @Test func failOnDecidesTheExitStatus() throws {
    let never = try BitextProcess.run(
      ["check"] + Self.pair + ["--glossary", Self.glossary, "--fail-on", "never"])
    #expect(never.status == 0)
    let error = try BitextProcess.run(
      ["check"] + Self.pair + ["--glossary", Self.glossary, "--fail-on", "error"])
    #expect(error.status == 1)
  }

  @Test func cleanTranslationExitsZero() throws {
    let german = "Die Truppen kehrten zurück. Der Kalte Krieg war vorbei.\n"
    let english = "The troops returned. The Cold War was over.\n"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bitext-check-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let de = directory.appendingPathComponent("a.de.txt")
    let en = directory.appendingPathComponent("a.en.txt")
    try german.write(to: de, atomically: true, encoding: .utf8)
    try english.write(to: en, atomically: true, encoding: .utf8)
    let result = try BitextProcess.run(["check", de.path, en.path, "--glossary", Self.glossary])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func badInputExitsTwo() throws {
    let missingGlossary = try BitextProcess.run(
      ["check"] + Self.pair + ["--glossary", "/nonexistent.tsv"])
    #expect(missingGlossary.status == 2)
    #expect(missingGlossary.stderr.contains("/nonexistent.tsv"))
    let noGlossary = try BitextProcess.run(["check"] + Self.pair)
    #expect(noGlossary.status == 2)
  }

  @Test func termsReportShowsTheInconsistentTerm() throws {
    let result = try BitextProcess.run(
      ["terms"] + Self.pair + ["--glossary", Self.glossary, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let terms = try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    let truppe = try #require(terms.first { $0["term"] as? String == "Truppe" })
    #expect(truppe["consistent"] as? Bool == false)
    let renderings = (truppe["renderings"] as? [[String: Any]] ?? []).compactMap {
      $0["rendering"] as? String
    }
    #expect(Set(renderings) == ["troops", "forces"])
    let kalterKrieg = try #require(terms.first { $0["term"] as? String == "Kalter Krieg" })
    #expect(kalterKrieg["consistent"] as? Bool == true)
  }

  @Test func termsTracksTermsWithoutGlossary() throws {
    let result = try BitextProcess.run(
      ["terms"] + Self.pair + ["--track", "Gegenoffensive,Unvermeidbarkeit"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Gegenoffensive"))
    #expect(result.stdout.contains("Unvermeidbarkeit"))
    if Self.hasDictionary { #expect(result.stdout.contains("unavoidability")) }
  }
}

import Foundation
import Testing

/// Runs `bitext batch` on corpora made from the fixtures.
@Suite struct BatchCLITests {
  static let german = Fixtures.path("ukraine-nato.de.txt")
  static let english = Fixtures.path("ukraine-nato.en.txt")

  /// A German–English record: `fields` are its text fields, as JSON.
  static func record(_ id: String, _ fields: String) -> String {
    "{\"id\": \"\(id)\", \(fields), \"source_lang\": \"de\", \"target_lang\": \"en\"}"
  }

  static let good: [String] = [
    record("article", #""source": "\#(german)", "target": "\#(english)""#),
    record(
      "short",
      #""source_text": "Es regnet. Die Sonne scheint.", "target_text": "It rains. The sun shines.""#
    ),
    record("mixed", #""source": "\#(german)", "target_text": "NATO. Ukraine.""#),
  ]

  /// Good lines and bad ones, with the message each bad one must give.
  static let mixed: [(line: String, expected: String?)] = [
    (good[0], nil),
    (
      record("missing", #""source": "/nonexistent/a.de.txt", "target_text": "x""#),
      #"{"id": "missing", "error": "/nonexistent/a.de.txt: no such file"}"#
    ),
    (good[1], nil),
    ("{not json", #"{"id": null, "error": "line 4: malformed JSON"}"#),
    (
      record("blank", #""source_text": "\n  \n", "target_text": "x""#),
      #"{"id": "blank", "error": "source_text: empty input (no text to process)"}"#
    ),
    (good[2], nil),
    ("", #"{"id": null, "error": "line 7: empty line (expected a JSON object)"}"#),
  ]

  static func lines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  }

  static func id(of line: Substring) throws -> String? {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    return object?["id"] as? String
  }

  @Test func goodAndBadLinesGiveOneLineEachInOrderAndExitOne() throws {
    let input = Self.mixed.map(\.line).joined(separator: "\n") + "\n"
    let result = try BitextProcess.run(
      ["batch", "-", "--jobs", "2", "--no-dictionary"], stdin: Data(input.utf8))
    #expect(result.status == 1)
    #expect(result.stderr.contains("4 of 7 lines failed"))
    let output = Self.lines(result.stdout)
    try #require(output.count == Self.mixed.count)
    for (line, (input, expected)) in zip(output, Self.mixed) {
      if let expected {
        #expect(line == Substring(expected))
      } else {
        let id = try Self.id(of: Substring(input))
        #expect(try Self.id(of: line) == id)
        #expect(line.contains(#""beads": [{"source": ["#))
        #expect(line.contains(#""stats": {"source_sentences": "#))
      }
    }
  }

  @Test func allGoodLinesExitZero() throws {
    let input = Self.good.joined(separator: "\n")  // no final line end: the last line still counts
    let result = try BitextProcess.run(["batch", "--no-dictionary"], stdin: Data(input.utf8))
    #expect(result.status == 0)
    #expect(try Self.lines(result.stdout).map(Self.id) == ["article", "short", "mixed"])
  }

  @Test func aPairAlignsInABatchExactlyAsWithBitextAlign() throws {
    let align = try BitextProcess.run(["align", Self.german, Self.english, "--format", "jsonl"])
    #expect(align.status == 0)
    let batch = try BitextProcess.run(["batch"], stdin: Data((Self.good[0] + "\n").utf8))
    #expect(batch.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(batch.stdout.utf8)) as? [String: Any])
    let beads = try #require(object["beads"] as? [[String: Any]])
    let expected = try Self.lines(align.stdout).map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(beads.count == expected.count)
    #expect(beads.map { $0 as NSDictionary } == expected.map { $0 as NSDictionary })
  }

  @Test func findingsOfTheCheckerComeWithEachPair() throws {
    let glossary = Fixtures.directory.deletingLastPathComponent()
      .appendingPathComponent("glossaries/news-politics.de-en.tsv").path
    let input = Data((Self.good[0] + "\n").utf8)
    let result = try BitextProcess.run(["batch", "--glossary", glossary], stdin: input)
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    let stats = try #require(object["stats"] as? [String: Any])
    #expect(stats["findings"] as? Int == findings.count)
    let kinds = Set(findings.compactMap { $0["kind"] as? String })
    #expect(!kinds.isDisjoint(with: ["term-missing", "forbidden-term"]))
    #expect(findings.allSatisfy { ($0["location"] as? String)?.contains(".txt:") == true })

    // The same findings as `bitext check` on the pair alone, down to the message.
    let check = try BitextProcess.run([
      "check", Self.german, Self.english, "--glossary", glossary, "--format", "json",
      "--fail-on", "never",
    ])
    #expect(check.status == 0)
    let alone = try #require(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
    func summary(_ finding: [String: Any]) -> String {
      ["kind", "source_sentence", "target_sentences", "message"]
        .map { "\(finding[$0] ?? "-")" }.joined(separator: " | ")
    }
    #expect(findings.map(summary) == alone.map(summary))
  }

  @Test func oneJobAndTwoJobsGiveIdenticalOutput() throws {
    var corpus: [String] = []
    for number in 0..<40 {
      let (line, _) = Self.mixed[number % Self.mixed.count]
      corpus.append(line.replacingOccurrences(of: #""id": ""#, with: "\"id\": \"\(number)-"))
    }
    let input = Data((corpus.joined(separator: "\n") + "\n").utf8)
    let one = try BitextProcess.run(["batch", "--jobs", "1"], stdin: input)
    let two = try BitextProcess.run(["batch", "--jobs", "2"], stdin: input)
    #expect(one.status == 1)
    #expect(Self.lines(one.stdout).count == 40)
    #expect(one.stdout == two.stdout)
    let unordered = try BitextProcess.run(["batch", "--jobs", "2", "--unordered"], stdin: input)
    #expect(Self.lines(unordered.stdout).sorted() == Self.lines(one.stdout).sorted())
  }

  @Test(.enabled(if: BatchCLITests.xmllint != nil))
  func tmxOfTheCorpusIsValidAgainstTheDTD() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let tmx = directory.appendingPathComponent("corpus.tmx").path
    let out = directory.appendingPathComponent("results.jsonl").path
    let input = Self.mixed.map(\.line).joined(separator: "\n") + "\n"
    let result = try BitextProcess.run(
      ["batch", "--tmx", tmx, "-o", out, "--no-dictionary"], stdin: Data(input.utf8))
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(Self.lines(try String(contentsOfFile: out, encoding: .utf8)).count == 7)
    let xml = try String(contentsOfFile: tmx, encoding: .utf8)
    #expect(xml.contains(#"<tu tuid="article:1">"#))
    #expect(!xml.contains("tuid=\"missing"))
    let lint = Process()
    lint.executableURL = URL(fileURLWithPath: Self.xmllint!)
    lint.arguments = ["--noout", "--dtdvalid", Self.tmxDTD, tmx]
    try lint.run()
    lint.waitUntilExit()
    #expect(lint.terminationStatus == 0)
  }

  @Test func badUsageAndAnUnreadableInputExitTwoWithoutOutput() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("results.jsonl").path
    let zero = try BitextProcess.run(["batch", "--jobs", "0"], stdin: Data())
    #expect(zero.status == 2)
    let missing = try BitextProcess.run(["batch", "/nonexistent/corpus.jsonl", "-o", out])
    #expect(missing.status == 2)
    #expect(missing.stderr == "bitext: /nonexistent/corpus.jsonl: no such file\n")
    let glossary = try BitextProcess.run(
      ["batch", "--glossary", "/nonexistent/terms.tsv", "-o", out], stdin: Data())
    #expect(glossary.status == 2)
    #expect(glossary.stderr == "bitext: /nonexistent/terms.tsv: no such file\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  // MARK: - Tools

  /// The TMX 1.4b DTD, in the repository's Fixtures.
  static let tmxDTD = Fixtures.path("formats/tmx14.dtd")

  static let xmllint: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
}

import Foundation
import Testing

/// `bitext glossary extract` run as a process on the fixture pair.
@Suite struct GlossaryExtractCLITests {
  let german = Fixtures.path("ukraine-nato.de.txt")
  let english = Fixtures.path("ukraine-nato.en.txt")

  func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-extract-cli-\(UUID().uuidString)-\(name)").path
  }

  /// The JSON terms of the fixture pair.
  func extractedTerms(_ extra: [String] = []) throws -> [[String: Any]] {
    let result = try BitextProcess.run(
      ["glossary", "extract", german, english, "--format", "json"] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    let data = Data(result.stdout.utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
  }

  /// The term one of whose surface forms is `form`.
  func term(_ form: String, in terms: [[String: Any]]) throws -> [String: Any] {
    try #require(
      terms.first { ($0["forms"] as? [String])?.contains(form) == true },
      "no extracted term has the form \(form)")
  }

  func renderings(_ term: [String: Any]) -> [String] {
    (term["renderings"] as? [[String: Any]] ?? []).compactMap { $0["rendering"] as? String }
  }

  @Test func fixtureTermsHaveTheirRenderings() throws {
    let terms = try extractedTerms()
    let expected: [(String, String)] = [
      ("Unvermeidbarkeit", "unavoidability"),
      ("Gegenoffensive", "counteroffensive"),
      ("Kreml-Sprecher", "Kremlin speaker"),
      ("Staats- und Regierungschefs", "leaders"),
      ("Atomwaffenarsenale", "nuclear arsenals"),
    ]
    for (form, rendering) in expected {
      let found = try term(form, in: terms)
      #expect(renderings(found) == [rendering], "\(form): \(renderings(found))")
      #expect(found["consistent"] as? Bool == true)
    }
    // "Truppen": troops in three sentences, forces in one bead: listed with both, flagged.
    let troops = try term("Truppen", in: terms)
    #expect(Set(renderings(troops)) == ["troops", "forces"])
    #expect(troops["consistent"] as? Bool == false)
    let counts = (troops["renderings"] as? [[String: Any]] ?? []).compactMap { $0["count"] as? Int }
    #expect(counts.reduce(0, +) == troops["count"] as? Int)
    // A name rendered by its spelling, and the untranslated sentence 5 gives no rendering.
    let peskow = try term("Peskow", in: terms)
    #expect(renderings(peskow) == ["Peskov"])
    #expect((peskow["renderings"] as? [[String: Any]])?.first?["sentences"] as? [Int] == [2, 3])
  }

  @Test func aBilingualFileIsExtractedFromItsUnitPairs() throws {
    let result = try BitextProcess.run(
      ["glossary", "extract", Fixtures.path("bilingual/trados.sdlxliff"), "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let terms = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    // Unit a1 renders "Bundesregierung" as "federal government": one unit, one bead.
    let government = try term("Bundesregierung", in: terms)
    #expect(renderings(government).contains { $0.lowercased() == "federal government" })
    let html = try BitextProcess.run(
      ["glossary", "extract", Fixtures.path("bilingual/trados.sdlxliff"), "--format", "html"])
    #expect(html.stdout.contains("<title>\(Fixtures.path("bilingual/trados.sdlxliff"))</title>"))
  }

  @Test func termsOutrankGeneralWordsAndMaxKeepsTheTop() throws {
    let terms = try extractedTerms()
    let rank = { (form: String) in
      terms.firstIndex { ($0["forms"] as? [String])?.contains(form) == true }
    }
    let counteroffensive = try #require(rank("Gegenoffensive"))
    let year = try #require(rank("Jahr"))
    #expect(counteroffensive < year)
    let top = try extractedTerms(["--max", "5"])
    #expect(top.count == 5)
    #expect(top.map { $0["term"] as? String } == terms.prefix(5).map { $0["term"] as? String })
    let frequent = try extractedTerms(["--min-count", "3"])
    #expect(!frequent.isEmpty && frequent.allSatisfy { ($0["count"] as? Int ?? 0) >= 3 })
  }

  /// extract → check --glossary on the same pair: the only term findings are what extract
  /// flagged (an inconsistent term, an occurrence without rendering), in every format.
  @Test(arguments: ["tsv", "csv", "tbx", "tmx"])
  func roundTripThroughCheck(format: String) throws {
    let path = temporaryPath("extracted.\(format)")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let written = try BitextProcess.run([
      "glossary", "extract", german, english, "--format", format, "-o", path,
    ])
    #expect(written.status == 0, "\(written.stderr)")
    let terms = try extractedTerms()
    let check = try BitextProcess.run([
      "check", german, english, "--glossary", path, "--format", "json", "--fail-on", "never",
    ])
    #expect(check.status == 0, "\(check.stderr)")
    let findings = try #require(
      try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
    let termKinds: Set<String> = ["term-missing", "forbidden-term", "inconsistent-rendering"]
    for finding in findings where termKinds.contains(finding["kind"] as? String ?? "") {
      let name = try #require(finding["term"] as? String)
      let flagged = try #require(terms.first { $0["term"] as? String == name })
      switch finding["kind"] as? String {
      case "inconsistent-rendering": #expect(flagged["consistent"] as? Bool == false)
      case "term-missing":
        let sentence = try #require(finding["source_sentence"] as? Int)
        #expect(
          (flagged["unrendered_sentences"] as? [Int])?.contains(sentence) == true, "\(finding)")
      default: Issue.record("unexpected finding \(finding)")
      }
    }
  }

  @Test func tmxAndTBXValidate() throws {
    let tmx = temporaryPath("extracted.tmx")
    let tbx = temporaryPath("extracted.tbx")
    defer { for path in [tmx, tbx] { try? FileManager.default.removeItem(atPath: path) } }
    for (path, format) in [(tmx, "tmx"), (tbx, "tbx")] {
      let result = try BitextProcess.run([
        "glossary", "extract", german, english, "--format", format, "-o", path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
    }
    try xmllint(["--noout", "--dtdvalid", Fixtures.path("formats/tmx14.dtd"), tmx])
    try xmllint([
      "--noout", "--relaxng", Fixtures.path("formats/tbx-basic/TBXcoreStructV03.rng"), tbx,
    ])
  }

  func xmllint(_ arguments: [String]) throws {
    let xmllint = try #require(
      ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
        FileManager.default.isExecutableFile(atPath: $0)
      }, "xmllint is missing: apt-get install libxml2-utils")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: xmllint)
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "xmllint: \(message)")
  }

  @Test func htmlIsOneSelfContainedPageWithHighlightedExamples() throws {
    let result = try BitextProcess.run([
      "glossary", "extract", german, english, "--format", "html",
      "--glossary",
      Fixtures.directory.deletingLastPathComponent()
        .appendingPathComponent("glossaries/news-politics.de-en.tsv").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let page = result.stdout
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(
      !page.contains("http://") && !page.contains("https://") && !page.contains("<script src"))
    #expect(page.contains("<mark>Gegenoffensive</mark>"))
    #expect(page.contains("<mark>counteroffensive</mark>"))
    #expect(page.contains("inconsistent"))
    #expect(page.contains("known: "))  // entries of the shipped glossary are marked
  }

  @Test func knownEntriesKeepTheirIDAndStatuses() throws {
    let path = temporaryPath("known.tsv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let glossary = Fixtures.directory.deletingLastPathComponent()
      .appendingPathComponent("glossaries/news-politics.de-en.tsv").path
    let result = try BitextProcess.run([
      "glossary", "extract", german, english, "--glossary", glossary, "-o", path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let row = try #require(
      text.split(separator: "\n").first { $0.hasPrefix("kreml-sprecher\t") }, "\(text)")
    // The shipped entry: Kremlin spokesman preferred, Kremlin speaker deprecated.
    #expect(row.contains("Kremlin spokesman") && row.contains("deprecated"))
    #expect(row.contains("known entry"))
  }

  @Test func badInputIsOneLineAndWritesNothing() throws {
    let out = temporaryPath("out.tsv")
    let bad = temporaryPath("bad.csv")
    defer { for path in [out, bad] { try? FileManager.default.removeItem(atPath: path) } }
    try Data("de,en\n\"Truppe,troops\n".utf8).write(to: URL(fileURLWithPath: bad))
    let result = try BitextProcess.run([
      "glossary", "extract", german, english, "--glossary", bad, "-o", out,
    ])
    #expect(result.status == 2)
    #expect(result.stderr == "bitext: \(bad):2:1: quoted CSV field is not closed\n")
    #expect(!FileManager.default.fileExists(atPath: out))
    let missing = try BitextProcess.run([
      "glossary", "extract", german, temporaryPath("missing.en.txt"), "-o", out,
    ])
    #expect(missing.status == 2)
    #expect(missing.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: out))
    let zero = try BitextProcess.run(["glossary", "extract", german, english, "--max", "0"])
    #expect(zero.status == 64 || zero.status == 2)
  }
}

/// `bitext batch --extract-glossary`: one glossary over many pairs, counts summed.
@Suite struct BatchExtractCLITests {
  let repository = Fixtures.directory.deletingLastPathComponent()

  func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-batch-extract-\(UUID().uuidString)-\(name)").path
  }

  /// German term → count, from the `note` column of an extracted TSV glossary.
  func counts(inTSV text: String) throws -> [String: Int] {
    let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    let header = try #require(rows.first).split(separator: "\t", omittingEmptySubsequences: false)
    let de = try #require(header.firstIndex(of: "de"))
    let note = try #require(header.lastIndex(of: "note"))
    var counts: [String: Int] = [:]
    for row in rows.dropFirst() {
      let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
      let text = cells[note]
      guard let range = text.range(of: "count ") else { continue }
      counts[String(cells[de])] = Int(text[range.upperBound...].prefix { $0.isNumber })
    }
    return counts
  }

  @Test func theSamePairTwiceDoublesEveryCount() throws {
    let single = temporaryPath("single.tsv")
    let corpus = temporaryPath("corpus.tsv")
    let lines = temporaryPath("pairs.jsonl")
    let results = temporaryPath("results.jsonl")
    defer {
      for path in [single, corpus, lines, results] {
        try? FileManager.default.removeItem(atPath: path)
      }
    }
    let pair =
      "{\"source\": \"Fixtures/ukraine-nato.de.txt\", \"target\": \"Fixtures/ukraine-nato.en.txt\"}"
    try Data("{\"id\": \"a\", \(pair.dropFirst())\n{\"id\": \"b\", \(pair.dropFirst())\n".utf8)
      .write(to: URL(fileURLWithPath: lines))
    let one = try BitextProcess.run(
      [
        "glossary", "extract", "Fixtures/ukraine-nato.de.txt", "Fixtures/ukraine-nato.en.txt",
        "-o", single,
      ], in: repository)
    #expect(one.status == 0, "\(one.stderr)")
    let batch = try BitextProcess.run(
      ["batch", lines, "-o", results, "--extract-glossary", corpus],
      in: repository)
    #expect(batch.status == 0, "\(batch.stderr)")
    let once = try counts(inTSV: String(contentsOfFile: single, encoding: .utf8))
    let twice = try counts(inTSV: String(contentsOfFile: corpus, encoding: .utf8))
    #expect(!once.isEmpty)
    #expect(Set(once.keys) == Set(twice.keys))
    for (term, count) in once { #expect(twice[term] == 2 * count, "\(term)") }
  }

  @Test func anUnknownExtensionIsAUsageErrorAndNothingIsWritten() throws {
    let out = temporaryPath("terms.xml")
    let results = temporaryPath("r.jsonl")
    defer { try? FileManager.default.removeItem(atPath: results) }
    let result = try BitextProcess.run(
      ["batch", "Fixtures/corpus.jsonl", "-o", results, "--extract-glossary", out],
      in: repository)
    #expect(result.status == 2)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}

/// `bitext eval terms` on a small line-parallel set written by the test.
@Suite struct EvalTermsCLITests {
  func dataFolder(gold: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-eval-terms-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let files = [
      "set.de": "Kreml-Sprecher Peskow sprach mit Reportern.\nDas Wetter war gut.\n",
      "set.en": "Kremlin speaker Peskov spoke to reporters.\nThe weather was good.\n",
      "set.terms.jsonl": gold,
    ]
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    return folder
  }

  @Test func scoresFoundTermsAndRenderings() throws {
    let folder = try dataFolder(
      gold:
        "[{\"de\": \"Peskow\", \"en\": \"Peskov\"}]\n[{\"de\": \"Haushalt\", \"en\": \"budget\"}]\n"
    )
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try BitextProcess.run([
      "eval", "terms", "--data", folder.path, "--no-dictionary", "--show", "5",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2 gold pairs"))
    #expect(result.stdout.contains("list cut at 4"))
    #expect(result.stdout.contains("recall 0.500 (1/2), rendering accuracy 1.000 (1/1)"))
    #expect(result.stdout.contains("missed: Haushalt → budget"))
  }

  @Test func malformedGoldIsOneLineWithItsPlace() throws {
    let folder = try dataFolder(gold: "[]\n{\"de\": \"Peskow\"}\n")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try BitextProcess.run(["eval", "terms", "--data", folder.path, "--no-dictionary"])
    #expect(result.status == 2)
    let path = folder.appendingPathComponent("set.terms.jsonl").path
    #expect(result.stderr.hasPrefix("bitext: \(path):2:1: "), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
  }
}

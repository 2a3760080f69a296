import Foundation
import Testing

/// `bitext check FILE` on bilingual files (XLIFF, TMX, TSV) as a reviewer runs it.
@Suite struct BilingualCheckCLITests {
  static let glossary = CheckCLITests.glossary

  static func bilingual(_ name: String) -> String { Fixtures.path("bilingual/" + name) }

  static func json(_ result: BitextProcess.Result) throws -> [[String: Any]] {
    try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
      "not a JSON array: \(result.stdout) \(result.stderr)")
  }

  /// Each planted problem of a fixture, by unit (and segment) and kind; nothing else.
  @Test(arguments: [
    (
      "trados.sdlxliff",
      ["a1/2 forbidden-term", "a2/4 number-mismatch", "a3/5 inline-code-mismatch"]
    ),
    (
      "memoq.mqxliff",
      [
        "2 inconsistent-target", "3 missing-target", "4 untranslated",
        "5 end-punctuation-mismatch",
      ]
    ),
    ("omegat.xlf", ["6 inconsistent-source"]),
    ("xliff21.xlf", ["save/s2 inline-code-mismatch", "close missing-target"]),
    ("memory.tmx", ["t3 number-mismatch"]),
    ("pairs.tsv", ["r2 term-missing", "r2 inconsistent-source", "r3 missing-target"]),
  ])
  func findingsPerShape(name: String, expected: [String]) throws {
    let result = try BitextProcess.run(
      [
        "check", Self.bilingual(name), "--glossary", Self.glossary, "--format", "json",
        "--no-dictionary",
      ])
    #expect(result.status == 1, "\(result.stderr)")
    let found = try Self.json(result).map { object in
      let unit = object["unit"] as? String ?? "?"
      let segment = (object["segment"] as? String).map { "/" + $0 } ?? ""
      return "\(unit)\(segment) \(object["kind"] as? String ?? "?")"
    }
    #expect(found == expected)
  }

  /// Text lines point to the target in the file: the column is where the target's text starts.
  @Test func textLinesPointAtTheTarget() throws {
    let path = Self.bilingual("trados.sdlxliff")
    let result = try BitextProcess.run(
      ["check", path, "--glossary", Self.glossary, "--no-dictionary"])
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    let number = try #require(lines.first { $0.contains("number-mismatch") })
    #expect(number.hasSuffix("[unit a2 segment 4]"))
    let parts = number.split(separator: ":")
    let (line, column) = (try #require(Int(parts[1])), try #require(Int(parts[2])))
    let fileLine = try String(contentsOfFile: path, encoding: .utf8)
      .components(separatedBy: "\n")[line - 1]
    #expect(fileLine.dropFirst(column - 1).hasPrefix("It costs 205 euros."))
  }

  /// The review page: one row per unit, labelled with its id, segment and state.
  @Test func htmlShowsUnitIds() throws {
    let result = try BitextProcess.run(
      [
        "check", Self.bilingual("trados.sdlxliff"), "--glossary", Self.glossary, "--format",
        "html", "--no-dictionary",
      ])
    #expect(result.status == 1)
    #expect(result.stdout.components(separatedBy: "<tr id=\"b").count - 1 == 5)
    #expect(result.stdout.contains(">a2 · 4 (Translated)</a>"))
    #expect(result.stdout.contains("It costs <mark"))
    // Inline codes are shown by their labels, not as placeholder characters.
    #expect(result.stdout.contains("auf <span class=\"ic\">{2}</span>Speichern"))
    #expect(!result.stdout.contains("\u{FFFC}"))
    // Segments of one trans-unit form a paragraph: a new one starts at a1, a2 and a3.
    #expect(result.stdout.components(separatedBy: "class=\"pb").count - 1 == 3)
  }

  @Test func languagesMustAgreeWithTheFile() throws {
    let result = try BitextProcess.run(
      ["check", Self.bilingual("omegat.xlf"), "--glossary", Self.glossary, "--target-lang", "fr"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("the file's target language is en, but --target-lang is fr"))
  }

  /// Bad input: exit 2, one line on stderr naming the place, nothing written.
  @Test(arguments: [
    ("bad/malformed.xlf", "malformed.xlf:3:42: malformed XML"),
    ("bad/bomb.xlf", "bomb.xlf:3:3: entity declarations are not allowed"),
    ("bad/no-source.xlf", "no-source.xlf:4:1: <trans-unit id=\"2\"> has no <source>"),
    ("bad/fr-en.xlf", "has no fr terms"),
    ("bad/utf16-nobom.xlf", "binary file"),
  ])
  func badInput(name: String, message: String) throws {
    let folder = try TemporaryFolder()
    let output = folder.file("findings.txt")
    let result = try BitextProcess.run(
      ["check", Self.bilingual(name), "--glossary", Self.glossary, "-o", output])
    #expect(result.status == 2)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  /// `bitext terms` takes a bilingual file too: its units are the sentence pairs.
  @Test func termsOfABilingualFile() throws {
    let result = try BitextProcess.run(
      [
        "terms", Self.bilingual("trados.sdlxliff"), "--glossary", Self.glossary, "--format",
        "json", "--no-dictionary",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"Bundestag\""))
    #expect(result.stdout.contains("Federal Diet"))
    #expect(result.stdout.contains("federal government"))
  }

  /// The same file in another language pair than asked: exit 2 naming the option.
  @Test func anotherPairThanAsked() throws {
    let result = try BitextProcess.run(
      [
        "check", Self.bilingual("bad/fr-en.xlf"), "--glossary", Self.glossary,
        "--source-lang", "de",
      ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("source language is fr, but --source-lang is de"))
  }
}

/// `bitext align --format xliff|xliff2` and reading the result back with `bitext check`.
@Suite struct AlignXLIFFCLITests {
  @Test(arguments: ["xliff", "xliff2"])
  func alignmentAsXLIFFIsCheckedLikeThePair(format: String) throws {
    let folder = try TemporaryFolder()
    let output = folder.file("article.xlf")
    let aligned = try BitextProcess.run(
      ["align"] + CheckCLITests.pair + ["--format", format, "-o", output])
    #expect(aligned.status == 0, "\(aligned.stderr)")
    let tsv = try BitextProcess.run(["align"] + CheckCLITests.pair)
    let beadsWithSource = tsv.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.isEmpty && !$0.hasPrefix("\t") }.count
    let checked = try BitextProcess.run(
      ["check", output, "--glossary", CheckCLITests.glossary, "--format", "json"])
    #expect(checked.status == 1, "\(checked.stderr)")
    let findings = try BilingualCheckCLITests.json(checked)
    // The planted term, number and untranslated findings of the pair are found in the XLIFF too.
    let pair = try BitextProcess.run(
      ["check"] + CheckCLITests.pair + ["--glossary", CheckCLITests.glossary, "--format", "json"])
    let pairKinds = Set(
      try BilingualCheckCLITests.json(pair).compactMap { $0["kind"] as? String }
        .filter {
          ["forbidden-term", "term-missing", "number-mismatch", "untranslated"].contains($0)
        })
    #expect(!pairKinds.isEmpty)
    #expect(pairKinds.isSubset(of: Set(findings.compactMap { $0["kind"] as? String })))
    let text = try String(contentsOfFile: output, encoding: .utf8)
    let units =
      text.components(separatedBy: format == "xliff" ? "<trans-unit " : "<unit ").count - 1
    #expect(units == beadsWithSource)
  }
}

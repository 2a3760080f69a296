import BitextKit
import Foundation
import Testing

/// Files written for one test, removed at the end.
private struct Scratch {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-align-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  func write(_ name: String, _ text: String) throws -> String {
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// One jsonl bead as the CLI prints it.
private struct Bead: Equatable, CustomStringConvertible {
  var source: [Int]
  var target: [Int]

  var description: String {
    "[\(source.map(String.init).joined(separator: ", "))]:"
      + "[\(target.map(String.init).joined(separator: ", "))]"
  }
}

private func beads(inJSONL output: String) throws -> [(bead: Bead, object: [String: Any])] {
  try output.split(separator: "\n").map { line in
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let source = try #require(object["source"] as? [Int])
    let target = try #require(object["target"] as? [Int])
    return (Bead(source: source, target: target), object)
  }
}

/// `[0, 1]:[2]` lines, as in Text+Berg's `.defr` files.
private func goldBeads(_ text: String) throws -> [Bead] {
  func indexes(_ list: Substring) -> [Int] {
    list.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
      .split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces))! }
  }
  return text.split(separator: "\n").map { line in
    let sides = line.split(separator: ":", omittingEmptySubsequences: false)
    return Bead(source: indexes(sides[0]), target: indexes(sides[1]))
  }
}

/// xmllint's path, or nil.
private func xmllintPath() -> String? {
  ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}

/// Validates a TMX file against the TMX 1.4b DTD in `Fixtures/formats/`.
private func validateTMX(_ path: String) throws {
  let dtd = Fixtures.path("formats/tmx14.dtd")
  try #require(FileManager.default.fileExists(atPath: dtd), "no TMX DTD at \(dtd)")
  let xmllint = try #require(xmllintPath(), "xmllint is missing: apt-get install libxml2-utils")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: xmllint)
  process.arguments = ["--noout", "--dtdvalid", dtd, path]
  let errors = Pipe()
  process.standardError = errors
  try process.run()
  let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  #expect(process.terminationStatus == 0, "xmllint: \(message)")
}

@Suite struct AlignCLITests {
  let german = Fixtures.path("ukraine-nato.de.txt")
  let english = Fixtures.path("ukraine-nato.en.txt")

  // MARK: - Formats

  @Test func jsonlCoversEverySentenceOnceInOrder() throws {
    let result = try BitextProcess.run([
      "align", german, english, "--format", "jsonl", "--no-dictionary",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)  // no progress when stderr is not a terminal
    let records = try beads(inJSONL: result.stdout)
    #expect(records.flatMap(\.bead.source) == Array(0..<20))
    // English, like German, splits the Macron quotation: 20 sentences.
    #expect(records.flatMap(\.bead.target) == Array(0..<20))
    for (bead, object) in records {
      #expect(!(bead.source.isEmpty && bead.target.isEmpty))
      let score = try #require(object["score"] as? Double)
      #expect((0...1).contains(score))
      #expect(object["kind"] as? String == "\(bead.source.count)-\(bead.target.count)")
      #expect(object["low_confidence"] as? Bool == (score < AlignmentBead.lowConfidence))
      #expect(object["source_text"] is String && object["target_text"] is String)
    }
    let first = try #require(records.first?.object)
    #expect((first["source_text"] as? String)?.hasPrefix("Der Krieg in der Ukraine") == true)
    #expect((first["target_text"] as? String)?.hasPrefix("The war in Ukraine") == true)
    let keys = try #require(result.stdout.split(separator: "\n").first)
    #expect(keys.hasPrefix("{\"source\": [0], \"target\": [0], \"source_text\": "))
  }

  @Test func tsvHasTextTextScoreAndAFlag() throws {
    let result = try BitextProcess.run(["align", german, english, "--no-dictionary"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count >= 17)
    for line in lines {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
      #expect(cells.count == 4, "\(line)")
      let score = try #require(Double(cells[2]))
      #expect((0...1).contains(score))
      #expect(cells[3] == (score < AlignmentBead.lowConfidence ? "low" : "ok"))
    }
    #expect(lines.first?.hasPrefix("Der Krieg in der Ukraine") == true)
  }

  @Test func tmxIsValidAndHasAUnitPerTwoSidedBead() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let out = scratch.path("out.tmx")
    let result = try BitextProcess.run([
      "align", german, english, "--format", "tmx", "-o", out, "--no-dictionary",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    try validateTMX(out)
    let tmx = try String(contentsOfFile: out, encoding: .utf8)
    #expect(tmx.contains("segtype=\"sentence\""))
    #expect(tmx.contains("srclang=\"de\""))
    #expect(tmx.contains("creationtool=\"bitext\""))
    #expect(tmx.contains("<tuv xml:lang=\"en\"><seg>The war in Ukraine"))
    #expect(tmx.contains("<prop type=\"x-confidence\">"))

    let jsonl = try BitextProcess.run([
      "align", german, english, "--format", "jsonl", "--no-dictionary",
    ])
    let twoSided = try beads(inJSONL: jsonl.stdout).filter {
      !$0.bead.source.isEmpty && !$0.bead.target.isEmpty
    }
    // Untranslated beads are left out (the fixture has one); --untranslated mark keeps them.
    let marked = try BitextProcess.run([
      "align", german, english, "--format", "tmx", "--no-dictionary", "--untranslated", "mark",
    ])
    let untranslated = marked.stdout.components(separatedBy: "x-untranslated").count - 1
    #expect(marked.stdout.components(separatedBy: "<tu ").count - 1 == twoSided.count)
    #expect(tmx.components(separatedBy: "<tu ").count - 1 == twoSided.count - untranslated)
  }

  @Test func tmxLanguagesComeFromTheOptions() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let source = try scratch.write(
      "a.fr", "Emmanuel Macron a visité Berlin en 2023.\nIl a rencontré Olaf Scholz le 5 mai.\n")
    let target = try scratch.write(
      "b.de", "Emmanuel Macron besuchte 2023 Berlin.\nEr traf Olaf Scholz am 5. Mai.\n")
    let out = scratch.path("out.tmx")
    let result = try BitextProcess.run([
      "align", source, target, "--presegmented", "--source-lang", "fr", "--target-lang", "de",
      "--format", "tmx", "-o", out,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    try validateTMX(out)
    let tmx = try String(contentsOfFile: out, encoding: .utf8)
    #expect(tmx.contains("srclang=\"fr\""))
    #expect(tmx.contains("<tuv xml:lang=\"fr\"><seg>Emmanuel Macron a visité Berlin"))
    #expect(tmx.contains("<tuv xml:lang=\"de\"><seg>Emmanuel Macron besuchte 2023"))
    #expect(!tmx.contains("xml:lang=\"en\""))
  }

  @Test func everyXMLSpecialCharacterIsEscaped() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let source = try scratch.write(
      "de.txt", "Er schrieb <script>alert(\"x\")</script> & ging.\nDas war's.\n")
    let target = try scratch.write(
      "en.txt", "He wrote <script>alert(\"x\")</script> & left.\nThat's it.\n")
    let out = scratch.path("out.tmx")
    let result = try BitextProcess.run([
      "align", source, target, "--presegmented", "--format", "tmx", "-o", out, "--no-dictionary",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    try validateTMX(out)
    let tmx = try String(contentsOfFile: out, encoding: .utf8)
    #expect(!tmx.contains("<script>"))
    #expect(tmx.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left."))
    #expect(tmx.contains("That&apos;s it."))

    let jsonl = try BitextProcess.run([
      "align", source, target, "--presegmented", "--format", "jsonl", "--no-dictionary",
    ])
    let records = try beads(inJSONL: jsonl.stdout)
    let texts = records.compactMap { $0.object["target_text"] as? String }
    #expect(texts.contains { $0.hasPrefix("He wrote <script>alert(\"x\")</script> & left.") })
  }

  @Test func presegmentedInputIsNumberedByLine() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    // Two sentences on one line stay one sentence; the blank line takes no number.
    let source = try scratch.write("de.txt", "Erster Satz. Noch einer.\n\nZweiter Satz.\n")
    let target = try scratch.write("en.txt", "First sentence. Another one.\nSecond sentence.\n")
    let result = try BitextProcess.run([
      "align", source, target, "--presegmented", "--format", "jsonl", "--no-dictionary",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try beads(inJSONL: result.stdout)
    #expect(records.flatMap(\.bead.source) == [0, 1])
    #expect(records.flatMap(\.bead.target) == [0, 1])
  }

  @Test func aGlossaryAndAUserDictionaryAreAccepted() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let glossary = try scratch.write("terms.tsv", "de\ten\nKreml-Sprecher\tKremlin spokesman\n")
    let dictionary = try scratch.write("dict.txt", "Truppe {f} | Truppen {pl} :: troop | troops\n")
    let result = try BitextProcess.run([
      "align", german, english, "--glossary", glossary, "--dictionary", dictionary,
      "--format", "jsonl",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try beads(inJSONL: result.stdout).flatMap(\.bead.source) == Array(0..<20))
  }

  // MARK: - Output file

  @Test func outputFileHoldsWhatStandardOutputWould() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let out = scratch.path("out.jsonl")
    let toFile = try BitextProcess.run([
      "align", german, english, "--format", "jsonl", "-o", out, "--no-dictionary",
    ])
    let toStdout = try BitextProcess.run([
      "align", german, english, "--format", "jsonl", "--no-dictionary",
    ])
    #expect(toFile.status == 0)
    #expect(toFile.stdout.isEmpty)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == toStdout.stdout)
    let files = try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path)
    #expect(files == ["out.jsonl"])
  }

  @Test func badInputLeavesAnExistingOutputUntouched() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let out = try scratch.write("out.tsv", "previous\n")
    let empty = try scratch.write("empty.txt", "  \n")
    let result = try BitextProcess.run(["align", german, empty, "-o", out, "--no-dictionary"])
    #expect(result.status == 2)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).sorted()
      == ["empty.txt", "out.tsv"])
  }

  @Test func refusesToWriteOverAnInput() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let source = try scratch.write("de.txt", "Ein Satz.\n")
    let target = try scratch.write("en.txt", "A sentence.\n")
    let result = try BitextProcess.run(["align", source, target, "-o", target, "--no-dictionary"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("refusing to write the output over an input file"))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "A sentence.\n")
  }

  // MARK: - Bad input

  @Test(arguments: [
    (["align", "/nonexistent/de.txt", "EN"], "/nonexistent/de.txt: no such file"),
    (["align", "DE", "EN", "--format", "xml"], "xml"),
    (["align", "DE", "EN", "--dictionary", "DE", "--no-dictionary"], "exclude each other"),
    (["align", "DE", "EN", "--dictionary", "/nonexistent/dict"], "/nonexistent/dict: no such file"),
    (["align", "DE", "EN", "--glossary", "/nonexistent/g.tsv"], "/nonexistent/g.tsv: no such file"),
    (["align", "DE"], "Missing expected argument"),
    (["align", "DE", "EN", "--target-lang", "e n"], "'e n' is invalid for '--target-lang"),
  ])
  func badInputExitsWithTwoAndOneLine(arguments: [String], message: String) throws {
    let resolved = arguments.map {
      $0 == "DE" ? german : $0 == "EN" ? english : $0
    }
    let result = try BitextProcess.run(resolved)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("bitext: "), "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }

  @Test func malformedDictionaryAndGlossaryLinesAreLocated() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let dictionary = try scratch.write("dict.txt", "Haus :: house\nkaputt\n")
    let glossary = try scratch.write("terms.tsv", "Truppe\ttroop\nnur ein Feld\n")
    let badDictionary = try BitextProcess.run([
      "align", german, english, "--dictionary", dictionary,
    ])
    #expect(badDictionary.status == 2)
    #expect(badDictionary.stderr.hasPrefix("bitext: \(dictionary):2:1: "))
    let badGlossary = try BitextProcess.run([
      "align", german, english, "--glossary", glossary, "--no-dictionary",
    ])
    #expect(badGlossary.status == 2)
    #expect(badGlossary.stderr.hasPrefix("bitext: \(glossary):2:1: "))
  }

  @Test func invalidUTF8IsRefused() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let path = scratch.path("bad.txt")
    try Data([0x41, 0x62, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: path))
    let result = try BitextProcess.run(["align", german, path, "--no-dictionary"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("\(path):1:3: invalid UTF-8 at byte offset 2"))
  }

  // MARK: - Gold

  /// The fixture pair with the installed dictionary (when there is one), exactly as a user runs it:
  /// every bead of the hand-made gold, the planted merge, split, omission and addition included.
  @Test func reproducesTheGoldAlignmentOfTheFixtures() throws {
    let gold = try goldBeads(
      String(contentsOfFile: Fixtures.path("ukraine-nato.gold.txt"), encoding: .utf8))
    #expect(gold.count == 20)
    let result = try BitextProcess.run(["align", german, english, "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    let hypothesis = try beads(inJSONL: result.stdout).map(\.bead)
    #expect(hypothesis.map(\.description) == gold.map(\.description))
  }
}

// MARK: - Formatter

@Suite struct AlignmentFormatterTests {
  private static func sentence(_ index: Int, _ text: String) -> Sentence {
    Sentence(index: index, paragraph: 0, utf8Range: 0..<text.utf8.count, text: text)
  }

  private static let alignment = Alignment(
    source: [sentence(0, "Eins."), sentence(1, "Zwei\nund drei."), sentence(2, "Vier.")],
    target: [sentence(0, "One, two"), sentence(1, "and\tthree."), sentence(2, "Extra.")],
    beads: [
      AlignmentBead(source: 0..<2, target: 0..<2, confidence: 0.91),
      AlignmentBead(source: 2..<3, target: 2..<2, confidence: 0.4),
      AlignmentBead(source: 3..<3, target: 2..<3, confidence: 0.75),
    ])

  private let formatter = AlignmentFormatter(
    sourceLanguage: .german, targetLanguage: .english,
    creationDate: Date(timeIntervalSince1970: 0))

  @Test func jsonl() {
    #expect(
      formatter.render(Self.alignment, as: .jsonl) == """
        {"source": [0, 1], "target": [0, 1], "source_text": "Eins. Zwei und drei.", \
        "target_text": "One, two and\\tthree.", "score": 0.910, "kind": "2-2", \
        "low_confidence": false}
        {"source": [2], "target": [], "source_text": "Vier.", "target_text": "", "score": 0.400, \
        "kind": "1-0", "low_confidence": true}
        {"source": [], "target": [2], "source_text": "", "target_text": "Extra.", "score": 0.750, \
        "kind": "0-1", "low_confidence": false}

        """)
  }

  @Test func tsvJoinsSentencesLikeHunalign() {
    #expect(
      formatter.render(Self.alignment, as: .tsv) == """
        Eins. ~~~ Zwei und drei.\tOne, two ~~~ and three.\t0.910\tok
        Vier.\t\t0.400\tlow
        \tExtra.\t0.750\tok

        """)
  }

  @Test func tmxHasOneUnitPerTwoSidedBead() {
    let tmx = formatter.render(Self.alignment, as: .tmx)
    #expect(tmx.contains("creationdate=\"19700101T000000Z\""))
    #expect(tmx.components(separatedBy: "<tu ").count == 2)
    #expect(
      tmx.contains(
        """
            <tu tuid="1">
              <prop type="x-confidence">0.910</prop>
              <prop type="x-bead">2-2</prop>
              <tuv xml:lang="de"><seg>Eins. Zwei und drei.</seg></tuv>
              <tuv xml:lang="en"><seg>One, two and\tthree.</seg></tuv>
            </tu>
        """))
  }
}

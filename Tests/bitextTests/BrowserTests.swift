import BitextKit
import Foundation
import Testing

/// Headless Chromium (Debian package `chromium`), for looking at pages as a person would.
enum Chromium {
  /// The browser's path, if one is installed.
  static let path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      .split(separator: ":")
    for name in ["chromium", "chromium-browser"] {
      for directory in directories {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  /// In CI (`CI=true`) the browser tests run, and fail when chromium is missing.
  static let isRequired = ProcessInfo.processInfo.environment["CI"] == "true"

  /// Whether the browser tests run; says once on standard output when they are skipped.
  static let shouldRun: Bool = {
    if path == nil && !isRequired {
      print(
        "BrowserTests: skipped, chromium is not installed "
          + "(apt-get install chromium; with CI=true the tests run and fail without it)")
    }
    return path != nil || isRequired
  }()

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs chromium headless with `arguments` and returns its standard output.
  static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> String {
    let browser = try #require(path, "chromium is not installed; CI=true requires it")
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("out")
    let err = directory.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-extensions",
        "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
      ] + arguments
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw Failure(description: "chromium took more than \(Int(timeout)) s")
    }
    let output = String(decoding: try Data(contentsOf: out), as: UTF8.self)
    if process.terminationStatus != 0 {
      let log = String(decoding: try Data(contentsOf: err), as: UTF8.self)
      throw Failure(
        description: "chromium exited with \(process.terminationStatus): \(log.suffix(2_000))")
    }
    return output
  }

  /// The DOM of `page` after its scripts ran, serialised.
  static func dumpDOM(_ page: URL, fragment: String? = nil) throws -> String {
    var url = page.absoluteString
    if let fragment { url += "#" + fragment }
    return try run(["--dump-dom", url])
  }
}

/// The review report as a browser shows it: built from library calls on the fixtures, rendered
/// by headless Chromium, checked on the DOM after the page's script ran.
@Suite(
  .enabled(if: Chromium.shouldRun, "chromium is not installed (CI=true requires it)"), .serialized)
struct BrowserTests {
  /// A sentence that must show as text, appended to both fixtures.
  static let hostile = #"Test: <script>alert(1)</script> &amp; "quotes" 'single' ]]> done."#

  /// The fixture report: the fixtures (plus `hostile`), segmented, aligned as in the gold file,
  /// with findings and term highlights for the deviations planted in the English text.
  static func fixtureReport() throws -> ReviewReport {
    let german = try TextReader.read(path: Fixtures.path("ukraine-nato.de.txt"))
    let english = try TextReader.read(path: Fixtures.path("ukraine-nato.en.txt"))
    let source = Document(name: german.name, text: text(of: german) + "\n\n" + hostile + "\n")
    let target = Document(name: english.name, text: text(of: english) + "\n\n" + hostile + "\n")
    let sourceSentences = SentenceSplitter(language: .german).split(source)
    let targetSentences = SentenceSplitter(language: .english).split(target)
    var beads = try goldBeads()
    let (sourceEnd, targetEnd) = (
      beads.map(\.source.upperBound).max() ?? 0, beads.map(\.target.upperBound).max() ?? 0
    )
    beads.append(
      AlignmentBead(
        source: sourceEnd..<sourceEnd + 1, target: targetEnd..<targetEnd + 1, confidence: 1))
    let alignment = Alignment(source: sourceSentences, target: targetSentences, beads: beads)

    func place(_ needle: String, in document: Document, _ sentences: [Sentence]) throws
      -> (sentence: Int, range: Range<Int>)
    {
      let bytes = Array(needle.utf8)
      let start = try #require(
        (0...(document.utf8.count - bytes.count)).first {
          document.utf8[$0..<$0 + bytes.count].elementsEqual(bytes)
        }, "\(needle) not in \(document.name)")
      let sentence = try #require(sentences.firstIndex { $0.utf8Range.contains(start) })
      return (sentence, start..<start + bytes.count)
    }
    let speaker = try place("Kreml-Sprecher", in: source, sourceSentences)
    let speakerEN = try place("Kremlin speaker", in: target, targetSentences)
    let years = try place("32 Jahre", in: source, sourceSentences)
    let yearsEN = try place("33 years", in: target, targetSentences)
    let troops = try place("Truppen", in: source, sourceSentences)
    let troopsEN = try place("troops", in: target, targetSentences)
    let invasion = try place("russischen Truppen", in: source, sourceSentences)
    let forces = try place("Russian forces", in: target, targetSentences)
    let untranslated = try place("Peskow sagte, der Westen", in: target, targetSentences)
    let nato = try place("NATO", in: source, sourceSentences)
    let natoEN = try place("NATO", in: target, targetSentences)
    let findings = [
      Finding(
        kind: .forbiddenTerm, severity: .error, sourceSentences: [speaker.sentence],
        targetSentences: [speakerEN.sentence], sourceRange: speaker.range,
        targetRange: speakerEN.range, term: "Kreml-Sprecher", expected: ["Kremlin spokesman"],
        found: ["Kremlin speaker"],
        message: "'Kremlin speaker' is deprecated; use 'Kremlin spokesman'"),
      Finding(
        kind: .numberMismatch, severity: .error, sourceSentences: [years.sentence],
        targetSentences: [yearsEN.sentence], sourceRange: years.range, targetRange: yearsEN.range,
        term: "32", expected: ["32"], found: ["33"],
        message: "32 in the German, 33 in the English"),
      Finding(
        kind: .termMissing, severity: .warning, sourceSentences: [invasion.sentence],
        targetSentences: [forces.sentence], sourceRange: invasion.range, term: "Truppen",
        expected: ["troops"], found: ["forces"], message: "'Truppen' not rendered as 'troops'"),
      Finding(
        kind: .untranslated, severity: .error, sourceSentences: [],
        targetSentences: [untranslated.sentence], targetRange: untranslated.range,
        message: "the English sentence is German <not translated>"),
    ]
    let highlights: [ReviewReport.TermHighlight] = [
      .init(side: .source, utf8Range: speaker.range, entryID: "kreml-sprecher"),
      .init(side: .target, utf8Range: speakerEN.range, entryID: "kreml-sprecher", status: .wrong),
      .init(side: .source, utf8Range: troops.range, entryID: "truppen"),
      .init(side: .target, utf8Range: troopsEN.range, entryID: "truppen"),
      .init(
        side: .source, utf8Range: invasion.range.upperBound - 7..<invasion.range.upperBound,
        entryID: "truppen", status: .missing),
      .init(side: .source, utf8Range: nato.range, entryID: "nato"),
      .init(side: .target, utf8Range: natoEN.range, entryID: "nato"),
    ]
    return ReviewReport(
      alignment: alignment, findings: findings, highlights: highlights,
      source: .init(name: "ukraine-nato.de.txt", language: .german),
      target: .init(name: "ukraine-nato.en.txt", language: .english))
  }

  static func text(of document: Document) -> String {
    String(decoding: document.utf8[document.contentStart...], as: UTF8.self)
  }

  /// The beads of `Fixtures/ukraine-nato.gold.txt` (`[0]:[0]`, `[7, 8]:[8]`, `[]:[16]`), with a
  /// confidence made up from their shape so that the page shows every kind of row.
  static func goldBeads() throws -> [AlignmentBead] {
    let gold = try String(contentsOfFile: Fixtures.path("ukraine-nato.gold.txt"), encoding: .utf8)
    func indexes(_ list: Substring) -> Range<Int> {
      let numbers = list.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
        .split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
      return (numbers.first ?? 0)..<((numbers.last ?? -1) + 1)
    }
    var beads: [AlignmentBead] = []
    var next = (0, 0)
    for line in gold.split(separator: "\n") where line.contains(":") {
      let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      var source = indexes(parts[0])
      var target = indexes(parts[1])
      if source.isEmpty { source = next.0..<next.0 }
      if target.isEmpty { target = next.1..<next.1 }
      let confidence =
        source.count == 1 && target.count == 1
        ? 0.93 : source.isEmpty || target.isEmpty ? 0.6 : 0.42
      beads.append(AlignmentBead(source: source, target: target, confidence: confidence))
      next = (source.upperBound, target.upperBound)
    }
    return beads
  }

  /// Writes the page into a fresh temporary folder.
  static func write(_ html: String, name: String = "review.html") throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(html.utf8).write(to: url)
    return url
  }

  /// The opening tags of the table's rows, `<tr id="b1" …>`, found in one pass over the bytes.
  static func rowTags(_ dom: String) -> [String] {
    let bytes = Array(dom.utf8)
    let opening = Array("<tr id=\"b".utf8)
    var tags: [String] = []
    var index = 0
    while index + opening.count <= bytes.count {
      if bytes[index] == opening[0] && bytes[index..<index + opening.count].elementsEqual(opening) {
        var end = index + opening.count
        while end < bytes.count && bytes[end] != UInt8(ascii: ">") { end += 1 }
        tags.append(String(decoding: bytes[index..<min(end + 1, bytes.count)], as: UTF8.self))
        index = end
      } else {
        index += 1
      }
    }
    return tags
  }

  @Test func findingsAndEscapedTextAreOnThePage() throws {
    let report = try Self.fixtureReport()
    let page = try Self.write(report.render())
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let dom = try Chromium.dumpDOM(page)

    // The script ran: it filled in the status line.
    let status = "Showing all \(report.alignment.beads.count) rows."
    #expect(dom.contains("<span id=\"status\" role=\"status\">\(status)</span>"))
    #expect(dom.contains("data-filter=\"all\""))
    // Every row is there and visible.
    let rows = Self.rowTags(dom)
    #expect(rows.count == report.alignment.beads.count)
    #expect(rows.allSatisfy { !$0.contains("hidden") })
    // Every finding is listed, with its message as text and a link to its bead.
    for finding in report.findings {
      #expect(
        dom.contains(XML.escape(finding.message).replacingOccurrences(of: "&apos;", with: "'")))
    }
    let list = try #require(dom.range(of: "<details id=\"findings\""))
    let listEnd = try #require(dom.range(of: "</details>", range: list.upperBound..<dom.endIndex))
    let items = dom[list.lowerBound..<listEnd.upperBound]
    #expect(items.components(separatedBy: "<li ").count - 1 == report.findings.count)
    #expect(items.components(separatedBy: "<a href=\"#b").count - 1 == report.findings.count)

    // The hostile sentence is text in both columns: serialised escaped, no element made of it.
    #expect(dom.components(separatedBy: "&lt;script&gt;alert(1)&lt;/script&gt;").count - 1 == 2)
    #expect(dom.components(separatedBy: "<script").count - 1 == 1)
    #expect(!dom.contains("<script>alert(1)"))
    #expect(dom.contains("]]&gt; done."))
    #expect(dom.contains("&lt;not translated&gt;"))
    // The plot made it into the DOM as SVG.
    #expect(dom.contains("<svg id=\"plot\""))
    #expect(dom.contains("<path class=\"gap\""))
  }

  @Test(arguments: ["term-missing", "number-mismatch", "omitted-source", "low-confidence"])
  func fragmentFilterHidesTheOtherRows(kind: String) throws {
    let report = try Self.fixtureReport()
    let page = try Self.write(report.render())
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let dom = try Chromium.dumpDOM(page, fragment: "filter=\(kind)")

    let rows = Self.rowTags(dom)
    #expect(rows.count == report.alignment.beads.count)
    let matching = rows.filter { $0.contains("data-k=\"") && $0.contains(kind) }
    let visible = rows.filter { !$0.contains("hidden=\"\"") }
    #expect(!matching.isEmpty)
    #expect(visible == matching, "visible rows: \(visible)")
    #expect(rows.count - visible.count > 0)
    #expect(dom.contains("data-filter=\"\(kind)\""))
    #expect(dom.contains("Showing \(visible.count) of \(rows.count) rows"))
  }

  /// A kind no row has, or markup, from the URL: every row hidden, the name shown as text.
  @Test func fragmentFilterOfAnAbsentKindHidesEverything() throws {
    let report = try Self.fixtureReport()
    let page = try Self.write(report.render())
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let dom = try Chromium.dumpDOM(page, fragment: "filter=%3Cb%3Einconsistent-rendering")
    let rows = Self.rowTags(dom)
    #expect(rows.count == report.alignment.beads.count)
    #expect(rows.allSatisfy { $0.contains("hidden=\"\"") })
    #expect(dom.contains("Showing 0 of \(rows.count) rows: &lt;b&gt;inconsistent rendering."))
    #expect(!dom.contains("<b>inconsistent"))
  }

  /// Keys and clicks, sent by a probe script appended to the page; it records where focus went.
  @Test func keysAndPlotClicksMoveToBeads() throws {
    let report = try Self.fixtureReport()
    let probe = """
      <script>
      function key(k) { document.dispatchEvent(new KeyboardEvent('keydown', { key: k })); }
      var seen = [];
      key('n'); seen.push(document.activeElement.id);
      key('n'); seen.push(document.activeElement.id);
      key('p'); seen.push(document.activeElement.id);
      // The plot's x axis: German sentence n (from 0) of 21 spans n to n + 1 times 1000 / 21.
      var plot = document.getElementById('plot'), point = plot.createSVGPoint();
      point.x = 10.5 / 21 * 1000;
      point.y = 500;
      point = point.matrixTransform(plot.getScreenCTM());
      plot.dispatchEvent(new MouseEvent('click', { clientX: point.x, clientY: point.y }));
      seen.push(document.activeElement.id);
      document.body.setAttribute('data-probe', seen.join(' '));
      </script>
      </body>
      """
    let html = report.render().replacingOccurrences(of: "</body>", with: probe)
    let page = try Self.write(html)
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let dom = try Chromium.dumpDOM(page)
    // Rows with findings or flags: beads 2, 5, 6, 7, 9, 10, 15. German sentence 10 is in bead 9.
    #expect(dom.contains("data-probe=\"b2 b5 b2 b9\""))
  }

  @Test func screenshotShowsThePage() throws {
    let report = try Self.fixtureReport()
    let page = try Self.write(report.render())
    let directory = page.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: directory) }
    let png = directory.appendingPathComponent("review.png")
    _ = try Chromium.run([
      "--hide-scrollbars", "--window-size=1400,1000", "--screenshot=\(png.path)",
      page.absoluteString,
    ])
    let bytes = try Data(contentsOf: png)
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(bytes.count > 20_000)  // a page, not a blank image
  }

  /// A 10,000-sentence pair makes a page a small multiple of the text, that Chromium shows quickly.
  ///
  /// Prints the measured size and times; the time limits are loose, for busy CI machines.
  @Test func tenThousandSentencePairStaysSmallAndFast() throws {
    let report = try Self.largeReport(sentences: 10_000)
    let textBytes =
      report.alignment.source.reduce(0) { $0 + $1.text.utf8.count }
      + report.alignment.target.reduce(0) { $0 + $1.text.utf8.count }
    let clock = ContinuousClock()
    var html = ""
    let renderTime = clock.measure { html = report.render() }
    let page = try Self.write(html)
    let directory = page.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: directory) }
    // BITEXT_LARGE_REPORT=path keeps a copy of the page, for timing it by hand.
    if let copy = ProcessInfo.processInfo.environment["BITEXT_LARGE_REPORT"] {
      try Data(html.utf8).write(to: URL(fileURLWithPath: copy))
    }
    var dom = ""
    let domTime = try clock.measure {
      dom = try Chromium.dumpDOM(page, fragment: "filter=number-mismatch")
    }
    let paintTime = try clock.measure {
      _ = try Chromium.run([
        "--hide-scrollbars", "--window-size=1400,1000",
        "--screenshot=\(directory.appendingPathComponent("large.png").path)", page.absoluteString,
      ])
    }
    let size = html.utf8.count
    print(
      """
      BrowserTests: 10,000-sentence pair: text \(textBytes) bytes, page \(size) bytes \
      (\(String(format: "%.2f", Double(size) / Double(textBytes)))× the text); \
      render \(renderTime), chromium --dump-dom \(domTime), --screenshot \(paintTime)
      """)
    #expect(size < 3 * textBytes)
    #expect(domTime < .seconds(60))
    #expect(paintTime < .seconds(60))
    #expect(Self.rowTags(dom).count == report.alignment.beads.count)
    #expect(dom.contains("Showing 200 of \(report.alignment.beads.count) rows"))
  }

  /// `count` sentences a side made from the fixtures' sentences, 1-1 beads with a gap every 97
  /// beads, a number-mismatch finding every 50 beads and a highlight per "NATO".
  static func largeReport(sentences count: Int) throws -> ReviewReport {
    let german = try TextReader.read(path: Fixtures.path("ukraine-nato.de.txt"))
    let english = try TextReader.read(path: Fixtures.path("ukraine-nato.en.txt"))
    let germanSentences = SentenceSplitter(language: .german).split(german)
    let englishSentences = SentenceSplitter(language: .english).split(english)
    func repeated(_ pool: [Sentence]) -> [Sentence] {
      var sentences: [Sentence] = []
      var offset = 0
      for index in 0..<count {
        let text = pool[index % pool.count].text
        let length = text.utf8.count
        sentences.append(
          Sentence(
            index: index, paragraph: index / 3, utf8Range: offset..<offset + length, text: text))
        offset += length + (index % 3 == 2 ? 2 : 1)
      }
      return sentences
    }
    let source = repeated(germanSentences)
    let target = repeated(englishSentences)
    var beads: [AlignmentBead] = []
    var (s, t) = (0, 0)
    while s < count || t < count {
      let number = beads.count
      if number % 97 == 96 && s < count {
        beads.append(AlignmentBead(source: s..<s + 1, target: t..<t, confidence: 0.55))
        s += 1
      } else if number % 97 == 48 && t < count {
        beads.append(AlignmentBead(source: s..<s, target: t..<t + 1, confidence: 0.55))
        t += 1
      } else {
        let sourceEnd = min(s + 1, count)
        let targetEnd = min(t + 1, count)
        let confidence = Double((number * 37) % 100) / 100
        beads.append(
          AlignmentBead(source: s..<sourceEnd, target: t..<targetEnd, confidence: confidence))
        (s, t) = (sourceEnd, targetEnd)
      }
    }
    var findings: [Finding] = []
    for number in stride(from: 0, to: beads.count, by: 50) where findings.count < 200 {
      findings.append(
        Finding(
          kind: .numberMismatch, severity: .warning, sourceSentences: Array(beads[number].source),
          targetSentences: Array(beads[number].target), message: "finding \(findings.count + 1)"))
    }
    var highlights: [ReviewReport.TermHighlight] = []
    for (side, sentences) in [(ReviewReport.TermHighlight.Side.source, source), (.target, target)] {
      for sentence in sentences {
        if let range = sentence.text.utf8.firstRange(of: "NATO".utf8) {
          let start =
            sentence.utf8Range.lowerBound
            + sentence.text.utf8.distance(
              from: sentence.text.utf8.startIndex, to: range.lowerBound)
          highlights.append(.init(side: side, utf8Range: start..<start + 4, entryID: "nato"))
        }
      }
    }
    return ReviewReport(
      alignment: Alignment(source: source, target: target, beads: beads), findings: findings,
      highlights: highlights, source: .init(name: "large.de.txt", language: .german),
      target: .init(name: "large.en.txt", language: .english))
  }
}

/// `bitext align` and `bitext check` with `--format html`: the same page, from the command line.
@Suite struct ReviewPageCLITests {
  static let inputs = [
    Fixtures.path("ukraine-nato.de.txt"), Fixtures.path("ukraine-nato.en.txt"),
  ]
  static let glossary = Fixtures.directory.deletingLastPathComponent()
    .appendingPathComponent("glossaries/news-politics.de-en.tsv").path

  static func page(_ arguments: [String]) throws -> (BitextProcess.Result, String) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-page-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("review.html").path
    let result = try BitextProcess.run(arguments + ["--format", "html", "-o", path])
    return (result, (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
  }

  @Test func alignWritesTheReviewPage() throws {
    let (result, html) = try Self.page(["align"] + Self.inputs)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<tbody id=\"rows\">"))
    #expect(html.contains("No findings."))
    let beads = try BitextProcess.run(["align"] + Self.inputs + ["--format", "jsonl"])
    let count = beads.stdout.split(separator: "\n").count
    #expect(BrowserTests.rowTags(html).count == count)
  }

  @Test func checkWritesTheReviewPageWithEveryFinding() throws {
    let arguments = ["check"] + Self.inputs + ["--glossary", Self.glossary, "--fail-on", "never"]
    let (result, html) = try Self.page(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try BitextProcess.run(arguments)
    let findings = text.stdout.split(separator: "\n").count
    #expect(findings > 0)
    let list = try #require(html.range(of: "<details id=\"findings\""))
    let end = try #require(html.range(of: "</details>", range: list.upperBound..<html.endIndex))
    #expect(
      html[list.lowerBound..<end.upperBound].components(separatedBy: "<li ").count - 1 == findings)
    #expect(html.contains("<mark class=\"t e0"))  // glossary terms are highlighted
  }
}

import BitextKit
import Foundation
import Testing

@Suite struct ReviewReportTests {
  static let german = """
    Der Kreml-Sprecher warnte vor Truppen. Präsident Macron öffnete die Tür.

    Ein Satz mit <script>alert(1)</script>, &amp; und "Anführungszeichen" ']]>'.

    Aber das ist nicht geschehen.
    """
  static let english = """
    The Kremlin speaker warned about troops. President Macron opened the door.

    A sentence with <script>alert(1)</script>, &amp; and "quotes" ']]>'.
    """

  /// Sentences of both texts, a hand-made alignment with a 1-0 bead and a low-confidence bead, two
  /// findings and three term highlights.
  static func sample() -> (ReviewReport, Document, Document) {
    let source = Document(name: "a<b>.de.txt", text: german)
    let target = Document(name: "a&b.en.txt", text: english)
    let sourceSentences = SentenceSplitter(language: .german).split(source)
    let targetSentences = SentenceSplitter(language: .english).split(target)
    let beads = [
      AlignmentBead(source: 0..<1, target: 0..<1, confidence: 0.91),
      AlignmentBead(source: 1..<2, target: 1..<2, confidence: 0.3),
      AlignmentBead(source: 2..<3, target: 2..<3, confidence: 0.8),
      AlignmentBead(source: 3..<4, target: 3..<3, confidence: 0.7),
    ]
    let alignment = Alignment(source: sourceSentences, target: targetSentences, beads: beads)
    let findings = [
      Finding(
        kind: .forbiddenTerm, severity: .error, sourceSentences: [0], targetSentences: [0],
        sourceRange: range(of: "Kreml-Sprecher", in: source),
        targetRange: range(of: "Kremlin speaker", in: target), term: "Kreml-Sprecher",
        expected: ["Kremlin spokesman"], found: ["Kremlin speaker"],
        message: "'Kremlin speaker' is deprecated </script><b>x</b>"),
      Finding(
        kind: .omittedSource, severity: .warning, sourceSentences: [3], targetSentences: [],
        message: "no English for this sentence"),
      Finding(
        kind: .termMissing, severity: .warning, sourceSentences: [1], targetSentences: [1],
        sourceRange: range(of: "Macron", in: source), term: "Macron",
        message: "'Macron' not rendered"),
    ]
    let highlights = [
      ReviewReport.TermHighlight(
        side: .source, utf8Range: range(of: "Kreml-Sprecher", in: source), entryID: "kreml",
        note: "Kreml-Sprecher → Kremlin spokesman"),
      ReviewReport.TermHighlight(
        side: .target, utf8Range: range(of: "Kremlin speaker", in: target), entryID: "kreml",
        status: .wrong),
      ReviewReport.TermHighlight(
        side: .source, utf8Range: range(of: "Truppen", in: source), entryID: "truppen\"><x",
        status: .missing),
    ]
    let report = ReviewReport(
      alignment: alignment, findings: findings, highlights: highlights,
      source: .init(name: source.name, language: .german),
      target: .init(name: target.name, language: .english))
    return (report, source, target)
  }

  /// The UTF-8 byte range of the first occurrence of `needle` in the document.
  static func range(of needle: String, in document: Document) -> Range<Int> {
    let bytes = Array(needle.utf8)
    let start = (0...(document.utf8.count - bytes.count)).first {
      Array(document.utf8[$0..<$0 + bytes.count]) == bytes
    }!
    return start..<start + bytes.count
  }

  /// The text between `start` and the next `end` after it.
  static func slice(_ html: String, from start: String, to end: String) -> String? {
    guard let lower = html.range(of: start),
      let upper = html.range(of: end, range: lower.upperBound..<html.endIndex)
    else { return nil }
    return String(html[lower.lowerBound..<upper.upperBound])
  }

  static func count(_ needle: String, in html: String) -> Int {
    html.components(separatedBy: needle).count - 1
  }

  @Test func isOneSelfContainedPageWithSemanticTable() throws {
    let (report, _, _) = Self.sample()
    let html = report.render()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</html>\n"))
    #expect(Self.count("<style>", in: html) == 1)
    #expect(Self.count("<script>", in: html) == 1)
    // Nothing loaded from elsewhere.
    for external in ["http://", "https://", " src=", "<link", "@import", "url("] {
      #expect(!html.contains(external), "page refers to \(external)")
    }
    #expect(html.contains("<caption>Alignment of "))
    #expect(html.contains("<th scope=\"col\">German</th>"))
    #expect(html.contains("<th scope=\"col\">English</th>"))
    #expect(html.contains("@media (prefers-color-scheme:dark)"))
    #expect(html.contains("@media print"))
    // One row per bead, numbered from 1, each with a row header.
    let rows = try #require(Self.slice(html, from: "<tbody id=\"rows\">", to: "</tbody>"))
    #expect(Self.count("<tr id=\"b", in: rows) == 4)
    #expect(Self.count("<th scope=\"row\">", in: rows) == 4)
    for number in 0...3 { #expect(rows.contains("<tr id=\"b\(number)\"")) }
  }

  @Test func beadsWithoutCounterpartAndLowConfidenceStandOut() throws {
    let (report, _, _) = Self.sample()
    let html = report.render()
    let low = try #require(Self.slice(html, from: "<tr id=\"b1\"", to: ">"))
    #expect(low.contains("class=\"low\""))
    #expect(low.contains("low-confidence"))
    let omission = try #require(Self.slice(html, from: "<tr id=\"b3\"", to: "</tr>"))
    #expect(omission.contains("omit"))
    #expect(omission.contains("<td class=\"gap\">no English sentence</td>"))
    #expect(omission.contains("1-0 · "))
    #expect(omission.contains("0.70"))
    // The confident 1-1 bead carries no flag and no filter kinds.
    let plain = try #require(Self.slice(html, from: "<tr id=\"b2\"", to: ">"))
    #expect(!plain.contains("data-k") && !plain.contains("low"))
    // Paragraph starts: beads 0 and 2 start paragraphs, bead 1 does not; ¶ class on the number.
    #expect(html.contains("<tr id=\"b0\" class=\"pb\""))
    #expect(html.contains("<tr id=\"b2\" class=\"pb\">"))
    #expect(html.contains("<span class=\"n p\">0</span>"))
    #expect(html.contains("<span class=\"n\">1</span>"))
  }

  @Test func inputTextIsEscapedEverywhere() throws {
    let (report, _, _) = Self.sample()
    let html = report.render()
    // The sentence shows as text: no second script element, no raw ampersand entity.
    #expect(Self.count("<script", in: html) == 1)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&amp;amp;"))
    #expect(html.contains("&quot;Anführungszeichen&quot;"))
    #expect(html.contains("&apos;]]&gt;&apos;"))
    #expect(!html.contains("]]>"))
    // File names, messages and entry ids.
    #expect(html.contains("a&lt;b&gt;.de.txt"))
    #expect(html.contains("a&amp;b.en.txt"))
    #expect(!html.contains("<b>x</b>"))
    #expect(html.contains("&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;"))
    #expect(html.contains("glossary entry truppen&quot;&gt;&lt;x"))
    // Exactly one closing script tag: the page's own.
    #expect(Self.count("</script>", in: html) == 1)
  }

  @Test func everyFindingLinksToItsBead() throws {
    let (report, _, _) = Self.sample()
    let html = report.render()
    let list = try #require(Self.slice(html, from: "<details id=\"findings\"", to: "</details>"))
    #expect(Self.count("<li ", in: list) == report.findings.count)
    #expect(list.contains("<a href=\"#b0\">bead 0</a>"))
    #expect(list.contains("<a href=\"#b1\">bead 1</a>"))
    #expect(list.contains("<a href=\"#b3\">bead 3</a>"))
    // In bead order: bead 0, bead 1, bead 3.
    let first = try #require(list.range(of: "#b0"))
    let second = try #require(list.range(of: "#b1"))
    let third = try #require(list.range(of: "#b3"))
    #expect(first.lowerBound < second.lowerBound && second.lowerBound < third.lowerBound)
    // Each finding is shown in its row too.
    for number in 0..<report.findings.count { #expect(html.contains("<p id=\"f\(number)\"")) }
    // The summary counts per kind, each a filter link.
    let counts = try #require(Self.slice(html, from: "<caption>Findings by kind", to: "</table>"))
    #expect(counts.contains("<a href=\"#filter=forbidden-term\">forbidden term</a>"))
    #expect(counts.contains("<a href=\"#filter=term-missing\">term missing</a>"))
    #expect(counts.contains("<td class=\"sev-error\">error</td><td>1</td>"))
  }

  @Test func findingWithoutSentencesIsPlacedByItsRange() throws {
    var (report, source, _) = Self.sample()
    report.findings = [
      Finding(
        kind: .numberMismatch, severity: .warning, sourceSentences: [], targetSentences: [],
        sourceRange: Self.range(of: "Aber", in: source), message: "by range"),
      Finding(
        kind: .untranslated, severity: .note, sourceSentences: [99], targetSentences: [],
        message: "nowhere"),
    ]
    let html = report.render()
    #expect(html.contains("<a href=\"#b3\">bead 3</a>"))
    // A finding that names no sentence of the alignment still links, to the table.
    #expect(html.contains("<a href=\"#rows\">alignment</a>"))
  }

  @Test func fragmentFilterMarkupIsPresent() throws {
    let (report, _, _) = Self.sample()
    let html = report.render()
    #expect(html.contains("<label for=\"filter\">Show</label> <select id=\"filter\">"))
    #expect(html.contains("<option value=\"term-missing\">term missing (1)</option>"))
    #expect(html.contains("<option value=\"omitted-source\">omitted source (1)</option>"))
    #expect(html.contains("<option value=\"low-confidence\">low confidence (1)</option>"))
    #expect(html.contains("<tr id=\"b1\" class=\"low\" data-k=\"term-missing low-confidence\""))
    #expect(html.contains("data-k=\"forbidden-term\""))
    #expect(html.contains("role=\"status\""))
    #expect(html.contains("'filter='"))
    #expect(html.contains("location.hash"))
  }

  @Test func termsShareTheirEntrysColourAcrossColumns() throws {
    let (report, _, _) = Self.sample()
    let html = report.render()
    let first = try #require(Self.slice(html, from: "<tr id=\"b0\"", to: "</tr>"))
    // Same entry, same class in both columns; the wrong rendering is marked.
    #expect(
      first.contains(
        "<mark class=\"t e0 ok\" title=\"Kreml-Sprecher → Kremlin spokesman\">"
          + "Kreml-Sprecher</mark>"))
    #expect(
      first.contains(
        "<mark class=\"t e0 wrong\" title=\"glossary entry kreml (wrong rendering)\">"
          + "Kremlin speaker</mark><sup class=\"sx\">wrong</sup>"))
    #expect(first.contains(">Truppen</mark><sup class=\"sx\">missing</sup>"))
    // Both entries have a hue rule; colours come from the id.
    #expect(html.contains(".e0{--h:\(ReviewReportTests.hue("kreml"))}"))
    #expect(html.contains(".e1{--h:"))
    // A finding's range not covered by a term is underlined: "Macron" in bead 1.
    let second = try #require(Self.slice(html, from: "<tr id=\"b1\"", to: "</tr>"))
    #expect(
      second.contains("<mark class=\"x\" title=\"&apos;Macron&apos; not rendered\">Macron</mark>"))
  }

  /// The hue `ReviewReport` uses, recomputed independently: FNV-1a 64 modulo 360.
  static func hue(_ id: String) -> Int {
    var hash: UInt64 = 14_695_981_039_346_656_037
    for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
    return Int(hash % 360)
  }

  @Test func highlightOffsetsAreBytesOfTheDocument() throws {
    // Multi-byte letters before the term: offsets must be UTF-8 bytes, not characters.
    let source = Document(name: "ä.de", text: "Äußerst schöne Grüße. Präsident Müller kam.")
    let target = Document(name: "e.en", text: "Very nice greetings. President Müller came.")
    let sourceSentences = SentenceSplitter(language: .german).split(source)
    let targetSentences = SentenceSplitter(language: .english).split(target)
    let alignment = Alignment(
      source: sourceSentences, target: targetSentences,
      beads: [
        AlignmentBead(source: 0..<1, target: 0..<1, confidence: 1),
        AlignmentBead(source: 1..<2, target: 1..<2, confidence: 1),
      ])
    let report = ReviewReport(
      alignment: alignment,
      highlights: [
        .init(side: .source, utf8Range: Self.range(of: "Müller", in: source), entryID: "m"),
        .init(side: .target, utf8Range: Self.range(of: "Müller", in: target), entryID: "m"),
        // A range starting inside "ß" (bytes 3–4) is moved back to the letter's start.
        .init(side: .source, utf8Range: 4..<6, entryID: "x"),
      ],
      source: .init(name: "s", language: .german), target: .init(name: "t", language: .english))
    let html = report.render()
    #expect(Self.count(">Müller</mark>", in: html) == 2)
    #expect(html.contains("Präsident <mark class=\"t e0 ok\""))
    #expect(html.contains("Äu<mark class=\"t e1 ok\" title=\"glossary entry x\">ße</mark>rst"))
    #expect(!html.contains("\u{FFFD}"))
  }

  @Test func plotDrawsThePathAndMarksGaps() throws {
    let (report, _, _) = Self.sample()
    let html = report.render()
    let svg = try #require(Self.slice(html, from: "<svg id=\"plot\"", to: "</svg>"))
    #expect(svg.contains("role=\"img\""))
    #expect(svg.contains("<title id=\"plot-t\">"))
    // 4 German and 3 English sentences: beads end at x 250, 500, 750, 1000.
    #expect(svg.contains("<path class=\"path\" d=\"M0 1000L250 667L500 334L750 0L1000 0\"/>"))
    #expect(svg.contains("<path class=\"gap\" d=\"M750 0L1000 0\"/>"))
    #expect(svg.contains("<path class=\"low\" d=\"M250 667L500 334\"/>"))
  }

  @Test func checkerOccurrencesBecomeHighlights() {
    func occurrence(_ term: String, entry: String?, _ renderings: [TermRendering])
      -> TermOccurrence
    {
      TermOccurrence(
        term: term, entryID: entry, bead: 0, sourceSentences: [0], targetSentences: [0],
        sourceRange: 0..<5, sourceText: term, kind: .exact, renderings: renderings)
    }
    let highlights = ReviewReport.TermHighlight.highlights(from: [
      occurrence(
        "Kreml-Sprecher", entry: "kreml",
        [
          TermRendering(
            name: "Kremlin speaker", text: "Kremlin speaker", targetRange: 4..<19,
            status: .deprecated, origin: .glossary)
        ]),
      occurrence("Truppe", entry: "truppe", []),
      occurrence(
        "NATO", entry: "nato",
        [
          TermRendering(
            name: "NATO", text: "NATO", targetRange: 30..<34, status: .preferred,
            origin: .glossary)
        ]),
      occurrence(
        "Gegenoffensive", entry: nil,
        [
          TermRendering(
            name: "counteroffensive", text: "counteroffensive", targetRange: 40..<56,
            origin: .dictionary)
        ]),
    ])
    #expect(
      highlights.map(\.side) == [.source, .target, .source, .source, .target, .source, .target])
    #expect(highlights.map(\.status) == [.wrong, .wrong, .missing, .ok, .ok, .ok, .ok])
    #expect(
      highlights.map(\.entryID) == [
        "kreml", "kreml", "truppe", "nato", "nato", "term:Gegenoffensive", "term:Gegenoffensive",
      ])
    #expect(highlights[1].utf8Range == 4..<19)
    #expect(highlights[0].note == "Kreml-Sprecher → Kremlin speaker")
    #expect(highlights[2].note == "Truppe: no rendering found")
    #expect(highlights[6].note == "counteroffensive (for Gegenoffensive, dictionary)")
  }

  @Test func findingsDecideWhichMarksStay() {
    let occurrences = [
      TermOccurrence(
        term: "Truppe", entryID: "truppe", bead: 0, sourceSentences: [0], targetSentences: [0],
        sourceRange: 0..<7, sourceText: "Truppen", kind: .exact, renderings: []),
      TermOccurrence(
        term: "Westen", entryID: "westen", bead: 1, sourceSentences: [1], targetSentences: [1],
        sourceRange: 50..<56, sourceText: "Westen", kind: .exact, renderings: []),
    ]
    let finding = Finding(
      kind: .termMissing, severity: .warning, sourceSentences: [0], targetSentences: [0],
      sourceRange: 0..<7, message: "missing")
    let highlights = ReviewReport.TermHighlight.highlights(from: occurrences, findings: [finding])
    // Only the occurrence a term-missing finding names keeps its mark.
    #expect(highlights.map(\.status) == [.missing, .ok])
    #expect(
      ReviewReport.TermHighlight.highlights(from: occurrences).map(\.status) == [
        .missing, .missing,
      ])
  }

  @Test func closeEntryHuesAreSpreadApart() {
    let ids = (0..<8).map { "entry-\($0)" }
    // Eight entries in one report: every pair of hues at least 36° apart on the colour circle.
    let hues = ReviewReport.hues(for: ids)
    for (i, a) in hues.enumerated() {
      for b in hues[(i + 1)...] {
        let distance = abs(a - b) % 360
        #expect(min(distance, 360 - distance) >= 36, "\(hues)")
      }
    }
  }

  @Test func emptyAlignmentStillMakesAPage() {
    let report = ReviewReport(
      alignment: Alignment(source: [], target: [], beads: []),
      source: .init(name: "a", language: .german), target: .init(name: "b", language: .english))
    let html = report.render()
    #expect(html.contains("No findings."))
    #expect(html.contains("<tbody id=\"rows\">\n</tbody>"))
    #expect(!html.contains("<details id=\"findings\""))
  }
}

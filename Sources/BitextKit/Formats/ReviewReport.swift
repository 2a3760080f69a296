/// A review report: one self-contained HTML page showing an alignment side by side, with its
/// findings and glossary terms, for a translator to open from disk and work through.
///
/// The page has inline CSS and JavaScript only (no network, no framework), so it works from
/// `file://` offline. Every piece of input text is escaped. It shows a summary of the findings
/// (each a link to its bead), a plot of the alignment path, and one table row per bead; rows can be
/// filtered by finding kind, also through the URL fragment (`report.html#filter=term-missing`),
/// and `n`/`p` move to the next/previous row with a finding.
///
///     let report = ReviewReport(
///       alignment: alignment, findings: findings,
///       source: .init(name: "a.de.txt", language: .german),
///       target: .init(name: "a.en.txt", language: .english))
///     try OutputFile.write(report.render(), to: "report.html")
public struct ReviewReport: Sendable {
  /// One side's file: its name as shown, and its language.
  public struct File: Hashable, Sendable {
    public var name: String
    public var language: Language

    public init(name: String, language: Language) {
      self.name = name
      self.language = language
    }
  }

  public var alignment: Alignment
  public var findings: [Finding]
  /// Glossary terms to colour; ranges are UTF-8 byte offsets into the documents.
  public var highlights: [TermHighlight]
  public var source: File
  public var target: File
  /// What each row's header shows instead of the bead number and confidence, by bead (the unit
  /// id and state of a bilingual file's unit); empty: the bead number.
  public var rowLabels: [String]
  /// The labels of the inline codes of each sentence ("{1}", "{/1}"), by side and sentence index.
  ///
  /// A sentence's placeholders (`BilingualText.placeholder`) are shown as these labels, in
  /// order. Empty: placeholders are shown as they are.
  public var inlineCodeLabels: [TermHighlight.Side: [[String]]] = [:]

  public init(
    alignment: Alignment, findings: [Finding] = [], highlights: [TermHighlight] = [],
    source: File, target: File, rowLabels: [String] = []
  ) {
    self.alignment = alignment
    self.findings = findings
    self.highlights = highlights
    self.source = source
    self.target = target
    self.rowLabels = rowLabels
  }

  /// The filter a row matches when a bead is an omission, an addition or low-confidence, even if
  /// no finding says so (the report of `bitext align` has no findings).
  static func beadKinds(_ bead: AlignmentBead) -> [Finding.Kind] {
    var kinds: [Finding.Kind] = []
    if bead.target.isEmpty && !bead.source.isEmpty { kinds.append(.omittedSource) }
    if bead.source.isEmpty && !bead.target.isEmpty { kinds.append(.addedTarget) }
    if bead.isLowConfidence { kinds.append(.lowConfidence) }
    return kinds
  }

  /// The whole page.
  ///
  /// - Complexity: O(*n* log *n*) in the number of sentences, findings and highlights; the page
  ///   is about the size of the two texts plus 150 bytes a bead.
  public func render() -> String {
    let layout = Layout(self)
    var html = ""
    html.reserveCapacity(
      alignment.source.reduce(0) { $0 + $1.text.utf8.count }
        + alignment.target.reduce(0) { $0 + $1.text.utf8.count } + alignment.beads.count * 180
        + 30_000)
    html += head(layout)
    html += "<body>\n"
    html += toolbar(layout)
    html += "<main>\n"
    html += summary(layout)
    html += findingList(layout)
    html += table(layout)
    html += "</main>\n<script>\n\(Self.script)</script>\n</body>\n</html>\n"
    return html
  }

  // MARK: - Page parts

  private var title: String {
    "Review: \(source.name) | \(target.name)"
  }

  private func head(_ layout: Layout) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <meta http-equiv="Content-Security-Policy" \
      content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
      <meta name="generator" content="bitext \(XML.escape(version))">
      <title>\(XML.escape(title))</title>
      <style>
      \(Self.style)
      """
    for (number, hue) in Self.hues(for: layout.entries).enumerated() {
      html += ".e\(number){--h:\(hue)}"
      html += number % 8 == 7 ? "\n" : ""
    }
    return html + "\n</style>\n</head>\n"
  }

  private func toolbar(_ layout: Layout) -> String {
    var html = "<nav class=\"toolbar\" aria-label=\"Filter and navigation\">\n"
    html += "<label for=\"filter\">Show</label> <select id=\"filter\">"
    html += "<option value=\"all\">all rows</option>"
    html += "<option value=\"any\">rows with a finding (\(layout.markedRows))</option>"
    for (kind, count) in layout.rowCounts {
      html += "<option value=\"\(kind.rawValue)\">\(Self.label(kind)) (\(count))</option>"
    }
    html += "</select>\n"
    html +=
      "<span id=\"status\" role=\"status\">Showing all \(alignment.beads.count) rows.</span>\n"
    html += "<span class=\"keys\"><kbd>n</kbd>/<kbd>p</kbd> next/previous finding</span>\n"
    return html + "</nav>\n"
  }

  private func summary(_ layout: Layout) -> String {
    let sourceLabel = "\(Self.languageName(source.language)) (\(source.language.rawValue))"
    let targetLabel = "\(Self.languageName(target.language)) (\(target.language.rawValue))"
    var html = "<header>\n<h1>Review: <span class=\"file\">\(XML.escape(source.name))</span>"
    html += " | <span class=\"file\">\(XML.escape(target.name))</span></h1>\n"
    html += "<p class=\"meta\">\(XML.escape(sourceLabel)), \(alignment.source.count) sentences"
    html += " | \(XML.escape(targetLabel)), \(alignment.target.count) sentences"
    html += " | \(alignment.beads.count) beads | bitext \(XML.escape(version))</p>\n</header>\n"

    html += "<section class=\"summary\" aria-labelledby=\"summary-h\">\n<div>\n"
    html += "<h2 id=\"summary-h\">Summary</h2>\n"
    html += "<table class=\"counts\">\n<caption>Findings by kind</caption>\n"
    html += "<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Severity</th>"
    html += "<th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n"
    if layout.findingCounts.isEmpty {
      html += "<tr><td colspan=\"3\">No findings.</td></tr>\n"
    }
    for (kind, severity, count) in layout.findingCounts {
      html += "<tr><th scope=\"row\"><a href=\"#filter=\(kind.rawValue)\">"
      html += "\(Self.label(kind))</a></th><td class=\"sev-\(severity.rawValue)\">"
      html += "\(severity.rawValue)</td><td>\(count)</td></tr>\n"
    }
    html += "</tbody>\n</table>\n"

    html += "<table class=\"counts\">\n<caption>Alignment</caption>\n"
    html += "<thead><tr><th scope=\"col\">Beads</th><th scope=\"col\">Count</th></tr></thead>\n"
    html += "<tbody>\n"
    for (shape, count) in layout.shapeCounts {
      let filter: Finding.Kind? =
        shape == "1-0" ? .omittedSource : shape == "0-1" ? .addedTarget : nil
      let name = filter.map { "\(shape) (\(Self.label($0)))" } ?? shape
      html += "<tr><th scope=\"row\">"
      html +=
        filter.map { "<a href=\"#filter=\($0.rawValue)\">\(name)</a>" } ?? name
      html += "</th><td>\(count)</td></tr>\n"
    }
    html += "<tr><th scope=\"row\"><a href=\"#filter=low-confidence\">low confidence</a>"
    html += " (&lt; \(Self.decimal(AlignmentBead.lowConfidence)))</th>"
    html += "<td>\(layout.lowConfidenceBeads)</td></tr>\n"
    html += "</tbody>\n</table>\n</div>\n"
    html += plot()
    return html + "</section>\n"
  }

  private func findingList(_ layout: Layout) -> String {
    guard !findings.isEmpty else { return "" }
    var html = "<details id=\"findings\"\(findings.count <= 200 ? " open" : "")>\n"
    html += "<summary><h2>Findings (\(findings.count))</h2></summary>\n<ol>\n"
    for number in layout.findingOrder {
      let finding = findings[number]
      let target = layout.findingBead[number].map { "b\($0)" } ?? "rows"
      let place = layout.findingBead[number].map { "bead \($0)" } ?? "alignment"
      html += "<li class=\"sev-\(finding.severity.rawValue)\"><a href=\"#\(target)\">\(place)</a> "
      html += "<span class=\"sev\">\(finding.severity.rawValue)</span> "
      html +=
        "<b class=\"k\">\(Self.label(finding.kind))</b>: \(XML.escape(finding.message))</li>\n"
    }
    return html + "</ol>\n</details>\n"
  }

  private func table(_ layout: Layout) -> String {
    let sourceLanguage = Self.languageName(source.language)
    let targetLanguage = Self.languageName(target.language)
    var html = "<table class=\"bitext\">\n<caption>Alignment of \(XML.escape(source.name))"
    html += " (\(XML.escape(sourceLanguage))) and \(XML.escape(target.name))"
    html += " (\(XML.escape(targetLanguage))): one row per bead. Beads and sentences count from 0,"
    html += " as in bitext's other outputs; ¶ marks the start of a paragraph.</caption>\n"
    html += "<colgroup><col class=\"c-n\"><col><col><col class=\"c-f\"></colgroup>\n"
    html += "<thead><tr><th scope=\"col\">Bead<span class=\"sr\">, shape, confidence</span></th>"
    html += "<th scope=\"col\">\(XML.escape(sourceLanguage))</th>"
    html += "<th scope=\"col\">\(XML.escape(targetLanguage))</th>"
    html += "<th scope=\"col\">Findings</th></tr></thead>\n<tbody id=\"rows\">\n"
    for (number, bead) in alignment.beads.enumerated() {
      html += row(number, bead, layout)
    }
    return html + "</tbody>\n</table>\n"
  }

  // MARK: - Rows

  private func row(_ number: Int, _ bead: AlignmentBead, _ layout: Layout) -> String {
    let sourceRange = bead.source.clamped(to: 0..<alignment.source.count)
    let targetRange = bead.target.clamped(to: 0..<alignment.target.count)
    var classes: [String] = []
    if layout.startsParagraph(sourceRange, in: alignment.source)
      || layout.startsParagraph(targetRange, in: alignment.target)
    {
      classes.append("pb")
    }
    if sourceRange.isEmpty {
      classes.append("add")
    } else if targetRange.isEmpty {
      classes.append("omit")
    }
    if bead.isLowConfidence { classes.append("low") }
    var html = "<tr id=\"b\(number)\""
    if !classes.isEmpty { html += " class=\"\(classes.joined(separator: " "))\"" }
    let kinds = layout.rowKinds[number]
    if !kinds.isEmpty {
      html += " data-k=\"\(kinds.map(\.rawValue).joined(separator: " "))\""
    }
    if rowLabels.indices.contains(number) {
      html += "><th scope=\"row\"><a href=\"#b\(number)\">\(XML.escape(rowLabels[number]))</a></th>"
    } else {
      html += "><th scope=\"row\"><a href=\"#b\(number)\">\(number)</a><small>"
      if bead.kind != "1-1" { html += "\(bead.kind) · " }
      html += "<span class=\"sr\">confidence </span>\(Self.decimal(bead.confidence))</small></th>"
    }
    html += cell(sourceRange, side: .source, layout)
    html += cell(targetRange, side: .target, layout)
    html += "<td>"
    for findingNumber in layout.beadFindings[number, default: []] {
      let finding = findings[findingNumber]
      html += "<p id=\"f\(findingNumber)\" class=\"sev-\(finding.severity.rawValue)\">"
      html += "<b class=\"k\">\(Self.label(finding.kind))</b> \(XML.escape(finding.message))</p>"
    }
    return html + "</td></tr>\n"
  }

  private func cell(_ range: Range<Int>, side: TermHighlight.Side, _ layout: Layout) -> String {
    let file = side == .source ? source : target
    guard !range.isEmpty else {
      return "<td class=\"gap\">no \(XML.escape(Self.languageName(file.language))) sentence</td>"
    }
    let sentences = side == .source ? alignment.source : alignment.target
    var html = "<td lang=\"\(XML.escape(file.language.rawValue))\">"
    for index in range {
      let paragraph = layout.startsParagraph(index..<index + 1, in: sentences)
      html += paragraph ? "<span class=\"n p\">" : "<span class=\"n\">"
      html += "\(index)</span>"
      let codes = inlineCodeLabels[side].flatMap { $0.indices.contains(index) ? $0[index] : nil }
      html += layout.sentenceHTML(
        sentences[index], spans: layout.spans[side]?[index] ?? [], codes: codes ?? [])
      if index + 1 < range.upperBound { html += " " }
    }
    return html + "</td>"
  }

  // MARK: - Labels

  /// A finding kind for people: "term missing".
  static func label(_ kind: Finding.Kind) -> String {
    kind.rawValue.replacingOccurrences(of: "-", with: " ")
  }

  static func languageName(_ language: Language) -> String {
    switch language.rawValue {
    case "de": "German"
    case "en": "English"
    case "fr": "French"
    case "es": "Spanish"
    case "it": "Italian"
    case "nl": "Dutch"
    case "pt": "Portuguese"
    default: language.rawValue
    }
  }

  /// A number in [0, 1] with two decimals: "0.93".
  static func decimal(_ value: Double) -> String {
    guard value.isFinite else { return "?" }
    let hundredths = Int((min(max(value, 0), 1) * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
  }

  /// The hues of the entries of one report: each entry's own hue, turned by the golden angle
  /// while it is too close to the hue of an earlier entry, so that neighbours stay apart.
  public static func hues(for entries: [String]) -> [Int] {
    let spacing = max(6, min(36, 300 / max(entries.count, 1)))
    var hues: [Int] = []
    for entry in entries {
      var hue = hue(of: entry)
      for _ in 0..<24 {
        let clash = hues.contains { used in
          let distance = abs(used - hue) % 360
          return min(distance, 360 - distance) < spacing
        }
        if !clash { break }
        hue = (hue + 137) % 360
      }
      hues.append(hue)
    }
    return hues
  }

  /// The highlight hue of a glossary entry, in degrees: FNV-1a of its id, so that an entry keeps
  /// its colour from one report to the next.
  public static func hue(of entryID: String) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in entryID.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return Int(hash % 360)
  }
}

extension ExtractedGlossary {
  /// A reviewable page: one self-contained HTML file (inline style, no script, no network) with a
  /// table of the terms, highest termhood first: term, renderings with counts and sentences, a
  /// consistency mark, and the first example pair with the term and its rendering highlighted.
  ///
  /// - Parameter title: the page's heading, e.g. the two file names.
  public func html(title: String) -> String {
    var page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width,initial-scale=1">
      <title>\(XML.escape(title))</title>
      <style>\(Self.style)</style></head>
      <body><main>
      <h1>Extracted glossary</h1>
      <p class="meta">\(XML.escape(title)) · \(terms.count) terms · \
      \(terms.filter { !$0.isConsistent }.count) rendered inconsistently</p>
      <table><thead><tr><th>#</th><th lang="\(sourceLanguage.rawValue)">term</th>\
      <th>count</th><th lang="\(targetLanguage.rawValue)">renderings</th><th>example</th></tr></thead>
      <tbody>

      """
    for (rank, term) in terms.enumerated() {
      let renderings = term.renderings.map {
        "<li>\(XML.escape($0.name)) <span class=\"n\">×\($0.count) · sentences "
          + "\(Self.list($0.sentences))</span></li>"
      }.joined()
      var flags: [String] = []
      if !term.isConsistent { flags.append("<span class=\"flag\">inconsistent</span>") }
      if !term.unrenderedSentences.isEmpty {
        flags.append(
          "<span class=\"flag\">no rendering in sentences \(Self.list(term.unrenderedSentences))</span>"
        )
      }
      if let known = term.knownEntry {
        flags.append("<span class=\"known\">known: \(XML.escape(known.id))</span>")
      }
      let example =
        term.example.map {
          "<div lang=\"\(sourceLanguage.rawValue)\">\(Self.highlighted($0.sourceText, $0.termRange))</div>"
            + "<div lang=\"\(targetLanguage.rawValue)\">"
            + "\(Self.highlighted($0.targetText, $0.renderingRange))</div>"
        } ?? ""
      page +=
        "<tr\(term.isConsistent ? "" : " class=\"inconsistent\"")><td>\(rank + 1)</td>"
        + "<td class=\"term\">\(XML.escape(term.text))</td><td>\(term.count)</td>"
        + "<td><ul>\(renderings)</ul>\(flags.joined(separator: " "))</td>"
        + "<td class=\"ex\">\(example)</td></tr>\n"
    }
    return page + "</tbody></table></main></body></html>\n"
  }

  /// `text` escaped, with the UTF-8 byte range `range` in a `<mark>`.
  static func highlighted(_ text: String, _ range: Range<Int>?) -> String {
    let bytes = Array(text.utf8)
    guard let range, range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else {
      return XML.escape(text)
    }
    func part(_ slice: Range<Int>) -> String {
      XML.escape(String(decoding: bytes[slice], as: UTF8.self))
    }
    return part(0..<range.lowerBound) + "<mark>" + part(range) + "</mark>"
      + part(range.upperBound..<bytes.count)
  }

  static let style = """
    :root{color-scheme:light dark;--line:#dcdce0;--muted:#6a6a70;--bad:#c0262d;--mark:#ffe08a}
    @media (prefers-color-scheme:dark){:root{--line:#34343a;--muted:#9d9da6;--bad:#ff6b70;\
    --mark:#6b5310}}
    body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
    main{padding:0 1rem 2rem}h1{font-size:1.3rem}.meta{color:var(--muted)}
    table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;
    padding:.3rem .6rem;border-bottom:1px solid var(--line)}thead th{position:sticky;top:0;
    background:Canvas}ul{margin:0;padding-left:1.1rem}.n{color:var(--muted);font-size:.85em}
    .term{font-weight:600}.flag{color:var(--bad);font-size:.85em}.known{color:var(--muted);
    font-size:.85em}.ex div{margin-bottom:.3rem}mark{background:var(--mark);color:inherit}
    tr.inconsistent .term{color:var(--bad)}
    @media print{thead th{position:static}}
    """
}

extension ReviewReport {
  /// A highlighted stretch of one sentence: UTF-8 byte offsets into the sentence's text.
  struct Span: Hashable, Sendable {
    var range: Range<Int>
    /// The opening tag; the closing tag and any suffix follow the text.
    var open: String
    var close: String
  }

  /// What the page parts need, worked out once: which bead each sentence and finding belongs to,
  /// the counts of the summary and the highlighted stretches of each sentence.
  struct Layout {
    /// Glossary entry ids in order of first appearance; the position names the CSS class.
    var entries: [String] = []
    /// The bead of each finding, by finding index; nil when it names no sentence of the alignment.
    var findingBead: [Int?] = []
    /// Finding indexes by bead.
    var beadFindings: [Int: [Int]] = [:]
    /// Finding indexes in bead order (those without a bead last).
    var findingOrder: [Int] = []
    /// The filter kinds each row matches, by bead.
    var rowKinds: [[Finding.Kind]] = []
    /// Rows per kind, kinds in `Finding.Kind.allCases` order, only kinds that occur.
    var rowCounts: [(Finding.Kind, Int)] = []
    /// Rows that match at least one kind.
    var markedRows = 0
    /// Findings per kind with the highest severity among them.
    var findingCounts: [(Finding.Kind, Finding.Severity, Int)] = []
    /// Beads per shape ("1-1", "2-1", …), most frequent first.
    var shapeCounts: [(String, Int)] = []
    var lowConfidenceBeads = 0
    /// Highlighted stretches by side and sentence index, sorted and not overlapping.
    var spans: [TermHighlight.Side: [Int: [Span]]] = [:]

    init(_ report: ReviewReport) {
      let alignment = report.alignment
      var sourceBead = [Int?](repeating: nil, count: alignment.source.count)
      var targetBead = [Int?](repeating: nil, count: alignment.target.count)
      var shapes: [String: Int] = [:]
      for (number, bead) in alignment.beads.enumerated() {
        for index in bead.source.clamped(to: sourceBead.indices) where sourceBead[index] == nil {
          sourceBead[index] = number
        }
        for index in bead.target.clamped(to: targetBead.indices) where targetBead[index] == nil {
          targetBead[index] = number
        }
        shapes[bead.kind, default: 0] += 1
        if bead.isLowConfidence { lowConfidenceBeads += 1 }
      }
      shapeCounts = shapes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
        ($0.key, $0.value)
      }

      // Findings: to the bead of their first sentence, else of the sentence holding their range.
      for finding in report.findings {
        var bead =
          Self.firstBead(of: finding.sourceSentences, in: sourceBead)
          ?? Self.firstBead(of: finding.targetSentences, in: targetBead)
        if bead == nil, let range = finding.sourceRange,
          let index = Self.sentence(containing: range, in: alignment.source)
        {
          bead = sourceBead[index]
        }
        if bead == nil, let range = finding.targetRange,
          let index = Self.sentence(containing: range, in: alignment.target)
        {
          bead = targetBead[index]
        }
        findingBead.append(bead)
      }
      for (number, bead) in findingBead.enumerated() {
        if let bead { beadFindings[bead, default: []].append(number) }
      }
      findingOrder = findingBead.indices.sorted {
        (findingBead[$0] ?? Int.max, $0) < (findingBead[$1] ?? Int.max, $1)
      }
      var severities: [Finding.Kind: (Finding.Severity, Int)] = [:]
      for finding in report.findings {
        let (severity, count) = severities[finding.kind] ?? (finding.severity, 0)
        severities[finding.kind] = (max(severity, finding.severity), count + 1)
      }
      findingCounts = Finding.Kind.allCases.compactMap { kind in
        severities[kind].map { (kind, $0.0, $0.1) }
      }

      // Filter kinds per row.
      var rows: [Finding.Kind: Int] = [:]
      for (number, bead) in alignment.beads.enumerated() {
        var kinds = Set(ReviewReport.beadKinds(bead))
        for finding in beadFindings[number, default: []] {
          kinds.insert(report.findings[finding].kind)
        }
        let ordered = Finding.Kind.allCases.filter(kinds.contains)
        rowKinds.append(ordered)
        for kind in ordered { rows[kind, default: 0] += 1 }
        if !ordered.isEmpty { markedRows += 1 }
      }
      rowCounts = Finding.Kind.allCases.compactMap { kind in rows[kind].map { (kind, $0) } }

      collectSpans(report)
    }

    /// The bead of the first of `sentences` that has one.
    private static func firstBead(of sentences: [Int], in beads: [Int?]) -> Int? {
      sentences.lazy.compactMap { beads.indices.contains($0) ? beads[$0] : nil }.first
    }

    // MARK: - Highlights

    private mutating func collectSpans(_ report: ReviewReport) {
      var entryNumbers: [String: Int] = [:]
      var candidates: [TermHighlight.Side: [Int: [(Span, priority: Int)]]] = [:]
      for highlight in report.highlights {
        let sentences =
          highlight.side == .source ? report.alignment.source : report.alignment.target
        guard let (index, range) = Self.locate(highlight.utf8Range, in: sentences) else { continue }
        let entry: Int
        if let known = entryNumbers[highlight.entryID] {
          entry = known
        } else {
          entry = entries.count
          entryNumbers[highlight.entryID] = entry
          entries.append(highlight.entryID)
        }
        var title = highlight.note ?? "glossary entry \(highlight.entryID)"
        var close = "</mark>"
        switch highlight.status {
        case .ok: break
        case .wrong:
          title += " (wrong rendering)"
          close += "<sup class=\"sx\">wrong</sup>"
        case .missing:
          title += " (rendering missing)"
          close += "<sup class=\"sx\">missing</sup>"
        }
        let open =
          "<mark class=\"t e\(entry) \(highlight.status.rawValue)\" title=\"\(XML.escape(title))\">"
        candidates[highlight.side, default: [:]][index, default: []].append(
          (Span(range: range, open: open, close: close), 0))
      }
      // Finding ranges not covered by a term: underlined.
      for finding in report.findings {
        let places: [(TermHighlight.Side, Range<Int>?)] = [
          (.source, finding.sourceRange), (.target, finding.targetRange),
        ]
        for case (let side, let range?) in places {
          let sentences = side == .source ? report.alignment.source : report.alignment.target
          guard let (index, local) = Self.locate(range, in: sentences), !local.isEmpty else {
            continue
          }
          // A whole-sentence range says nothing more than the row does.
          if local.count == sentences[index].text.utf8.count { continue }
          let open = "<mark class=\"x\" title=\"\(XML.escape(finding.message))\">"
          candidates[side, default: [:]][index, default: []].append(
            (Span(range: local, open: open, close: "</mark>"), 1))
        }
      }
      for (side, bySentence) in candidates {
        for (index, list) in bySentence {
          let ordered = list.sorted {
            ($0.priority, $0.0.range.lowerBound, -$0.0.range.count)
              < ($1.priority, $1.0.range.lowerBound, -$1.0.range.count)
          }
          var kept: [Span] = []
          for (span, _) in ordered
          where !kept.contains(where: { $0.range.overlaps(span.range) }) {
            kept.append(span)
          }
          spans[side, default: [:]][index] = kept.sorted {
            $0.range.lowerBound < $1.range.lowerBound
          }
        }
      }
    }

    /// The sentence holding the start (else the end) of a document range, and the range clipped
    /// to that sentence, in UTF-8 bytes from the sentence's start.
    static func locate(_ range: Range<Int>, in sentences: [Sentence]) -> (Int, Range<Int>)? {
      guard let index = sentence(containing: range, in: sentences) else { return nil }
      let sentence = sentences[index]
      let length = sentence.text.utf8.count
      let start = sentence.utf8Range.lowerBound
      let lower = min(max(range.lowerBound - start, 0), length)
      let upper = min(max(range.upperBound - start, lower), length)
      return (index, lower..<upper)
    }

    /// The index of the sentence whose range holds the first (else the last) byte of `range`.
    static func sentence(containing range: Range<Int>, in sentences: [Sentence]) -> Int? {
      for offset in [range.lowerBound, max(range.upperBound - 1, range.lowerBound)] {
        // The last sentence starting at or before `offset` (sentences are in document order).
        var low = 0
        var high = sentences.count
        while low < high {
          let middle = (low + high) / 2
          if sentences[middle].utf8Range.lowerBound <= offset {
            low = middle + 1
          } else {
            high = middle
          }
        }
        if low > 0, sentences[low - 1].utf8Range.contains(offset) { return low - 1 }
      }
      return nil
    }

    // MARK: - Text

    /// Whether the first sentence of `range` starts a paragraph.
    func startsParagraph(_ range: Range<Int>, in sentences: [Sentence]) -> Bool {
      guard let first = range.first, sentences.indices.contains(first) else { return false }
      return first == 0 || sentences[first - 1].paragraph != sentences[first].paragraph
    }

    /// The sentence's text, escaped, with its highlighted stretches wrapped in their tags.
    ///
    /// - Parameter codes: Labels for the sentence's inline-code placeholders, in order, each shown
    ///   as `<span class="ic">label</span>`; empty: placeholders stay as they are.
    func sentenceHTML(_ sentence: Sentence, spans: [Span], codes: [String] = []) -> String {
      var labels = codes.makeIterator()
      /// Escaped text, each placeholder replaced by the next code label.
      func escaped(_ text: String) -> String {
        guard !codes.isEmpty, text.contains(BilingualText.placeholder) else {
          return XML.escape(text)
        }
        var html = ""
        for piece in text.split(
          separator: BilingualText.placeholder, omittingEmptySubsequences: false
        ).enumerated() {
          if piece.offset > 0 {
            html +=
              labels.next().map { "<span class=\"ic\">\(XML.escape($0))</span>" } ?? "\u{FFFC}"
          }
          html += XML.escape(piece.element)
        }
        return html
      }
      guard !spans.isEmpty else { return escaped(sentence.text) }
      let bytes = Array(sentence.text.utf8)
      /// The offset moved back to the start of a Unicode scalar.
      func boundary(_ offset: Int) -> Int {
        var offset = min(max(offset, 0), bytes.count)
        while offset > 0 && offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        return offset
      }
      func text(_ range: Range<Int>) -> String {
        escaped(String(decoding: bytes[range], as: UTF8.self))
      }
      var html = ""
      var cursor = 0
      for span in spans {
        let lower = max(boundary(span.range.lowerBound), cursor)
        let upper = max(boundary(span.range.upperBound), lower)
        guard upper > lower else { continue }
        html += text(cursor..<lower) + span.open + text(lower..<upper) + span.close
        cursor = upper
      }
      return html + text(cursor..<bytes.count)
    }
  }
}

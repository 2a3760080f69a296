extension BatchResult {
  /// The line's output as one JSON object (no line end); keys in a fixed order.
  ///
  /// Success: `{"id", "beads", "findings", "stats"}`; failure: `{"id", "error"}`, with `"id": null`
  /// when the input line had no usable id.
  public var jsonLine: String {
    switch outcome {
    case .aligned(let pair):
      JSON.object([
        "id": pair.id.json,
        "beads": JSON.array(pair.alignment.beads.map { BatchJSON.bead($0, in: pair.alignment) }),
        "findings": JSON.array(pair.findings.map(BatchJSON.finding)),
        "stats": BatchJSON.stats(pair.stats),
      ])
    case .failed(let error):
      JSON.object(["id": error.id?.json ?? "null", "error": JSON.quote(error.message)])
    }
  }
}

/// JSON pieces of a batch output line.
enum BatchJSON {
  /// One bead: sentence indexes (0-based), kind, confidence and the text of each side.
  static func bead(_ bead: AlignmentBead, in alignment: Alignment) -> String {
    JSON.object([
      "source": JSON.array(bead.source),
      "target": JSON.array(bead.target),
      "kind": JSON.quote(bead.kind),
      "confidence": number(bead.confidence),
      "source_text": JSON.quote(SentenceFormatter.oneLine(alignment.sourceText(of: bead))),
      "target_text": JSON.quote(SentenceFormatter.oneLine(alignment.targetText(of: bead))),
    ])
  }

  /// One finding; ranges are UTF-8 byte offsets into the pair's source and target texts.
  static func finding(_ finding: Finding) -> String {
    func range(_ range: Range<Int>?) -> String {
      range.map { JSON.array([$0.lowerBound, $0.upperBound]) } ?? "null"
    }
    return JSON.object([
      "kind": JSON.quote(finding.kind.rawValue),
      "severity": JSON.quote(finding.severity.rawValue),
      "source_sentences": JSON.array(finding.sourceSentences),
      "target_sentences": JSON.array(finding.targetSentences),
      "source_range": range(finding.sourceRange),
      "target_range": range(finding.targetRange),
      "term": finding.term.map(JSON.quote) ?? "null",
      "expected": JSON.array(finding.expected.map(JSON.quote)),
      "found": JSON.array(finding.found.map(JSON.quote)),
      "message": JSON.quote(finding.message),
    ])
  }

  static func stats(_ stats: BatchStats) -> String {
    JSON.object([
      "source_sentences": String(stats.sourceSentences),
      "target_sentences": String(stats.targetSentences),
      "beads": String(stats.beads),
      "one_to_one": String(stats.oneToOne),
      "omissions": String(stats.omissions),
      "additions": String(stats.additions),
      "low_confidence": String(stats.lowConfidence),
      "findings": String(stats.findings),
    ])
  }

  /// A confidence with three decimals, so that output does not depend on float printing.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    let thousandths = Int((value * 1000).rounded())
    let sign = thousandths < 0 ? "-" : ""
    let magnitude = abs(thousandths)
    let fraction = String(magnitude % 1000)
    return
      "\(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
  }
}

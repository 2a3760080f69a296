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
        "findings": BatchJSON.findings(pair.findings, source: pair.source, target: pair.target),
        "stats": BatchJSON.stats(pair.stats),
      ])
    case .failed(let error):
      JSON.object(["id": error.id?.json ?? "null", "error": JSON.quote(error.message)])
    }
  }
}

/// JSON pieces of a batch output line.
enum BatchJSON {
  /// One bead, with the fields of `bitext align --format jsonl`: `{"source", "target",
  /// "source_text", "target_text", "score", "kind", "low_confidence"}` (sentence indexes from 0).
  static func bead(_ bead: AlignmentBead, in alignment: Alignment) -> String {
    JSON.object([
      "source": JSON.array(bead.source.map { alignment.source[$0].index }),
      "target": JSON.array(bead.target.map { alignment.target[$0].index }),
      "source_text": JSON.quote(text(of: bead.source, in: alignment.source)),
      "target_text": JSON.quote(text(of: bead.target, in: alignment.target)),
      "score": number(min(1, max(0, bead.confidence))),
      "kind": JSON.quote(bead.kind),
      "low_confidence": bead.isLowConfidence ? "true" : "false",
    ])
  }

  /// The sentences of `range` on one line, joined by a space.
  private static func text(of range: Range<Int>, in sentences: [Sentence]) -> String {
    range.map { SentenceFormatter.oneLine(sentences[$0].text) }.joined(separator: " ")
  }

  /// The findings as a one-line JSON array of `FindingFormatter`'s objects (as `bitext check
  /// --format json` prints them: ranges are UTF-8 byte offsets, `location` is `file:line:column`).
  static func findings(_ findings: [Finding], source: Document, target: Document) -> String {
    let formatter = FindingFormatter(source: source, target: target)
    return JSON.array(
      findings.map { finding in
        // The formatter's array of one object, "[\n  {…}\n]\n", without its frame.
        let array = formatter.json([finding])
        guard array.hasPrefix("[\n  "), array.hasSuffix("\n]\n") else {
          return String(array.filter { $0 != "\n" })
        }
        return String(array.dropFirst(4).dropLast(3))
      })
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

  /// A number in [0, 1] with three decimals, so that output does not depend on float printing.
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

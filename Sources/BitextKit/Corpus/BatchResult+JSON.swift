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
        "beads": BatchJSON.beads(pair),
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
  /// The beads as a one-line JSON array of the objects `bitext align --format jsonl` prints
  /// (`AlignmentFormatter`): `{"source", "target", "source_text", "target_text", "score", "kind",
  /// "low_confidence"}`, sentence indexes from 0.
  static func beads(_ pair: BatchPair) -> String {
    let formatter = AlignmentFormatter(
      sourceLanguage: pair.sourceLanguage, targetLanguage: pair.targetLanguage)
    let lines = formatter.render(pair.alignment, as: .jsonl).split(separator: "\n")
    return JSON.array(lines.map(String.init))
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
}

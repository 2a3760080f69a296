/// Renders the renderings report of `bitext terms` as text or JSON.
///
/// Text: per term a header line (`Truppe: inconsistent, 2 renderings in 5 occurrences`), one line
/// per rendering with its source sentences, and one line per occurrence
/// (`  [10] Truppen → forces`). JSON: an array of
/// `{"term", "entry", "consistent", "renderings": [{"rendering", "sentences"}],
/// "occurrences": [{"source_sentences", "target_sentences", "source_range", "text", "kind",
/// "renderings": [{"rendering", "text", "target_range", "origin", "status"}]}]}`, ranges as
/// `[start, end]` UTF-8 byte offsets.
public enum TermReportFormatter {
  public static func render(_ report: TermReport, as format: FindingFormat) -> String {
    switch format {
    case .text: text(report)
    case .json: json(report)
    }
  }

  static func text(_ report: TermReport) -> String {
    var output = ""
    for term in report.terms {
      let state =
        term.renderings.isEmpty
        ? "no rendering found" : term.isConsistent ? "consistent" : "inconsistent"
      let count = term.occurrences.count
      output +=
        "\(term.term): \(state), \(term.renderings.count) rendering"
        + "\(term.renderings.count == 1 ? "" : "s") in \(count) "
        + "occurrence\(count == 1 ? "" : "s")\n"
      for rendering in term.renderings {
        output += "  \(rendering.name)\t\(sentencesText(rendering.sentences))\n"
      }
      for occurrence in term.occurrences {
        let sentences = occurrence.sourceSentences.map(String.init).joined(separator: ",")
        let renderings = unique(
          occurrence.renderings.map { rendering in
            rendering.origin == .glossary
              ? rendering.text : "\(rendering.text) (\(rendering.origin.rawValue))"
          })
        let rendered = renderings.isEmpty ? "—" : renderings.joined(separator: "; ")
        output +=
          "  [\(sentences)] \(SentenceFormatter.oneLine(occurrence.sourceText)) → \(rendered)\n"
      }
    }
    return output
  }

  static func json(_ report: TermReport) -> String {
    func range(_ range: Range<Int>) -> String { JSON.array([range.lowerBound, range.upperBound]) }
    let terms = report.terms.map { term in
      let renderings = term.renderings.map {
        JSON.object(["rendering": JSON.quote($0.name), "sentences": JSON.array($0.sentences)])
      }
      let occurrences = term.occurrences.map { occurrence in
        let found = occurrence.renderings.map { rendering in
          JSON.object([
            "rendering": JSON.quote(rendering.name),
            "text": JSON.quote(rendering.text),
            "target_range": range(rendering.targetRange),
            "origin": JSON.quote(rendering.origin.rawValue),
            "status": rendering.status.map { JSON.quote($0.rawValue) } ?? "null",
          ])
        }
        return JSON.object([
          "source_sentences": JSON.array(occurrence.sourceSentences),
          "target_sentences": JSON.array(occurrence.targetSentences),
          "source_range": range(occurrence.sourceRange),
          "text": JSON.quote(occurrence.sourceText),
          "kind": JSON.quote(occurrence.kind.rawValue),
          "renderings": JSON.array(found),
        ])
      }
      return JSON.object([
        "term": JSON.quote(term.term),
        "entry": term.entryID.map(JSON.quote) ?? "null",
        "consistent": term.isConsistent ? "true" : "false",
        "renderings": JSON.array(renderings),
        "occurrences": JSON.array(occurrences),
      ])
    }
    return terms.isEmpty ? "[]\n" : "[\n  " + terms.joined(separator: ",\n  ") + "\n]\n"
  }
}

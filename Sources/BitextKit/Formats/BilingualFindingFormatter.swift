/// Renders the findings of a bilingual file (`BilingualCheck`) as `bitext check` prints them.
///
/// Text: one compiler-style line a finding, located at the unit's target in the file (where its
/// text starts), the unit named at the end:
///
///     trados.sdlxliff:27:35: error: number-mismatch: number "250" is not in the translation,
///     found "205" [unit a2 segment 4]
///
/// JSON: an array of objects `{"kind", "severity", "unit", "segment", "unit_index", "state",
/// "term", "expected", "found", "message", "location", "source", "target"}`, `source` and `target`
/// being the unit's texts with inline codes as `{1}`, `{/1}`, `{2/}`.
public struct BilingualFindingFormatter: Sendable {
  public var check: BilingualCheck

  public init(_ check: BilingualCheck) {
    self.check = check
  }

  public func render(as format: FindingFormat) -> String {
    switch format {
    case .text: check.findings.map { line($0) + "\n" }.joined()
    case .json: json()
    }
  }

  /// One line, without a line end.
  public func line(_ finding: Finding) -> String {
    let unit = check.unit(of: finding).map { check.file.units[$0].name } ?? "file"
    return "\(check.location(of: finding)): \(finding.severity.rawValue): "
      + "\(finding.kind.rawValue): \(SentenceFormatter.oneLine(finding.message)) [\(unit)]"
  }

  private func json() -> String {
    let objects = check.findings.map { finding in
      let index = check.unit(of: finding)
      let unit = index.map { check.file.units[$0] }
      return JSON.object([
        "kind": JSON.quote(finding.kind.rawValue),
        "severity": JSON.quote(finding.severity.rawValue),
        "unit": unit.map { JSON.quote($0.id) } ?? "null",
        "segment": unit?.segment.map(JSON.quote) ?? "null",
        "unit_index": index.map(String.init) ?? "null",
        "state": unit?.state.map(JSON.quote) ?? "null",
        "term": finding.term.map(JSON.quote) ?? "null",
        "expected": JSON.array(finding.expected.map(JSON.quote)),
        "found": JSON.array(finding.found.map(JSON.quote)),
        "message": JSON.quote(finding.message),
        "location": JSON.quote(check.location(of: finding).description),
        "source": unit.map { JSON.quote($0.source.displayText) } ?? "null",
        "target": unit?.target.map { JSON.quote($0.displayText) } ?? "null",
      ])
    }
    return objects.isEmpty ? "[]\n" : "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
  }

  /// The review page of a bilingual check: one row per unit, labelled with its id, segment and
  /// state, inline codes shown by their labels (`{1}`).
  ///
  /// - Parameter highlights: Glossary terms to colour (`ReviewReport.TermHighlight`).
  public static func reviewReport(
    _ check: BilingualCheck, highlights: [ReviewReport.TermHighlight] = []
  ) -> ReviewReport {
    var report = ReviewReport(
      alignment: check.alignment, findings: check.findings, highlights: highlights,
      source: .init(name: check.file.name, language: check.file.sourceLanguage),
      target: .init(name: check.file.name, language: check.file.targetLanguage),
      rowLabels: rowLabels(check.file))
    report.inlineCodeLabels = [
      .source: check.file.units.map { $0.source.codes.map(\.label) },
      .target: check.file.units.map { $0.target?.codes.map(\.label) ?? [] },
    ]
    return report
  }

  /// The review page's row headers: the unit's name and, when the file says it, its state.
  public static func rowLabels(_ file: BilingualDocument) -> [String] {
    file.units.map { unit in
      let name = unit.segment.map { "\(unit.id) · \($0)" } ?? unit.id
      var details: [String] = []
      if let state = unit.state { details.append(state) }
      if unit.isApproved { details.append("approved") }
      if !unit.isTranslatable { details.append("not to translate") }
      return details.isEmpty ? name : "\(name) (\(details.joined(separator: ", ")))"
    }
  }
}

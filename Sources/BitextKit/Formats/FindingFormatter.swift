/// How `bitext check` prints findings.
public enum FindingFormat: String, CaseIterable, Sendable {
  /// Compiler-style lines editors and CI understand:
  /// `file:line:column: severity: kind: message [sentence N]`.
  case text
  /// A JSON array of finding objects (see `FindingFormatter.json(_:)`).
  case json
}

/// Renders findings with locations in the two documents they refer to.
///
/// A finding is located in the target file when it has a target range (that is where the fix
/// goes), otherwise in the source file; line and column come from a `LineIndex` of each document,
/// built once per rendering (1-based, columns in Unicode scalars). Sentence numbers count from 0, as `bitext segment` and
/// `bitext align` number them.
///
///     ukraine-nato.en.txt:9:77: warning: term-missing: "Unvermeidbarkeit" should be
///     "inevitability", found "unavoidability" [sentence 4]
public struct FindingFormatter: Sendable {
  public var source: Document
  public var target: Document

  public init(source: Document, target: Document) {
    self.source = source
    self.target = target
  }

  public func render(_ findings: [Finding], as format: FindingFormat) -> String {
    switch format {
    case .text:
      let locator = Locator(self)
      return findings.map { line($0, at: locator.location(of: $0)) + "\n" }.joined()
    case .json: return json(findings)
    }
  }

  /// The place of a finding: its target range's start, else its source range's start.
  ///
  /// - Complexity: O(*n*) in the length of the document; `render` locates many findings at once.
  public func location(of finding: Finding) -> SourceLocation {
    if let range = finding.targetRange { return target.location(ofByte: range.lowerBound) }
    if let range = finding.sourceRange { return source.location(ofByte: range.lowerBound) }
    return SourceLocation(file: target.name, line: 1, column: 1)
  }

  /// Locates findings with a line index of each document.
  private struct Locator {
    let source: LineIndex
    let target: LineIndex

    init(_ formatter: FindingFormatter) {
      source = LineIndex(formatter.source)
      target = LineIndex(formatter.target)
    }

    func location(of finding: Finding) -> SourceLocation {
      if let range = finding.targetRange { return target.location(ofByte: range.lowerBound) }
      if let range = finding.sourceRange { return source.location(ofByte: range.lowerBound) }
      return SourceLocation(file: target.document.name, line: 1, column: 1)
    }
  }

  /// One compiler-style line, without a line end.
  public func line(_ finding: Finding) -> String {
    line(finding, at: location(of: finding))
  }

  private func line(_ finding: Finding, at location: SourceLocation) -> String {
    let sentences: String
    if finding.sourceSentences.isEmpty {
      sentences = "target " + sentencesText(finding.targetSentences)
    } else {
      sentences = sentencesText(finding.sourceSentences)
    }
    let message = SentenceFormatter.oneLine(finding.message)
    return "\(location): \(finding.severity.rawValue): \(finding.kind.rawValue): "
      + "\(message) [\(sentences)]"
  }

  /// A JSON array, one object a line:
  /// `{"kind", "severity", "source_sentence", "target_sentences", "source_range", "target_range",
  /// "term", "expected", "found", "message", "source_sentences", "location"}`.
  ///
  /// `source_sentence` is the first source sentence (null for an added target sentence),
  /// `source_sentences` all of them; ranges are `[start, end]` UTF-8 byte offsets or null;
  /// `location` is `file:line:column` as in the text format.
  public func json(_ findings: [Finding]) -> String {
    func range(_ range: Range<Int>?) -> String {
      range.map { JSON.array([$0.lowerBound, $0.upperBound]) } ?? "null"
    }
    let locator = Locator(self)
    let objects = findings.map { finding in
      JSON.object([
        "kind": JSON.quote(finding.kind.rawValue),
        "severity": JSON.quote(finding.severity.rawValue),
        "source_sentence": finding.sourceSentences.first.map(String.init) ?? "null",
        "target_sentences": JSON.array(finding.targetSentences),
        "source_range": range(finding.sourceRange),
        "target_range": range(finding.targetRange),
        "term": finding.term.map(JSON.quote) ?? "null",
        "expected": JSON.array(finding.expected.map(JSON.quote)),
        "found": JSON.array(finding.found.map(JSON.quote)),
        "message": JSON.quote(finding.message),
        "source_sentences": JSON.array(finding.sourceSentences),
        "location": JSON.quote(locator.location(of: finding).description),
      ])
    }
    return objects.isEmpty ? "[]\n" : "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n"
  }
}

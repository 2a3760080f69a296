/// The findings of `BilingualChecker` on a bilingual file, with what is needed to show them: the
/// file's units as texts and an alignment (`BilingualDocument.pairedText()`).
///
/// In every finding, sentence indexes are unit indexes (`file.units`), and ranges are UTF-8 byte
/// offsets into `source` and `target`; `unit(of:)` and `location(of:)` turn them into the unit
/// and the place of its target in the file.
public struct BilingualCheck: Hashable, Sendable {
  public var file: BilingualDocument
  /// The units' source texts, one a line.
  public var source: Document
  /// The units' target texts, one a line.
  public var target: Document
  /// Bead *i* pairs the sentences of unit *i*.
  public var alignment: Alignment
  /// Ordered by unit, then by kind (`Finding.Kind.allCases` order).
  public var findings: [Finding]

  public init(
    file: BilingualDocument, source: Document, target: Document, alignment: Alignment,
    findings: [Finding]
  ) {
    self.file = file
    self.source = source
    self.target = target
    self.alignment = alignment
    self.findings = findings
  }

  /// The index of the unit a finding is about (its first target, else source, sentence).
  public func unit(of finding: Finding) -> Int? {
    (finding.targetSentences.first ?? finding.sourceSentences.first)
      .flatMap { file.units.indices.contains($0) ? $0 : nil }
  }

  /// Where the finding points in the file: its unit's target (where the target's text starts),
  /// else its source.
  public func location(of finding: Finding) -> SourceLocation {
    unit(of: finding).map { file.units[$0].location }
      ?? SourceLocation(file: file.name, line: 1, column: 1)
  }
}

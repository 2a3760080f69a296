/// One segment pair of a bilingual file: an XLIFF `<trans-unit>` (or one of its `<mrk mtype="seg">`
/// segments), an XLIFF 2 `<segment>`, a TMX `<tu>` or a row of a bilingual table.
///
/// Already segmented and paired by the tool that wrote the file: bitext neither segments nor aligns
/// it again.
public struct BilingualUnit: Hashable, Sendable {
  /// The unit's `id` (XLIFF), `tuid` (TMX) or, when the file has none, its 1-based number.
  public var id: String
  /// The segment's `mid` (XLIFF 1.2 `seg-source`) or `id` (XLIFF 2 `<segment>`); nil for a unit
  /// that is one segment.
  public var segment: String?
  public var source: BilingualText
  /// Nil when the file has no target for the unit.
  public var target: BilingualText?
  /// The translation state as the file says it (`state`; SDLXLIFF's `conf`, memoQ's `mq:status`
  /// when the target has no `state`): "translated", "needs-review-translation", "final"…; nil
  /// when it says none.
  public var state: String?
  /// XLIFF 1.2 `approved="yes"`, an SDLXLIFF `conf` of "ApprovedTranslation" or
  /// "ApprovedSignOff", an XLIFF 2 `state` of "reviewed" or "final".
  public var isApproved: Bool
  /// False for `translate="no"` (on the unit or an enclosing group or file): not checked.
  public var isTranslatable: Bool
  /// Where the source starts in the file (after its start tag in XML; its cell in a table).
  public var sourceLocation: SourceLocation
  /// Where the target starts in the file; nil when there is no target.
  public var targetLocation: SourceLocation?

  public init(
    id: String, segment: String? = nil, source: BilingualText, target: BilingualText?,
    state: String? = nil, isApproved: Bool = false, isTranslatable: Bool = true,
    sourceLocation: SourceLocation, targetLocation: SourceLocation? = nil
  ) {
    self.id = id
    self.segment = segment
    self.source = source
    self.target = target
    self.state = state
    self.isApproved = isApproved
    self.isTranslatable = isTranslatable
    self.sourceLocation = sourceLocation
    self.targetLocation = targetLocation
  }

  /// The unit as findings name it: `unit 12` or `unit 12 segment 3`.
  public var name: String {
    segment.map { "unit \(id) segment \($0)" } ?? "unit \(id)"
  }

  /// Where a finding about the unit points: its target, else its source.
  public var location: SourceLocation { targetLocation ?? sourceLocation }
}

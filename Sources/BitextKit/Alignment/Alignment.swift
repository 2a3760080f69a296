/// A sentence alignment of two documents: their sentences and the beads that link them.
public struct Alignment: Hashable, Sendable {
  public var source: [Sentence]
  public var target: [Sentence]
  /// Beads in document order; together they cover every sentence of both sides exactly once.
  public var beads: [AlignmentBead]

  public init(source: [Sentence], target: [Sentence], beads: [AlignmentBead]) {
    self.source = source
    self.target = target
    self.beads = beads
  }

  /// The source text of a bead (sentences joined by a space).
  public func sourceText(of bead: AlignmentBead) -> String {
    bead.source.map { source[$0].text }.joined(separator: " ")
  }

  /// The target text of a bead (sentences joined by a space).
  public func targetText(of bead: AlignmentBead) -> String {
    bead.target.map { target[$0].text }.joined(separator: " ")
  }
}

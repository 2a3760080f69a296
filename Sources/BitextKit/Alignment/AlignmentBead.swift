/// One link of a sentence alignment: source sentences that translate target sentences.
///
/// An empty side makes an omission (`1-0`: source without counterpart) or an addition (`0-1`).
public struct AlignmentBead: Hashable, Sendable {
  /// Source sentence indexes (contiguous, 0-based); empty for an addition.
  public var source: Range<Int>
  /// Target sentence indexes (contiguous, 0-based); empty for an omission.
  public var target: Range<Int>
  /// How sure the aligner is of this bead, in [0, 1].
  public var confidence: Double

  public init(source: Range<Int>, target: Range<Int>, confidence: Double) {
    self.source = source
    self.target = target
    self.confidence = confidence
  }

  /// The bead's shape, e.g. "2-1" or "0-1".
  public var kind: String { "\(source.count)-\(target.count)" }

  /// Confidence below which a bead is flagged for review.
  public static let lowConfidence = 0.5

  public var isLowConfidence: Bool { confidence < Self.lowConfidence }
}

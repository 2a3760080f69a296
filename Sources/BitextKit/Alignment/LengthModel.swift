import Foundation

/// A Gale–Church character-length model whose parameters come from the two documents.
///
/// The target length of a bead is modelled as normal with mean `ratio` × source length and
/// variance `variance` × the bead's mean length (source length and target length / `ratio`
/// averaged, so the model is symmetric). `ratio` is the documents' total length ratio; `variance`
/// starts from Gale and Church's 6.8 (scaled by the ratio) and is re-estimated from a first
/// alignment (`reestimated(from:)`).
///
///     let model = LengthModel.estimate(sourceLengths: [100, 50], targetLengths: [120, 60])
///     // model.ratio == 1.2
public struct LengthModel: Hashable, Sendable {
  /// Target characters per source character.
  public var ratio: Double
  /// Variance of the target length per character of the bead.
  public var variance: Double

  public init(ratio: Double, variance: Double) {
    self.ratio = ratio
    self.variance = variance
  }

  /// The model of two documents given their sentence lengths (characters).
  public static func estimate(sourceLengths: [Double], targetLengths: [Double]) -> LengthModel {
    let source = sourceLengths.reduce(0, +)
    let target = targetLengths.reduce(0, +)
    let ratio = source > 0 && target > 0 ? target / source : 1
    return LengthModel(ratio: ratio, variance: 6.8 * ratio)
  }

  /// The model of two sentence lists (lengths in non-space characters).
  public static func estimate(source: [Sentence], target: [Sentence]) -> LengthModel {
    func lengths(_ sentences: [Sentence]) -> [Double] {
      sentences.map { Double($0.text.unicodeScalars.count { !$0.properties.isWhitespace }) }
    }
    return estimate(sourceLengths: lengths(source), targetLengths: lengths(target))
  }

  /// The model with its variance re-estimated from aligned (source, target) lengths.
  ///
  /// Robust: the median of the squared standardised differences, divided by the median of a
  /// χ²₁ variable (0.455), so a few wrong beads do not inflate it. Needs 10 pairs, else unchanged.
  /// Never below `ratio` (about a seventh of Gale and Church's 6.8): a dozen closely translated
  /// sentences can give an estimate so small that one freely translated sentence would cost more
  /// as a 1-1 bead than leaving both sentences unaligned.
  public func reestimated(from pairs: [(source: Double, target: Double)]) -> LengthModel {
    var squares: [Double] = []
    for (source, target) in pairs where source > 0 && target > 0 {
      let mean = (source + target / ratio) / 2
      let difference = target - ratio * source
      squares.append(difference * difference / mean)
    }
    guard squares.count >= 10 else { return self }
    squares.sort()
    let median = squares[squares.count / 2]
    return LengthModel(ratio: ratio, variance: max(median / 0.455, ratio))
  }

  /// −log of the two-sided probability of a length difference at least this large.
  ///
  /// - Returns: 0 for lengths in exact proportion, growing about as δ²/2 (capped at 30).
  public func cost(source: Double, target: Double) -> Double {
    let mean = max((source + target / ratio) / 2, 1)
    let delta = abs(target - ratio * source) / (variance * mean).squareRoot()
    let tail = erfc(delta / 2.0.squareRoot())
    return tail > 1e-13 ? min(-log(tail), 30) : 30
  }
}

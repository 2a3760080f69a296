/// The cost of a bead: the one score the aligner minimises over a whole alignment.
///
/// For a bead of `a` source and `b` target sentences (both ≥ 1):
///
///     cost = shape(a, b) + lengthWeight · L + paragraphCost · crossings
///          + similarityWeight · (1 − sim) · (a + b) / 2
///
/// - `shape(a, b)`: a penalty for the bead's shape (0 for 1-1);
/// - `L`: the Gale–Church length cost (`LengthModel.cost`, −log of a two-sided tail probability);
/// - `crossings`: paragraph breaks inside the bead, on either side;
/// - `sim`: the calibrated (`SimilarityCalibration`: 0 unrelated, 1 typical translation) weighted
///   Dice overlap of the two sides' features (anchors, dictionary and
///   learned translations; `AnchorEvidence`, `LexicalEvidence`): 2 Σ w·min(count) / (mass_s +
///   mass_t) ∈ [0, 1], with idf weights `w` and masses that count only features found in both
///   documents.
///   Charged per sentence, so merging adds no cost of its own beyond `shape`.
///
/// With sentence vectors (`SentenceVectors`: meaning as evidence), one more term:
///
///     + meaningWeight · (1 − meaning) · (a + b) / 2
///
/// - `meaning`: the cosine of the two sides' vectors (each side's run embedded as one text, or
///   the normalised sum of its sentences'), calibrated the same way as `sim`.
///
/// An omitted or added sentence (1-0, 0-1) costs `skipCost`. A 1-1 bead therefore beats skipping
/// both sentences when `similarityWeight · (1 − sim) + lengthWeight · L < 2 · skipCost`.
public struct BeadScorer: Sendable {
  /// The weights of the score (defaults tuned on the Text+Berg dev split).
  public struct Parameters: Hashable, Sendable {
    public var similarityWeight: Double
    public var lengthWeight: Double
    /// Cost of leaving one sentence unaligned.
    public var skipCost: Double
    public var paragraphCrossingCost: Double
    /// Penalty per sentence a bead adds to 1-1: 2-1 pays it once, 1-3 and 2-2 twice.
    public var mergePenalty: Double
    /// Extra penalty of beads with two or more sentences on both sides (2-2, 2-3, 3-2).
    public var manyToManyPenalty: Double
    /// Temperature of the path distribution behind confidences (`Aligner`).
    public var temperature: Double
    /// Weight of the vectors' similarity (used only when the aligner has sentence vectors).
    public var meaningWeight: Double

    public init(
      similarityWeight: Double = 4, lengthWeight: Double = 0.5, skipCost: Double = 4.5,
      paragraphCrossingCost: Double = 3, mergePenalty: Double = 2, manyToManyPenalty: Double = 1,
      temperature: Double = 1, meaningWeight: Double = 0
    ) {
      self.meaningWeight = meaningWeight
      self.similarityWeight = similarityWeight
      self.lengthWeight = lengthWeight
      self.skipCost = skipCost
      self.paragraphCrossingCost = paragraphCrossingCost
      self.mergePenalty = mergePenalty
      self.manyToManyPenalty = manyToManyPenalty
      self.temperature = temperature
    }
  }

  public var parameters: Parameters
  public var lengthModel: LengthModel
  /// Maps raw similarity to the documents' own scale (`SimilarityCalibration`).
  var calibration = SimilarityCalibration.identity
  /// Maps the vectors' cosine to the documents' own scale.
  var meaningCalibration = SimilarityCalibration.identity

  public init(parameters: Parameters = Parameters(), lengthModel: LengthModel) {
    self.parameters = parameters
    self.lengthModel = lengthModel
  }

  /// Shapes with both sides non-empty, in the order of the search's cost table.
  static let shapes: [(source: Int, target: Int)] = [
    (1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3), (4, 1), (1, 4), (3, 2), (2, 3),
  ]

  /// `mergePenalty` · (a + b − 2), plus `manyToManyPenalty` when both sides have two or more.
  func shapePenalty(_ shape: Int) -> Double {
    let (a, b) = Self.shapes[shape]
    return parameters.mergePenalty * Double(a + b - 2)
      + (a >= 2 && b >= 2 ? parameters.manyToManyPenalty : 0)
  }

  /// The similarity of two spans' features, in [0, 1].
  static func similarity(
    _ source: UnsafeBufferPointer<FeatureEntry>, sourceMass: Double,
    _ target: UnsafeBufferPointer<FeatureEntry>, targetMass: Double
  ) -> Double {
    let total = sourceMass + targetMass
    guard total > 0 else { return 0 }
    var i = 0
    var j = 0
    var shared: Float = 0
    while i < source.count && j < target.count {
      let a = source[i].id
      let b = target[j].id
      if a < b {
        i += 1
      } else if b < a {
        j += 1
      } else {
        shared += source[i].weight * min(source[i].count, target[j].count)
        i += 1
        j += 1
      }
    }
    return min(2 * Double(shared) / total, 1)
  }

  /// The cost of the bead made of source span `sourceSlot` and target span `targetSlot`.
  func cost(
    shape: Int, source: Spans, sourceSlot: Int, sourceEntries: UnsafeBufferPointer<FeatureEntry>,
    target: Spans, targetSlot: Int, targetEntries: UnsafeBufferPointer<FeatureEntry>
  ) -> Double {
    let sourceRange = source.ranges[sourceSlot]
    let targetRange = target.ranges[targetSlot]
    let raw = Self.similarity(
      UnsafeBufferPointer(rebasing: sourceEntries[sourceRange]),
      sourceMass: source.masses[sourceSlot],
      UnsafeBufferPointer(rebasing: targetEntries[targetRange]),
      targetMass: target.masses[targetSlot])
    let sim = calibration.normalize(raw)
    let sentences = Double(source.sentenceCounts[sourceSlot] + target.sentenceCounts[targetSlot])
    let length = lengthModel.cost(
      source: source.lengths[sourceSlot], target: target.lengths[targetSlot])
    let crossings = Double(source.crossings[sourceSlot] + target.crossings[targetSlot])
    let cost =
      shapePenalty(shape) + parameters.lengthWeight * length
      + parameters.paragraphCrossingCost * crossings
      + parameters.similarityWeight * (1 - sim) * sentences / 2
    guard source.dimension > 0 else { return cost }
    let cosine = SentenceVectors.dot(
      row: sourceSlot, of: source.vectors, row: targetSlot, of: target.vectors,
      dimension: source.dimension)
    // At most 1: a span more similar than a typical translation earns no more, or larger beads,
    // whose summed vectors are smoother, would win over the 1-1 beads they are made of.
    let meaning = min(meaningCalibration.normalize(Double(cosine)), 1)
    return cost + parameters.meaningWeight * (1 - meaning) * sentences / 2
  }

  /// The cost of leaving a unit of `sentences` sentences unaligned.
  func skip(sentences: Int) -> Double { parameters.skipCost * Double(sentences) }
}

extension BeadScorer.Parameters {
  /// The weights used with sentence vectors (tuned on the Text+Berg dev split; see the README).
  public static let meaning = BeadScorer.Parameters(meaningWeight: 4)
}

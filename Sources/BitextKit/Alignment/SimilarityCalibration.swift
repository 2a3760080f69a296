/// Puts feature similarity on a scale set by the documents themselves: 0 for an unrelated pair,
/// 1 for a typical translation.
///
/// Raw similarity depends on the language pair and the evidence available (a dictionary, cognates,
/// a learned lexicon). For sampled source units, the similarity to the expected counterpart (the
/// best unit near the guiding path, or near the diagonal without one) and to units a few positions
/// away is measured; `floor` is the mean of the latter, `scale` the difference of the two means.
struct SimilarityCalibration: Hashable, Sendable {
  var floor: Double
  var scale: Double

  static let identity = SimilarityCalibration(floor: 0, scale: 1)

  /// The calibrated similarity, clamped to [-0.5, 2].
  func normalize(_ similarity: Double) -> Double {
    min(max((similarity - floor) / scale, -0.5), 2)
  }

  /// The calibration of the feature similarity of two sides, sampling at most `samples` source
  /// units.
  ///
  /// - Parameter guide: a path (lattice points) of a previous alignment at this resolution.
  static func estimate(
    source: AlignmentUnits, target: AlignmentUnits, guide: [(i: Int, j: Int)]?, samples: Int = 2000
  ) -> SimilarityCalibration {
    source.entries.withUnsafeBufferPointer { sourceEntries in
      target.entries.withUnsafeBufferPointer { targetEntries in
        estimate(n: source.count, m: target.count, guide: guide, samples: samples) { i, j in
          BeadScorer.similarity(
            UnsafeBufferPointer(rebasing: sourceEntries[source.offsets[i]..<source.offsets[i + 1]]),
            sourceMass: source.masses[i],
            UnsafeBufferPointer(rebasing: targetEntries[target.offsets[j]..<target.offsets[j + 1]]),
            targetMass: target.masses[j])
        }
      }
    }
  }

  /// The calibration of the cosine of two sides' unit vectors (`AlignmentUnits.unitVectors`).
  static func estimateMeaning(
    source: AlignmentUnits, target: AlignmentUnits, guide: [(i: Int, j: Int)]?, samples: Int = 2000
  ) -> SimilarityCalibration {
    let d = source.dimension
    guard d > 0, target.dimension == d else { return .identity }
    return estimate(n: source.count, m: target.count, guide: guide, samples: samples) { i, j in
      Double(
        SentenceVectors.dot(
          row: i, of: source.unitVectors, row: j, of: target.unitVectors, dimension: d))
    }
  }

  /// The calibration of `similarity(i, j)` of source unit `i` and target unit `j`.
  private static func estimate(
    n: Int, m: Int, guide: [(i: Int, j: Int)]?, samples: Int,
    similarity: (Int, Int) -> Double
  ) -> SimilarityCalibration {
    guard n > 0, m > 1 else { return .identity }
    // Expected counterpart of each source unit.
    var expected = [Int](repeating: -1, count: n)
    if let guide {
      for (step, point) in guide.enumerated().dropLast() {
        let next = guide[step + 1]
        for i in point.i..<min(next.i, n) {
          let j = point.j + (next.j - point.j) * (i - point.i) / (next.i - point.i)
          expected[i] = min(j, m - 1)
        }
      }
    }
    let radius = guide == nil ? min(max(10, abs(n - m) / 2 + 10), 40) : 0
    let stride = max(1, n / samples)
    var matchSum = 0.0
    var randomSum = 0.0
    var matchCount = 0
    var randomCount = 0
    for i in Swift.stride(from: 0, to: n, by: stride) {
      var center = expected[i]
      if guide == nil {
        let diagonal = i * m / n
        var best = -1.0
        for j in max(0, diagonal - radius)..<min(m, diagonal + radius + 1) {
          let value = similarity(i, j)
          if value > best {
            best = value
            center = j
          }
        }
      }
      guard center >= 0 else { continue }
      matchSum += similarity(i, center)
      matchCount += 1
      for offset in [-7, -4, 4, 7] where center + offset >= 0 && center + offset < m {
        randomSum += similarity(i, center + offset)
        randomCount += 1
      }
    }
    guard matchCount > 0, randomCount > 0 else { return .identity }
    let match = matchSum / Double(matchCount)
    let random = randomSum / Double(randomCount)
    guard match - random > 0.01 else { return .identity }
    return SimilarityCalibration(floor: random, scale: match - random)
  }
}

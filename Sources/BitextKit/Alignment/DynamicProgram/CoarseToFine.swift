/// Linear-time search: align coarse versions of the documents, then search a band around the
/// projected coarse path.
///
/// When the lattice has at most `fullSearchCells` cells the search is exhaustive. Otherwise both
/// sides are halved (pairs of neighbouring units merged, `AlignmentUnits.halved()`), the halves
/// aligned recursively, and the coarse path, scaled back by 2, widened by `radius` units in each
/// direction to a band. Each level costs O((n + m) · radius); the levels' sizes halve, so the total
/// stays linear in document length (like Vecalign's recursive approximation).
enum CoarseToFine {
  struct Result {
    var search: BandedSearch
    var steps: [BandedSearch.Step]
  }

  /// The cells a level searches, estimated ahead for progress: all of them when the search is
  /// exhaustive, else about 2 · radius + 3 a row (a band around a path of 1-1 steps).
  static func estimatedCells(n: Int, m: Int, fullSearchCells: Int, radius: Int) -> Int {
    (n + 1) * (m + 1) <= fullSearchCells ? (n + 1) * (m + 1) : (n + 1) * min(m + 1, 2 * radius + 3)
  }

  /// The progress units `align` reports: per level of the search (the recursion of `align`,
  /// mirrored), `BandedSearch.costWeight` per estimated cell for the bead costs and one for
  /// Viterbi.
  static func progressUnits(n: Int, m: Int, fullSearchCells: Int, radius: Int, guided: Bool)
    -> Int
  {
    let units =
      (BandedSearch.costWeight + 1)
      * estimatedCells(n: n, m: m, fullSearchCells: fullSearchCells, radius: radius)
    if (n + 1) * (m + 1) <= fullSearchCells || guided { return units }
    return units
      + progressUnits(
        n: (n + 1) / 2, m: (m + 1) / 2, fullSearchCells: fullSearchCells, radius: radius,
        guided: false)
  }

  static func align(
    source: AlignmentUnits, target: AlignmentUnits, scorer: BeadScorer, fullSearchCells: Int,
    radius: Int, guide: [(i: Int, j: Int)]? = nil, progress: inout ProgressCounter
  ) -> Result {
    let n = source.count
    let m = target.count
    let band: Band
    var projectedGuide = guide
    if (n + 1) * (m + 1) <= fullSearchCells {
      band = .full(n: n, m: m)
    } else if let guide {
      band = .around(guide, n: n, m: m, radius: radius)
    } else {
      let coarse = align(
        source: source.halved(), target: target.halved(), scorer: scorer,
        fullSearchCells: fullSearchCells, radius: radius, progress: &progress)
      var projected: [(i: Int, j: Int)] = [(0, 0)]
      for step in coarse.steps { projected.append((min(2 * step.to.i, n), min(2 * step.to.j, m))) }
      projected[projected.count - 1] = (n, m)
      band = .around(projected, n: n, m: m, radius: radius)
      projectedGuide = projected
    }
    var scorer = scorer
    scorer.calibration = SimilarityCalibration.estimate(
      source: source, target: target, guide: projectedGuide)
    if source.dimension > 0 {
      scorer.meaningCalibration = SimilarityCalibration.estimateMeaning(
        source: source, target: target, guide: projectedGuide)
    }
    let search = BandedSearch(
      source: source, target: target, scorer: scorer, band: band,
      progressCells: estimatedCells(n: n, m: m, fullSearchCells: fullSearchCells, radius: radius),
      progress: &progress)
    return Result(search: search, steps: search.viterbi(progress: &progress))
  }
}

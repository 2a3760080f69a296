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
    var steps: [BandedSearch.Step]
    /// `posteriors[k]`: the posterior probability of `steps[k]` (empty when not asked for).
    var posteriors: [Double]
    /// Lattice cells searched at the finest level.
    var cells: Int
  }

  /// The cells a level searches, estimated ahead for progress: all of them when the search is
  /// exhaustive, else about 2 · radius + 3 a row (a band around a path of 1-1 steps).
  static func estimatedCells(n: Int, m: Int, fullSearchCells: Int, radius: Int) -> Int {
    (n + 1) * (m + 1) <= fullSearchCells ? (n + 1) * (m + 1) : bandCells(n: n, m: m, radius: radius)
  }

  /// The cells of a band of half-width `radius` around a path of 1-1 steps, estimated ahead.
  static func bandCells(n: Int, m: Int, radius: Int) -> Int {
    (n + 1) * min(m + 1, 2 * radius + 3)
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

  /// The cheapest path of beads from (0, 0) to (n, m), and each bead's posterior when
  /// `posteriors` is set (else empty).
  ///
  /// - Parameter guide: a path (lattice points) to search around instead of a coarser alignment.
  /// - Parameter segmentRows: the most rows one search covers. A longer band is cut at points of
  ///   its guiding path into searches of about this many rows, each from one cut to the next, so
  ///   that memory depends on this, not on the document's length; a path that leaves the guide
  ///   at a cut by more than it could anyway is the price.
  static func align(
    source: AlignmentUnits, target: AlignmentUnits, scorer: BeadScorer, fullSearchCells: Int,
    radius: Int, segmentRows: Int, guide: [(i: Int, j: Int)]? = nil, posteriors: Bool,
    progress: inout ProgressCounter
  ) -> Result {
    let n = source.count
    let m = target.count
    var path: [(i: Int, j: Int)]?
    if (n + 1) * (m + 1) > fullSearchCells {
      if let guide {
        path = guide
      } else {
        let coarse = align(
          source: source.halved(), target: target.halved(), scorer: scorer,
          fullSearchCells: fullSearchCells, radius: radius, segmentRows: segmentRows,
          posteriors: false, progress: &progress)
        var projected: [(i: Int, j: Int)] = [(0, 0)]
        for step in coarse.steps {
          projected.append((min(2 * step.to.i, n), min(2 * step.to.j, m)))
        }
        projected[projected.count - 1] = (n, m)
        path = projected
      }
    }
    // Calibrated on the whole document, once, so that every piece scores alike.
    var scorer = scorer
    scorer.calibration = SimilarityCalibration.estimate(
      source: source, target: target, guide: path ?? guide)
    if source.dimension > 0 {
      scorer.meaningCalibration = SimilarityCalibration.estimateMeaning(
        source: source, target: target, guide: path ?? guide)
    }
    guard let path else {
      return search(
        source: source, target: target, scorer: scorer, band: .full(n: n, m: m),
        progressCells: (n + 1) * (m + 1), posteriors: posteriors, progress: &progress)
    }
    var result = Result(steps: [], posteriors: [], cells: 0)
    for (start, end) in cuts(of: path, every: segmentRows) {
      let piece = path[start...end].map { (i: $0.i - path[start].i, j: $0.j - path[start].j) }
      let (rows, columns) = (path[start].i..<path[end].i, path[start].j..<path[end].j)
      let band = Band.around(piece, n: rows.count, m: columns.count, radius: radius)
      let part = search(
        source: source.slice(rows), target: target.slice(columns), scorer: scorer, band: band,
        progressCells: bandCells(n: rows.count, m: columns.count, radius: radius),
        posteriors: posteriors, progress: &progress)
      result.steps += part.steps.map {
        BandedSearch.Step(
          from: ($0.from.i + rows.lowerBound, $0.from.j + columns.lowerBound),
          to: ($0.to.i + rows.lowerBound, $0.to.j + columns.lowerBound), cost: $0.cost)
      }
      result.posteriors += part.posteriors
      result.cells += part.cells
    }
    return result
  }

  /// Indexes of `path`'s points (first and last included) that cut it into pieces of about
  /// `rows` rows each, as (start, end) pairs.
  static func cuts(of path: [(i: Int, j: Int)], every rows: Int) -> [(Int, Int)] {
    var pieces: [(Int, Int)] = []
    var start = 0
    let n = path[path.count - 1].i
    while true {
      // The last piece takes the rest when less than one and a half pieces remain.
      guard n - path[start].i - rows >= rows / 2,
        let end = path.indices.first(where: { $0 > start && path[$0].i - path[start].i >= rows })
      else { break }
      pieces.append((start, end))
      start = end
    }
    pieces.append((start, path.count - 1))
    return pieces
  }

  /// One search over `band`: its Viterbi path and, when asked, the posteriors of its steps.
  private static func search(
    source: AlignmentUnits, target: AlignmentUnits, scorer: BeadScorer, band: Band,
    progressCells: Int, posteriors: Bool, progress: inout ProgressCounter
  ) -> Result {
    let search = BandedSearch(
      source: source, target: target, scorer: scorer, band: band, progressCells: progressCells,
      progress: &progress)
    let steps = search.viterbi(progress: &progress)
    return Result(
      steps: steps,
      posteriors: posteriors ? search.posteriors(of: steps, progress: &progress) : [],
      cells: band.cellCount)
  }
}

import Foundation

/// Dynamic programming over the cells of a band: the cheapest bead sequence (Viterbi) and, for
/// confidences, the bead posteriors of a Gibbs distribution over all bead sequences.
///
/// Bead costs (`BeadScorer`) are computed first for every cell and shape, in parallel over rows;
/// the recurrences then run sequentially, so results do not depend on the number of cores.
struct BandedSearch {
  let sourceUnits: AlignmentUnits
  let targetUnits: AlignmentUnits
  let scorer: BeadScorer
  let band: Band
  /// `costs[cell * 6 + shape]`: the bead of that shape ending at the cell (`.infinity`: none).
  private(set) var costs: [Float] = []
  /// The progress units of each of Viterbi, forward and backward (`CoarseToFine.estimatedCells`);
  /// the bead costs count `costWeight` times as many.
  let progressCells: Int

  static let shapeCount = BeadScorer.shapes.count
  /// How much more a cell's bead costs take than a Viterbi step, for progress (measured roughly).
  static let costWeight = 6

  /// Computes the bead costs of every cell of `band`, reporting `costWeight · progressCells` units
  /// to `progress` as the rows are done (in batches, when a handler listens).
  init(
    source: AlignmentUnits, target: AlignmentUnits, scorer: BeadScorer, band: Band,
    progressCells: Int = 0, progress: inout ProgressCounter
  ) {
    self.sourceUnits = source
    self.targetUnits = target
    self.scorer = scorer
    self.band = band
    self.progressCells = progressCells
    progress.beginStage(units: Self.costWeight * progressCells, rows: band.n + 1)
    var costs = [Float](repeating: .infinity, count: band.cellCount * Self.shapeCount)
    // Without a listener, one batch: all rows at once, as fast as it gets.
    let batch = progress.isSilent ? band.n + 1 : max(128, (band.n + 1) / 32)
    for start in stride(from: 0, through: band.n, by: batch) {
      let rows = start..<min(start + batch, band.n + 1)
      computeCosts(rows: rows, into: &costs)
      progress.completeRow(rows.upperBound - 1)
    }
    self.costs = costs
  }

  /// The bead costs of the cells of `rows`, in parallel chunks of rows.
  private func computeCosts(rows batch: Range<Int>, into costs: inout [Float]) {
    let shapeCount = Self.shapeCount
    let band = band
    let longest = Spans.maximumLength
    costs.withUnsafeMutableBufferPointer { table in
      // Chunks of at most 2,048 rows, each with the target runs of its own columns only, so that
      // memory stays proportional to the band, not to the target's runs.
      _ = Parallel.mapChunks(count: batch.count, minimumChunk: 64, maximumChunk: 2_048) { chunk in
        let rows = (batch.lowerBound + chunk.lowerBound)..<(batch.lowerBound + chunk.upperBound)
        let firstColumn = rows.map { band.lo[$0] }.min()!
        let lastColumn = max(rows.map { band.hi[$0] - 1 }.max()!, firstColumn)
        let targetRuns = Spans(targetUnits, ends: firstColumn...lastColumn)
        targetRuns.entries.withUnsafeBufferPointer { targetEntries in
          for i in rows where i > 0 {
            // The source runs ending at row i.
            let runs = Spans(sourceUnits, ends: i...i)
            runs.entries.withUnsafeBufferPointer { sourceEntries in
              for j in band.lo[i]..<band.hi[i] {
                let cell = band.offsets[i] + j - band.lo[i]
                for (shape, size) in BeadScorer.shapes.enumerated() {
                  guard i >= size.source, j >= size.target,
                    band.index(i - size.source, j - size.target) >= 0
                  else { continue }
                  let cost = scorer.cost(
                    shape: shape, source: runs, sourceSlot: size.source - 1,
                    sourceEntries: sourceEntries, target: targetRuns,
                    targetSlot: (j - firstColumn) * longest + size.target - 1,
                    targetEntries: targetEntries)
                  table[cell * shapeCount + shape] = Float(cost)
                }
              }
            }
          }
        }
      }
    }
  }

  /// A step of a path: the bead from `from` to `to` (lattice points).
  struct Step {
    var from: (i: Int, j: Int)
    var to: (i: Int, j: Int)
    var cost: Double
  }

  /// Calls `body(predecessor cell, bead cost, source size, target size)` for every bead ending at
  /// cell (i, j).
  @inline(__always)
  private func forEachBead(
    endingAt i: Int, _ j: Int, cell: Int, _ body: (Int, Double, Int, Int) -> Void
  ) {
    for (shape, size) in BeadScorer.shapes.enumerated() {
      let cost = costs[cell * Self.shapeCount + shape]
      if cost.isFinite {
        body(band.index(i - size.source, j - size.target), Double(cost), size.source, size.target)
      }
    }
    if i >= 1 {
      let previous = band.index(i - 1, j)
      if previous >= 0 {
        body(previous, scorer.skip(sentences: sourceUnits.sentenceCounts[i - 1]), 1, 0)
      }
    }
    if j >= 1 {
      let previous = band.index(i, j - 1)
      if previous >= 0 {
        body(previous, scorer.skip(sentences: targetUnits.sentenceCounts[j - 1]), 0, 1)
      }
    }
  }

  /// The cheapest path from (0, 0) to (n, m); `progressCells` progress units.
  func viterbi(progress: inout ProgressCounter) -> [Step] {
    progress.beginStage(units: progressCells, rows: band.n + 1)
    var best = [Double](repeating: .infinity, count: band.cellCount)
    var back = [UInt8](repeating: 0, count: band.cellCount)  // source size << 3 | target size
    best[0] = 0
    for i in 0...band.n {
      for j in band.lo[i]..<band.hi[i] {
        let cell = band.offsets[i] + j - band.lo[i]
        var value = best[cell]
        var from: UInt8 = back[cell]
        forEachBead(endingAt: i, j, cell: cell) { previous, cost, a, b in
          let candidate = best[previous] + cost
          if candidate < value {
            value = candidate
            from = UInt8(a << 3 | b)
          }
        }
        best[cell] = value
        back[cell] = from
      }
      progress.completeRow(i)
    }
    var steps: [Step] = []
    var (i, j) = (band.n, band.m)
    while i > 0 || j > 0 {
      let cell = band.index(i, j)
      let a = Int(back[cell] >> 3)
      let b = Int(back[cell] & 7)
      precondition(a + b > 0, "alignment search: no path through the band")
      let previous = band.index(i - a, j - b)
      steps.append(Step(from: (i - a, j - b), to: (i, j), cost: best[cell] - best[previous]))
      (i, j) = (i - a, j - b)
    }
    return steps.reversed()
  }

  /// The posterior probability of each step under P(path) ∝ exp(−cost(path) / temperature);
  /// `progressCells` progress units forward, as many backward.
  func posteriors(of steps: [Step], progress: inout ProgressCounter) -> [Double] {
    progress.beginStage(units: progressCells, rows: band.n + 1)
    let temperature = scorer.parameters.temperature
    var forward = [Double](repeating: .infinity, count: band.cellCount)
    forward[0] = 0
    var candidates: [Double] = []
    for i in 0...band.n {
      for j in band.lo[i]..<band.hi[i] where i > 0 || j > 0 {
        let cell = band.offsets[i] + j - band.lo[i]
        candidates.removeAll(keepingCapacity: true)
        forEachBead(endingAt: i, j, cell: cell) { previous, cost, _, _ in
          candidates.append(forward[previous] + cost)
        }
        forward[cell] = Self.softMinimum(candidates, temperature: temperature)
      }
      progress.completeRow(i)
    }
    progress.beginStage(units: progressCells, rows: band.n + 1)
    // Backward: cost-to-go; each bead ending at a cell pushes its contribution to its start.
    var backward = [Double](repeating: .infinity, count: band.cellCount)
    backward[band.index(band.n, band.m)] = 0
    // Accumulate in log space: backward[start] = softmin over beads (cost + backward[end]).
    var accumulator = [Double](repeating: 0, count: band.cellCount)  // Σ exp(−(v − shift)/T)
    var shift = [Double](repeating: .infinity, count: band.cellCount)
    for i in stride(from: band.n, through: 0, by: -1) {
      for j in stride(from: band.hi[i] - 1, through: band.lo[i], by: -1) {
        let cell = band.offsets[i] + j - band.lo[i]
        if !(i == band.n && j == band.m) {
          backward[cell] =
            shift[cell].isFinite
            ? shift[cell] - temperature * log(accumulator[cell]) : .infinity
        }
        let value = backward[cell]
        guard value.isFinite else { continue }
        forEachBead(endingAt: i, j, cell: cell) { previous, cost, _, _ in
          let term = value + cost
          if term < shift[previous] {
            accumulator[previous] =
              accumulator[previous] * exp((term - shift[previous]) / temperature) + 1
            if !shift[previous].isFinite { accumulator[previous] = 1 }
            shift[previous] = term
          } else {
            accumulator[previous] += exp(-(term - shift[previous]) / temperature)
          }
        }
      }
      progress.completeRow(band.n - i)
    }
    let total = forward[band.index(band.n, band.m)]
    return steps.map { step in
      let start = forward[band.index(step.from.i, step.from.j)]
      let end = backward[band.index(step.to.i, step.to.j)]
      let probability = exp(-(start + step.cost + end - total) / temperature)
      return min(max(probability, 0), 1)
    }
  }

  static func softMinimum(_ values: [Double], temperature: Double) -> Double {
    guard let minimum = values.min(), minimum.isFinite else { return .infinity }
    var sum = 0.0
    for value in values { sum += exp(-(value - minimum) / temperature) }
    return minimum - temperature * log(sum)
  }
}

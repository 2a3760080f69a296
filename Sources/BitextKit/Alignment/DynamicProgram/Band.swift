/// The cells of the alignment lattice the search may visit: for each source position `i` in
/// `0...n`, target positions `lo[i]..<hi[i]`.
///
/// A full band is the whole (n + 1) × (m + 1) lattice; `around(_:…)` keeps the cells within
/// `radius` positions of a path, so memory and time grow with n · radius, not n · m.
struct Band: Sendable {
  let n: Int
  let m: Int
  var lo: [Int]
  var hi: [Int]
  /// `offsets[i]` is the index of cell `(i, lo[i])` in row-major cell arrays.
  var offsets: [Int]

  var cellCount: Int { offsets[n + 1] }

  private init(n: Int, m: Int, lo: [Int], hi: [Int]) {
    self.n = n
    self.m = m
    self.lo = lo
    self.hi = hi
    var offsets = [0]
    offsets.reserveCapacity(n + 2)
    for row in 0...n { offsets.append(offsets[row] + hi[row] - lo[row]) }
    self.offsets = offsets
  }

  static func full(n: Int, m: Int) -> Band {
    Band(
      n: n, m: m, lo: Array(repeating: 0, count: n + 1), hi: Array(repeating: m + 1, count: n + 1))
  }

  /// The cells within `radius` columns of the segments of `path` (lattice points from (0, 0) to
  /// (n, m), non-decreasing): row `i` of a segment from (i₀, j₀) to (i₁, j₁) gets columns
  /// j₀ − radius ... j₁ + radius.
  static func around(_ path: [(i: Int, j: Int)], n: Int, m: Int, radius: Int) -> Band {
    var lo = Array(repeating: Int.max, count: n + 1)
    var hi = Array(repeating: Int.min, count: n + 1)
    for step in 0..<max(path.count - 1, 1) {
      let start = path[step]
      let end = path[min(step + 1, path.count - 1)]
      for row in start.i...min(n, end.i) {
        lo[row] = min(lo[row], start.j - radius)
        hi[row] = max(hi[row], end.j + radius + 1)
      }
    }
    for row in 0...n {
      lo[row] = max(0, min(lo[row], m))
      hi[row] = min(m + 1, max(hi[row], lo[row] + 1))
    }
    return Band(n: n, m: m, lo: lo, hi: hi)
  }

  /// The cell index of `(i, j)`, or -1 outside the band.
  @inline(__always) func index(_ i: Int, _ j: Int) -> Int {
    guard i >= 0, i <= n, j >= lo[i], j < hi[i] else { return -1 }
    return offsets[i] + j - lo[i]
  }
}

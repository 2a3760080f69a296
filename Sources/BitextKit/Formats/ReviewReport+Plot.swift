extension ReviewReport {
  /// The side of the plot's square, in SVG user units.
  static let plotSize = 1000

  /// The alignment path as an inline SVG figure: source sentence index on x, target index on y
  /// (origin bottom left), one segment per bead; omissions, additions and low-confidence beads
  /// drawn over it in their own colours, the even diagonal dashed for reference.
  ///
  /// Coordinates are whole units of a 1000-unit square, and repeated points are dropped, so the
  /// path stays small however long the texts are.
  func plot() -> String {
    let size = Self.plotSize
    let sourceCount = max(alignment.source.count, 1)
    let targetCount = max(alignment.target.count, 1)
    func point(_ source: Int, _ target: Int) -> (Int, Int) {
      (source * size / sourceCount, size - target * size / targetCount)
    }
    var path = PathBuilder()
    var gaps = PathBuilder()
    var low = PathBuilder()
    var gapCount = 0
    for bead in alignment.beads {
      let start = point(bead.source.lowerBound, bead.target.lowerBound)
      let end = point(bead.source.upperBound, bead.target.upperBound)
      path.add(from: start, to: end)
      if bead.source.isEmpty || bead.target.isEmpty {
        gaps.add(from: start, to: end)
        gapCount += 1
      } else if bead.isLowConfidence {
        low.add(from: start, to: end)
      }
    }
    let lowCount = alignment.beads.count {
      $0.isLowConfidence && !$0.source.isEmpty && !$0.target.isEmpty
    }
    let sourceName = Self.languageName(source.language)
    let targetName = Self.languageName(target.language)
    var svg = "<figure class=\"plot\">\n"
    // Room on the left and at the bottom for the axis labels.
    svg += "<svg id=\"plot\" viewBox=\"-80 -16 \(size + 96) \(size + 96)\" role=\"img\""
    svg += " aria-labelledby=\"plot-t plot-d\" data-s=\"\(alignment.source.count)\""
    svg += " data-t=\"\(alignment.target.count)\" preserveAspectRatio=\"none\">\n"
    svg += "<title id=\"plot-t\">Alignment path</title>\n"
    let (lastSource, lastTarget) = (
      max(alignment.source.count - 1, 0), max(alignment.target.count - 1, 0)
    )
    svg += "<desc id=\"plot-d\">\(XML.escape(sourceName)) sentences 0 to \(lastSource)"
    svg += " from left to right against \(XML.escape(targetName)) sentences 0 to"
    svg += " \(lastTarget) from bottom to top; \(alignment.beads.count) beads,"
    svg += " \(gapCount) without counterpart, \(lowCount) more with low confidence.</desc>\n"
    svg += "<rect class=\"frame\" x=\"0\" y=\"0\" width=\"\(size)\" height=\"\(size)\"/>\n"
    svg += "<g class=\"axis\" aria-hidden=\"true\">"
    svg += "<text x=\"0\" y=\"\(size + 60)\">0</text>"
    svg += "<text x=\"\(size / 2)\" y=\"\(size + 60)\" text-anchor=\"middle\">"
    svg += "\(XML.escape(sourceName)) →</text>"
    svg += "<text x=\"\(size)\" y=\"\(size + 60)\" text-anchor=\"end\">"
    svg += "\(lastSource)</text>"
    svg += "<text x=\"-16\" y=\"\(size)\" text-anchor=\"end\">0</text>"
    svg += "<text transform=\"translate(-30 \(size / 2)) rotate(-90)\" text-anchor=\"middle\">"
    svg += "\(XML.escape(targetName)) →</text>"
    svg += "<text x=\"-16\" y=\"40\" text-anchor=\"end\">\(lastTarget)</text></g>\n"
    svg += "<path class=\"ref\" d=\"M0 \(size)L\(size) 0\"/>\n"
    svg += "<path class=\"path\" d=\"\(path.d)\"/>\n"
    if !low.d.isEmpty { svg += "<path class=\"low\" d=\"\(low.d)\"/>\n" }
    if !gaps.d.isEmpty { svg += "<path class=\"gap\" d=\"\(gaps.d)\"/>\n" }
    svg += "</svg>\n<figcaption>Alignment path: \(XML.escape(sourceName)) sentence (→) against"
    svg += " \(XML.escape(targetName)) sentence (↑). <span class=\"sw gap\"></span> no counterpart"
    svg += " <span class=\"sw low\"></span> low confidence"
    svg += " <span class=\"hint\">Click to jump to a bead.</span></figcaption>\n</figure>\n"
    return svg
  }

  /// An SVG path's `d` attribute, built from segments; a segment that starts where the last one
  /// ended continues the line, and a zero-length segment stays (round caps draw it as a dot).
  struct PathBuilder {
    var d = ""
    private var last: (Int, Int)?

    mutating func add(from start: (Int, Int), to end: (Int, Int)) {
      if last.map({ $0 != start }) ?? true {
        d += "M\(start.0) \(start.1)"
        last = start
        if end == start {
          d += "l0 0"
          return
        }
      }
      if let last, end != last {
        d += "L\(end.0) \(end.1)"
      }
      last = end
    }
  }
}

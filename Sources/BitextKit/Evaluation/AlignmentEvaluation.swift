/// One link of a gold or hypothesis alignment: source and target sentence indexes (0-based).
public struct AlignmentLink: Hashable, Sendable {
  public var source: [Int]
  public var target: [Int]

  public init(source: [Int], target: [Int]) {
    self.source = source
    self.target = target
  }

  public init(_ bead: AlignmentBead) {
    self.init(source: Array(bead.source), target: Array(bead.target))
  }

  /// The link in the `[i, j]:[k]` format of the Text+Berg gold files.
  public var formatted: String {
    let source = source.map(String.init).joined(separator: ", ")
    let target = target.map(String.init).joined(separator: ", ")
    return "[\(source)]:[\(target)]"
  }
}

/// Strict and lax precision, recall and F1 of sentence alignments, as Vecalign's `score.py` and
/// Sennrich & Volk (2011) define them.
///
/// Precision: every hypothesis link with a non-empty side is a candidate; strict hit = the same
/// link is in the gold; lax hit = otherwise, some source sentence of the link is gold-aligned to
/// some target sentence of it. Recall: the same with the roles swapped, over links with both sides
/// non-empty only. Counts add over documents (micro-average) before dividing.
public struct AlignmentScore: Hashable, Sendable {
  public var strictPrecisionHits = 0
  public var laxPrecisionHits = 0
  public var precisionCandidates = 0
  public var strictRecallHits = 0
  public var laxRecallHits = 0
  public var recallCandidates = 0

  public init() {}

  /// The counts of one document.
  public init(gold: [AlignmentLink], hypothesis: [AlignmentLink]) {
    let precision = Self.count(reference: gold, candidates: hypothesis)
    strictPrecisionHits = precision.strict
    laxPrecisionHits = precision.lax
    precisionCandidates = precision.total
    let recall = Self.count(
      reference: hypothesis.filter { !$0.source.isEmpty && !$0.target.isEmpty },
      candidates: gold.filter { !$0.source.isEmpty && !$0.target.isEmpty })
    strictRecallHits = recall.strict
    laxRecallHits = recall.lax
    recallCandidates = recall.total
  }

  /// Adds another document's counts.
  public static func + (left: AlignmentScore, right: AlignmentScore) -> AlignmentScore {
    var sum = left
    sum.strictPrecisionHits += right.strictPrecisionHits
    sum.laxPrecisionHits += right.laxPrecisionHits
    sum.precisionCandidates += right.precisionCandidates
    sum.strictRecallHits += right.strictRecallHits
    sum.laxRecallHits += right.laxRecallHits
    sum.recallCandidates += right.recallCandidates
    return sum
  }

  public var strictPrecision: Double { Self.ratio(strictPrecisionHits, precisionCandidates) }
  public var laxPrecision: Double { Self.ratio(laxPrecisionHits, precisionCandidates) }
  public var strictRecall: Double { Self.ratio(strictRecallHits, recallCandidates) }
  public var laxRecall: Double { Self.ratio(laxRecallHits, recallCandidates) }
  public var strictF1: Double { Self.harmonic(strictPrecision, strictRecall) }
  public var laxF1: Double { Self.harmonic(laxPrecision, laxRecall) }

  /// Distinct candidate links with a non-empty side, scored against the reference links.
  private static func count(reference: [AlignmentLink], candidates: [AlignmentLink])
    -> (strict: Int, lax: Int, total: Int)
  {
    let referenceSet = Set(reference.filter { !$0.source.isEmpty || !$0.target.isEmpty })
    var targetsOfSource: [Int: Set<Int>] = [:]
    for link in referenceSet {
      for source in link.source { targetsOfSource[source, default: []].formUnion(link.target) }
    }
    var strict = 0
    var lax = 0
    let unique = Set(candidates.filter { !$0.source.isEmpty || !$0.target.isEmpty })
    for link in unique {
      if referenceSet.contains(link) {
        strict += 1
        lax += 1
      } else if link.source.contains(where: { source in
        link.target.contains { targetsOfSource[source]?.contains($0) ?? false }
      }) {
        lax += 1
      }
    }
    return (strict, lax, unique.count)
  }

  private static func ratio(_ hits: Int, _ total: Int) -> Double {
    total == 0 ? 0 : Double(hits) / Double(total)
  }

  private static func harmonic(_ p: Double, _ r: Double) -> Double {
    p + r == 0 ? 0 : 2 * p * r / (p + r)
  }
}

/// Reading gold alignments and scoring aligner output.
public enum AlignmentEvaluation {
  /// Parses links in the Text+Berg format: one `[i, j]:[k]` per line (0-based, `[]` for none).
  ///
  /// - Throws: `InputError.malformed` naming `name` and the 1-based line and column.
  ///
  /// With the documents' sentence counts, each link is also checked: its sentences exist, it has
  /// a sentence, and no sentence is in two links.
  public static func parseLinks(
    _ text: String, name: String, sourceCount: Int? = nil, targetCount: Int? = nil
  ) throws(InputError) -> [AlignmentLink] {
    var links: [AlignmentLink] = []
    var seen: (source: Set<Int>, target: Set<Int>) = ([], [])
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let trimmed = line.trimmed(of: " \t\r")
      if trimmed.isEmpty { continue }
      let location = SourceLocation(file: name, line: number + 1, column: 1)
      let sides = trimmed.split(separator: ":", omittingEmptySubsequences: false)
      guard sides.count == 2, let source = parseList(sides[0]), let target = parseList(sides[1])
      else { throw .malformed(location, reason: "expected a link like [0, 1]:[2]") }
      if source.isEmpty && target.isEmpty {
        throw .malformed(location, reason: "a link without sentences")
      }
      for (side, indexes, count) in [
        ("source", source, sourceCount), ("target", target, targetCount),
      ] {
        for index in indexes {
          if let count, index >= count {
            throw .malformed(
              location, reason: "\(side) sentence \(index) does not exist (\(count) sentences)")
          }
          let new = side == "source" ? seen.source.insert(index).inserted
            : seen.target.insert(index).inserted
          if !new {
            throw .malformed(location, reason: "\(side) sentence \(index) is in two links")
          }
        }
      }
      links.append(AlignmentLink(source: source, target: target))
    }
    return links
  }

  private static func parseList(_ text: Substring) -> [Int]? {
    let trimmed = text.trimmed(of: " \t")
    guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
    let inner = trimmed.dropFirst().dropLast()
    if inner.allSatisfy({ $0 == " " }) { return [] }
    var values: [Int] = []
    for item in inner.split(separator: ",") {
      guard let value = Int(item.trimmed(of: " ")), value >= 0 else { return nil }
      values.append(value)
    }
    return values
  }

  /// The links of an alignment's beads.
  public static func links(of alignment: Alignment) -> [AlignmentLink] {
    alignment.beads.map(AlignmentLink.init)
  }

  /// How many gold links of one kind (e.g. omissions `1-0`) the hypothesis contains exactly.
  public static func recall(
    of kind: (AlignmentLink) -> Bool, gold: [AlignmentLink], hypothesis: [AlignmentLink]
  ) -> (found: Int, total: Int) {
    let hypothesisSet = Set(hypothesis)
    let wanted = gold.filter(kind)
    return (wanted.count { hypothesisSet.contains($0) }, wanted.count)
  }
}

extension StringProtocol {
  fileprivate func trimmed(of set: String) -> Substring {
    let text = self[...]
    let start = text.firstIndex { !set.contains($0) } ?? text.endIndex
    let end = text.lastIndex { !set.contains($0) }.map { text.index(after: $0) } ?? start
    return Substring(text[start..<Swift.max(start, end)])
  }
}

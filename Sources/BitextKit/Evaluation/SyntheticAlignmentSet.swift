/// A document pair with a known alignment, made by editing an aligned pair or generated outright:
/// the stress set for omissions, additions and merges, and the benchmarks' input.
///
/// `derived(…)` keeps the 1-1, 2-1, 1-2, … links of a gold-aligned pair (in order, renumbered) and
/// then, with a seeded generator, turns some 1-1 links into omissions (target sentence dropped:
/// gold `[i]:[]`) or additions (source sentence dropped: gold `[]:[k]`), and merges the target
/// sentences of some pairs of neighbouring 1-1 links into one line (gold `[i, i+1]:[k]`).
/// The same seed gives the same set.
public struct SyntheticAlignmentSet: Hashable, Sendable {
  public var source: [String]
  public var target: [String]
  public var gold: [AlignmentLink]

  public init(source: [String], target: [String], gold: [AlignmentLink]) {
    self.source = source
    self.target = target
    self.gold = gold
  }

  /// The set derived from an aligned pair by planting edits at the given rates (per link).
  public static func derived(
    source: [String], target: [String], gold: [AlignmentLink], seed: UInt64,
    omissionRate: Double = 0.05, additionRate: Double = 0.05, mergeRate: Double = 0.05
  ) -> SyntheticAlignmentSet {
    var random = SplitMix64(seed: seed)
    var result = SyntheticAlignmentSet(source: [], target: [], gold: [])
    let links = gold.filter {
      !$0.source.isEmpty && !$0.target.isEmpty
        && $0.source.allSatisfy { $0 < source.count } && $0.target.allSatisfy { $0 < target.count }
    }
    var index = 0
    while index < links.count {
      let link = links[index]
      let isOneToOne = link.source.count == 1 && link.target.count == 1
      let draw = random.nextDouble()
      if isOneToOne && draw < omissionRate {
        result.gold.append(AlignmentLink(source: [result.source.count], target: []))
        result.source.append(source[link.source[0]])
      } else if isOneToOne && draw < omissionRate + additionRate {
        result.gold.append(AlignmentLink(source: [], target: [result.target.count]))
        result.target.append(target[link.target[0]])
      } else if isOneToOne && draw < omissionRate + additionRate + mergeRate,
        index + 1 < links.count, links[index + 1].source.count == 1,
        links[index + 1].target.count == 1
      {
        let next = links[index + 1]
        result.gold.append(
          AlignmentLink(
            source: [result.source.count, result.source.count + 1], target: [result.target.count]))
        result.source.append(source[link.source[0]])
        result.source.append(source[next.source[0]])
        result.target.append(target[link.target[0]] + " " + target[next.target[0]])
        index += 1
      } else {
        result.gold.append(
          AlignmentLink(
            source: Array(result.source.count..<result.source.count + link.source.count),
            target: Array(result.target.count..<result.target.count + link.target.count)))
        result.source.append(contentsOf: link.source.map { source[$0] })
        result.target.append(contentsOf: link.target.map { target[$0] })
      }
      index += 1
    }
    return result
  }

  /// A generated pair of `count` source sentences in two made-up languages: a fixed random word
  /// mapping, shared names and numbers, word-order noise, and planted 1-0, 0-1, 2-1 and 1-2 links
  /// (2 %, 2 %, 4 %, 4 %). For benchmarks and scale tests; deterministic for a seed.
  ///
  /// - Parameter anchorShare: share of words that are names or numbers written alike on both sides.
  public static func generated(count: Int, seed: UInt64, anchorShare: Double = 0.08)
    -> SyntheticAlignmentSet
  {
    var random = SplitMix64(seed: seed)
    let syllables = [
      "ka", "lo", "mi", "ne", "ru", "ta", "be", "so", "fi", "da", "po", "gu", "re", "vi",
    ]
    let others = [
      "al", "or", "eth", "ip", "un", "os", "ek", "am", "yl", "ur", "iz", "oq", "ep", "ax",
    ]
    func word(_ from: [String], _ random: inout SplitMix64) -> String {
      (0..<(2 + random.next(3))).map { _ in from[random.next(from.count)] }.joined()
    }
    let vocabulary = 3000
    let sourceWords = (0..<vocabulary).map { _ in word(syllables, &random) }
    let targetWords = (0..<vocabulary).map { _ in word(others, &random) }
    let names = (0..<300).map { _ in "Q" + word(syllables, &random) }
    func sentencePair(_ random: inout SplitMix64) -> (String, String) {
      var source: [String] = []
      var target: [String] = []
      for _ in 0..<(4 + random.next(22)) {
        let roll = random.nextDouble()
        if roll < anchorShare * 0.6 {
          let name = names[random.next(names.count)]
          source.append(name)
          target.append(name)
        } else if roll < anchorShare {
          let number = String(random.next(10_000))
          source.append(number)
          target.append(number)
        } else {
          // Zipf-like: small ids much more frequent.
          let id = Int(Double(vocabulary) * pow01(random.nextDouble(), 3))
          source.append(sourceWords[id])
          if random.next(10) > 0 { target.append(targetWords[id]) }
          if random.next(8) == 0 { target.append(targetWords[random.next(50)]) }
        }
      }
      if target.count > 2 && random.next(3) == 0 { target.swapAt(0, 1) }
      return (source.joined(separator: " ") + " .", target.joined(separator: " ") + " .")
    }
    var result = SyntheticAlignmentSet(source: [], target: [], gold: [])
    while result.source.count < count {
      let roll = random.next(100)
      let (s, t) = sentencePair(&random)
      let i = result.source.count
      let j = result.target.count
      if roll < 2 {
        result.source.append(s)
        result.gold.append(AlignmentLink(source: [i], target: []))
      } else if roll < 4 {
        result.target.append(t)
        result.gold.append(AlignmentLink(source: [], target: [j]))
      } else if roll < 8 {
        let (s2, t2) = sentencePair(&random)
        result.source += [s, s2]
        result.target.append(t.dropLast(2) + " " + t2)
        result.gold.append(AlignmentLink(source: [i, i + 1], target: [j]))
      } else if roll < 12 {
        let (s2, t2) = sentencePair(&random)
        result.source.append(s.dropLast(2) + " " + s2)
        result.target += [t, t2]
        result.gold.append(AlignmentLink(source: [i], target: [j, j + 1]))
      } else {
        result.source.append(s)
        result.target.append(t)
        result.gold.append(AlignmentLink(source: [i], target: [j]))
      }
    }
    return result
  }

  /// The sentences of `lines`, one per line, as `SentenceSplitter.lines(of:)` numbers them.
  public static func sentences(_ lines: [String]) -> [Sentence] {
    var offset = 0
    return lines.enumerated().map { index, line in
      defer { offset += line.utf8.count + 1 }
      return Sentence(
        index: index, paragraph: 0, utf8Range: offset..<offset + line.utf8.count, text: line)
    }
  }
}

/// `x` to the power `k` for x in [0, 1] (a skewed draw).
private func pow01(_ x: Double, _ k: Int) -> Double {
  (0..<k).reduce(1.0) { product, _ in product * x }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small seedable generator, so sets are reproducible.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func nextValue() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value in 0..<bound.
  mutating func next(_ bound: Int) -> Int { Int(nextValue() % UInt64(bound)) }

  /// A value in [0, 1).
  mutating func nextDouble() -> Double { Double(nextValue() >> 11) / Double(1 << 53) }
}

/// Learns word translations from an alignment: stem pairs that co-occur in confident beads.
///
/// Counts, over the beads with both sides non-empty and confidence ≥ `minimumConfidence`, in how
/// many beads each source stem, each target stem and each pair occur, and keeps for each source
/// stem its best targets by the Dice coefficient 2·c(s, t) / (c(s) + c(t)), if c(s, t) ≥
/// `minimumCount` and Dice ≥ `minimumDice`. Stems occurring in more than `maximumShare` of the
/// beads (function words) are left out. At most `maximumBeads` beads, evenly spaced, are used,
/// which bounds the pair table's memory for very long documents. This gives lexical evidence to a
/// language pair without a
/// dictionary (German–French) in the aligner's second pass.
///
/// - Complexity: O(Σ |source stems| · |target stems|) over the beads used.
public struct LexiconLearner: Hashable, Sendable {
  public var minimumConfidence: Double
  public var minimumCount: Int
  public var minimumDice: Double
  public var maximumTranslations: Int
  public var maximumShare: Double
  public var maximumBeads: Int

  public init(
    minimumConfidence: Double = 0.5, minimumCount: Int = 2, minimumDice: Double = 0.3,
    maximumTranslations: Int = 3, maximumShare: Double = 0.1, maximumBeads: Int = 20_000
  ) {
    self.maximumBeads = maximumBeads
    self.minimumConfidence = minimumConfidence
    self.minimumCount = minimumCount
    self.minimumDice = minimumDice
    self.maximumTranslations = maximumTranslations
    self.maximumShare = maximumShare
  }

  /// The lexicon learned from `alignment`, its sentences tokenised and stemmed per language.
  public func learn(
    from alignment: Alignment, sourceLanguage: Language, targetLanguage: Language
  ) -> BilingualLexicon {
    let source = SentenceEvidence.extract(alignment.source, language: sourceLanguage).map(\.stems)
    let target = SentenceEvidence.extract(alignment.target, language: targetLanguage).map(\.stems)
    return learn(sourceStems: source, targetStems: target, beads: alignment.beads)
  }

  func learn(sourceStems: [[String]], targetStems: [[String]], beads: [AlignmentBead])
    -> BilingualLexicon
  {
    let confident = beads.filter {
      !$0.source.isEmpty && !$0.target.isEmpty && $0.confidence >= minimumConfidence
    }
    let step = max(1, (confident.count + maximumBeads - 1) / maximumBeads)
    let used = Swift.stride(from: 0, to: confident.count, by: step).map { confident[$0] }
    guard !used.isEmpty else { return BilingualLexicon() }
    var sourceIDs: [String: Int32] = [:]
    var targetIDs: [String: Int32] = [:]
    var sourceNames: [String] = []
    var targetNames: [String] = []
    func bag(
      _ range: Range<Int>, _ stems: [[String]], _ ids: inout [String: Int32],
      _ names: inout [String]
    ) -> [Int32] {
      var bag = Set<Int32>()
      for index in range {
        for stem in stems[index] {
          if let id = ids[stem] {
            bag.insert(id)
          } else {
            let id = Int32(names.count)
            ids[stem] = id
            names.append(stem)
            bag.insert(id)
          }
        }
      }
      return bag.sorted()
    }
    let sourceBags = used.map { bag($0.source, sourceStems, &sourceIDs, &sourceNames) }
    let targetBags = used.map { bag($0.target, targetStems, &targetIDs, &targetNames) }
    var sourceCount = [Int32](repeating: 0, count: sourceNames.count)
    var targetCount = [Int32](repeating: 0, count: targetNames.count)
    for bag in sourceBags { for id in bag { sourceCount[Int(id)] += 1 } }
    for bag in targetBags { for id in bag { targetCount[Int(id)] += 1 } }
    let limit = Int32(max(Double(minimumCount), maximumShare * Double(used.count)))
    let minimum = Int32(minimumCount)
    var pairs: [UInt64: Int32] = [:]
    for (sourceBag, targetBag) in zip(sourceBags, targetBags) {
      let sources = sourceBag.filter {
        sourceCount[Int($0)] >= minimum && sourceCount[Int($0)] <= limit
      }
      let targets = targetBag.filter {
        targetCount[Int($0)] >= minimum && targetCount[Int($0)] <= limit
      }
      for s in sources {
        for t in targets { pairs[UInt64(UInt32(s)) << 32 | UInt64(UInt32(t)), default: 0] += 1 }
      }
    }
    var candidates: [Int32: [(dice: Double, target: Int32)]] = [:]
    for (key, count) in pairs where count >= minimum {
      let s = Int32(truncatingIfNeeded: key >> 32)
      let t = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
      let dice = 2 * Double(count) / Double(sourceCount[Int(s)] + targetCount[Int(t)])
      if dice >= minimumDice { candidates[s, default: []].append((dice, t)) }
    }
    var lexicon = BilingualLexicon()
    for s in candidates.keys.sorted() {
      let best = candidates[s]!.sorted {
        $0.dice != $1.dice
          ? $0.dice > $1.dice : targetNames[Int($0.target)] < targetNames[Int($1.target)]
      }
      for candidate in best.prefix(maximumTranslations) {
        lexicon.add(source: sourceNames[Int(s)], target: targetNames[Int(candidate.target)])
      }
    }
    return lexicon
  }
}

import Foundation

/// One feature of an alignment unit: its hash, how many of the unit's sentences have it, and its
/// weight (inverse document frequency over both documents).
struct FeatureEntry: Sendable {
  var id: UInt32
  var count: Float
  var weight: Float
}

/// One side of the search at one resolution: sentences, or (coarser) runs of 2, 4, … sentences.
///
/// Only features found in both documents are kept: the others can never be shared.
struct AlignmentUnits: Sendable {
  /// Features of all units, each unit's sorted by id, concatenated.
  var entries: [FeatureEntry] = []
  /// `entries[offsets[u]..<offsets[u + 1]]` are unit `u`'s features.
  var offsets: [Int] = [0]
  /// Characters.
  var lengths: [Double] = []
  /// Σ count × weight of the unit's features.
  var masses: [Double] = []
  var sentenceCounts: [Int] = []
  var firstParagraph: [Int] = []
  var lastParagraph: [Int] = []
  /// The sentence each unit starts with.
  var firstSentence: [Int] = []
  /// The document's sentence vectors, when the aligner has meaning as evidence.
  var meaning: SentenceVectors?
  /// `unitVectors[u * d ..< (u + 1) * d]`: unit `u`'s L2-normalised vector (the normalised sum of
  /// its sentences'); empty without `meaning`.
  var unitVectors: [Float] = []

  var count: Int { lengths.count }
  var dimension: Int { meaning?.dimension ?? 0 }

  mutating func append(
    _ features: some Sequence<FeatureEntry>, length: Double, sentences: Int,
    paragraphs: ClosedRange<Int>, firstSentence: Int
  ) {
    var mass = 0.0
    for entry in features {
      entries.append(entry)
      mass += Double(entry.count * entry.weight)
    }
    offsets.append(entries.count)
    lengths.append(length)
    masses.append(mass)
    sentenceCounts.append(sentences)
    firstParagraph.append(paragraphs.lowerBound)
    lastParagraph.append(paragraphs.upperBound)
    self.firstSentence.append(firstSentence)
  }

  /// The sentence-level units of both documents, with inverse-document-frequency weights
  /// `ln((N_s + N_t) / (df_s + df_t))` for features present on both sides.
  static func make(
    source: [SentenceEvidence], target: [SentenceEvidence],
    sourceFeatures: [[UInt64]], targetFeatures: [[UInt64]],
    meaning: (source: SentenceVectors, target: SentenceVectors)? = nil
  ) -> (source: AlignmentUnits, target: AlignmentUnits) {
    var sourceFrequency: [UInt64: Int32] = [:]
    for features in sourceFeatures {
      for feature in features { sourceFrequency[feature, default: 0] += 1 }
    }
    var weights: [UInt64: Float] = [:]
    var targetFrequency: [UInt64: Int32] = [:]
    for features in targetFeatures {
      for feature in features where sourceFrequency[feature] != nil {
        targetFrequency[feature, default: 0] += 1
      }
    }
    let total = Double(source.count + target.count)
    for (feature, frequency) in targetFrequency {
      let documentFrequency = Double(frequency + sourceFrequency[feature]!)
      weights[feature] = Float(max(log(total / documentFrequency), 0.05))
    }
    func units(
      _ evidence: [SentenceEvidence], _ features: [[UInt64]], _ vectors: SentenceVectors?
    ) -> AlignmentUnits {
      var units = AlignmentUnits()
      if let vectors {
        units.meaning = vectors
        units.unitVectors = vectors.runs[0]
      }
      for (index, sentence) in evidence.enumerated() {
        let entries = features[index].compactMap { id in
          weights[id].map {
            FeatureEntry(id: UInt32(truncatingIfNeeded: id ^ (id >> 32)), count: 1, weight: $0)
          }
        }.sorted { $0.id < $1.id }
        units.append(
          entries, length: sentence.length, sentences: 1,
          paragraphs: sentence.paragraph...sentence.paragraph, firstSentence: index)
      }
      return units
    }
    return (
      units(source, sourceFeatures, meaning?.source), units(target, targetFeatures, meaning?.target)
    )
  }

  /// Units `range` alone, renumbered from 0 (their `firstSentence` stays the document's).
  func slice(_ range: Range<Int>) -> AlignmentUnits {
    // A document searched in one piece shares its arrays instead of copying them.
    if range == 0..<count { return self }
    var part = AlignmentUnits()
    let base = offsets[range.lowerBound]
    part.entries = Array(entries[base..<offsets[range.upperBound]])
    part.offsets = offsets[range.lowerBound...range.upperBound].map { $0 - base }
    part.lengths = Array(lengths[range])
    part.masses = Array(masses[range])
    part.sentenceCounts = Array(sentenceCounts[range])
    part.firstParagraph = Array(firstParagraph[range])
    part.lastParagraph = Array(lastParagraph[range])
    part.firstSentence = Array(firstSentence[range])
    part.meaning = meaning
    let d = dimension
    if d > 0 { part.unitVectors = Array(unitVectors[range.lowerBound * d..<range.upperBound * d]) }
    return part
  }

  /// Units of two consecutive units each (the last one alone when the count is odd).
  func halved() -> AlignmentUnits {
    var coarse = AlignmentUnits()
    coarse.meaning = meaning
    let dimension = dimension
    var merged: [FeatureEntry] = []
    var unit = 0
    while unit < count {
      let last = min(unit + 1, count - 1)
      merged.removeAll(keepingCapacity: true)
      Self.merge(
        entries[offsets[unit]..<offsets[unit + 1]], entries[offsets[last]..<offsets[last + 1]],
        same: unit == last, into: &merged)
      coarse.append(
        merged, length: lengths[unit] + (last != unit ? lengths[last] : 0),
        sentences: sentenceCounts[unit] + (last != unit ? sentenceCounts[last] : 0),
        paragraphs: firstParagraph[unit]...max(firstParagraph[unit], lastParagraph[last]),
        firstSentence: firstSentence[unit])
      if dimension > 0 {
        var vector = [Float](repeating: 0, count: dimension)
        vector.withUnsafeMutableBufferPointer {
          SentenceVectors.normalizedSum(
            of: unit...last, in: unitVectors, dimension: dimension, into: $0)
        }
        coarse.unitVectors.append(contentsOf: vector)
      }
      unit += 2
    }
    return coarse
  }

  /// The multiset union of two id-sorted lists (counts added).
  static func merge(
    _ first: ArraySlice<FeatureEntry>, _ second: ArraySlice<FeatureEntry>, same: Bool,
    into result: inout [FeatureEntry]
  ) {
    if same {
      result.append(contentsOf: first)
      return
    }
    var i = first.startIndex
    var j = second.startIndex
    while i < first.endIndex && j < second.endIndex {
      let a = first[i]
      let b = second[j]
      if a.id < b.id {
        result.append(a)
        i += 1
      } else if b.id < a.id {
        result.append(b)
        j += 1
      } else {
        result.append(FeatureEntry(id: a.id, count: a.count + b.count, weight: a.weight))
        i += 1
        j += 1
      }
    }
    result.append(contentsOf: first[i...])
    result.append(contentsOf: second[j...])
  }
}

/// The merged features of runs of 1 to 4 consecutive units, indexed by where the run ends: what a
/// bead covers on one side.
struct Spans: Sendable {
  static let maximumLength = 4
  var entries: [FeatureEntry] = []
  /// Slot `(end - firstEnd) * 4 + length - 1` → range in `entries` of the run
  /// `end - length ..< end`.
  var ranges: [Range<Int>] = []
  var masses: [Double] = []
  var lengths: [Double] = []
  var sentenceCounts: [Int] = []
  /// Paragraph changes inside the run.
  var crossings: [Int] = []
  /// `vectors[slot * d ..< (slot + 1) * d]`: the run's L2-normalised vector (its own when the
  /// run was embedded as one text, else the normalised sum of its units'); empty without meaning.
  var vectors: [Float] = []
  let dimension: Int
  private var merged: [FeatureEntry] = []

  /// The runs ending at each of `ends` (all positions `0...units.count` by default).
  init(_ units: AlignmentUnits, ends: ClosedRange<Int>? = nil) {
    let ends = ends ?? 0...units.count
    let slots = ends.count * Self.maximumLength
    ranges = Array(repeating: 0..<0, count: slots)
    masses = Array(repeating: 0, count: slots)
    lengths = Array(repeating: 0, count: slots)
    sentenceCounts = Array(repeating: 0, count: slots)
    crossings = Array(repeating: 0, count: slots)
    dimension = units.dimension
    vectors = Array(repeating: 0, count: slots * dimension)
    for end in ends where end >= 1 {
      appendRuns(of: units, endingAt: end, slotBase: (end - ends.lowerBound) * Self.maximumLength)
    }
  }

  /// The vector of the run of `runLength` units ending at `end` into `slot`.
  private mutating func setVector(
    of units: AlignmentUnits, endingAt end: Int, runLength: Int, slot: Int
  ) {
    guard let meaning = units.meaning else { return }
    let first = units.firstSentence[end - runLength]
    let sentences = first..<units.firstSentence[end - 1] + units.sentenceCounts[end - 1]
    let d = dimension
    vectors.withUnsafeMutableBufferPointer { all in
      let output = UnsafeMutableBufferPointer(rebasing: all[slot * d..<(slot + 1) * d])
      if meaning.copyOwnVector(of: sentences, into: output) { return }
      SentenceVectors.normalizedSum(
        of: end - runLength..<end, in: units.unitVectors, dimension: d, into: output)
    }
  }

  private mutating func appendRuns(of units: AlignmentUnits, endingAt end: Int, slotBase: Int) {
    let last = end - 1
    var start = entries.count
    entries.append(contentsOf: units.entries[units.offsets[last]..<units.offsets[last + 1]])
    var lastRange = start..<entries.count
    var mass = units.masses[last]
    var length = units.lengths[last]
    var sentences = units.sentenceCounts[last]
    var crossing = 0
    for runLength in 1...Self.maximumLength where end - runLength >= 0 {
      if runLength > 1 {
        let added = end - runLength
        merged.removeAll(keepingCapacity: true)
        AlignmentUnits.merge(
          units.entries[units.offsets[added]..<units.offsets[added + 1]], entries[lastRange],
          same: false, into: &merged)
        start = entries.count
        entries.append(contentsOf: merged)
        lastRange = start..<entries.count
        mass += units.masses[added]
        length += units.lengths[added]
        sentences += units.sentenceCounts[added]
        if units.lastParagraph[added] != units.firstParagraph[added + 1] { crossing += 1 }
      }
      let slot = slotBase + runLength - 1
      ranges[slot] = lastRange
      masses[slot] = mass
      lengths[slot] = length
      sentenceCounts[slot] = sentences
      crossings[slot] = crossing
      setVector(of: units, endingAt: end, runLength: runLength, slot: slot)
    }
  }
}

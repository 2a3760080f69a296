/// A second look, word by word, at the sentences the search left unaligned or joined.
///
/// The search scores whole beads, so a sentence whose content is in its neighbour's translation can
/// still come out as an omission when joining it would make the bead's length unusual: "EU leaders
/// decided … after hours of deliberations at a European Council summit" renders two German
/// sentences in one short English one. The repair asks what the unaligned sentence explains that
/// nothing else does: the words of the neighbouring bead's other side that it translates (or shares
/// an anchor with) and that the bead's own sentences do not account for. When at least
/// `minimumSupport` of its evidence items do, and they are at least `minimumShare` of them, the
/// sentence joins that bead. A true omission explains nothing its neighbour's source does not.
///
/// The same evidence, or the vectors, split a 2-2 bead whose sentences pair off side by side
/// (`unpaired`).
///
/// With sentence vectors, meaning has the last word on a join: the sentence joins only when the
/// bead's side with it is about as close in meaning to the other side as without it, or closer. An
/// omitted sentence that shares a name or two with its neighbour pulls the neighbour's meaning
/// away from its translation; a sentence the translation merged in brings it closer. The same
/// test, the other way round, sets apart a sentence the search joined (`detached`), a sentence
/// at the boundary of two beads goes to the one whose other side it is closer to (`shifted`), and
/// two sentences paired with nothing in common are parted (`separated`).
///
/// The thresholds are set on the Text+Berg dev split and its synthetic stress sets: `bitext eval
/// alignment --synthetic 5` gives the same figures for every share from 0.15 to 0.3, and for the
/// split every minimum support from 1 to 8.
struct BeadRepair {
  var minimumSupport = 2
  var minimumShare = 0.2
  /// A stem in more than this share of a document's sentences (and in more than three) is a
  /// function word: it explains nothing.
  var commonShare = 0.2
  /// How far (in cosine) a join that the words support may move a bead's side away from its
  /// translation: the noise of small sentence vectors. At 0, "EU leaders decided … after hours of
  /// deliberations" is refused the German sentence it compresses (`Fixtures/corpus/enlargement`);
  /// at 0.02 the German–English stress set still finds the same omissions.
  var meaningTolerance: Float = 0.02

  private let source: [SentenceEvidence]
  private let target: [SentenceEvidence]
  /// The lexicon's pairs whose two words are in the two documents, both ways.
  private let forward: [String: Set<String>]
  private let backward: [String: Set<String>]
  private let commonSource: Set<String>
  private let commonTarget: Set<String>
  private let vectors: (source: SentenceVectors, target: SentenceVectors)?

  init(
    source: [SentenceEvidence], target: [SentenceEvidence], lexicon: BilingualLexicon,
    vectors: (source: SentenceVectors, target: SentenceVectors)? = nil
  ) {
    self.source = source
    self.target = target
    self.vectors = vectors
    let targetWords = Set(target.flatMap(\.stems))
    var forward: [String: Set<String>] = [:]
    var backward: [String: Set<String>] = [:]
    for word in Set(source.flatMap(\.stems)) {
      for translation in lexicon.targets(of: word) where targetWords.contains(translation) {
        forward[word, default: []].insert(translation)
        backward[translation, default: []].insert(word)
      }
    }
    self.forward = forward
    self.backward = backward
    commonSource = Self.commonStems(source, share: commonShare)
    commonTarget = Self.commonStems(target, share: commonShare)
  }

  private static func commonStems(_ sentences: [SentenceEvidence], share: Double) -> Set<String> {
    var frequency: [String: Int] = [:]
    for sentence in sentences {
      for stem in sentence.stems { frequency[stem, default: 0] += 1 }
    }
    let limit = max(3, Int(share * Double(sentences.count)))
    return Set(frequency.filter { $0.value > limit }.keys)
  }

  /// `beads` (in order) with each omitted or added sentence joined to the neighbouring bead that
  /// renders it, the better supported neighbour when both do.
  func repaired(_ beads: [AlignmentBead]) -> [AlignmentBead] {
    var result: [AlignmentBead] = []
    result.reserveCapacity(beads.count)
    var index = 0
    while index < beads.count {
      let bead = beads[index]
      let next = index + 1 < beads.count ? beads[index + 1] : nil
      guard bead.source.count + bead.target.count == 1,
        let side = bestNeighbour(of: bead, before: result.last, after: next)
      else {
        result.append(bead)
        index += 1
        continue
      }
      if side == .before {
        result[result.count - 1] = Self.joined(result[result.count - 1], bead)
        index += 1
      } else {
        result.append(Self.joined(bead, next!))
        index += 2
      }
    }
    return result
  }

  /// One bead of two adjacent ones.
  private static func joined(_ first: AlignmentBead, _ second: AlignmentBead) -> AlignmentBead {
    AlignmentBead(
      source: min(first.source.lowerBound, second.source.lowerBound)
        ..< max(first.source.upperBound, second.source.upperBound),
      target: min(first.target.lowerBound, second.target.lowerBound)
        ..< max(first.target.upperBound, second.target.upperBound),
      confidence: min(first.confidence, second.confidence))
  }

  /// `beads` with each 2-2 bead split into two 1-1 beads when neither first sentence shares
  /// evidence with the other side's second sentence and the pairs share at least `minimumSupport`
  /// items, or, with vectors, when the sentences pair off side by side in meaning
  /// (`pairsOffInMeaning`): two translations side by side, which the search joined because one
  /// pair says little.
  func unpaired(_ beads: [AlignmentBead]) -> [AlignmentBead] {
    beads.flatMap { bead -> [AlignmentBead] in
      guard bead.source.count == 2, bead.target.count == 2 else { return [bead] }
      let (first, second) = (bead.source.lowerBound, bead.target.lowerBound)
      let (a, b) = (source[first], source[first + 1])
      let (x, y) = (target[second], target[second + 1])
      guard
        (shared(a, y) == 0 && shared(b, x) == 0 && shared(a, x) + shared(b, y) >= minimumSupport)
          || pairsOffInMeaning(source: first, target: second)
      else { return [bead] }
      return [
        AlignmentBead(
          source: first..<first + 1, target: second..<second + 1, confidence: bead.confidence),
        AlignmentBead(
          source: first + 1..<first + 2, target: second + 1..<second + 2,
          confidence: bead.confidence),
      ]
    }
  }

  /// Whether the 2-2 bead of source sentences `source`, `source + 1` and target sentences
  /// `target`, `target + 1` pairs off side by side in meaning: each straight pair is closer than
  /// either crossed pair by more than twice `meaningTolerance` (a difference of two cosines, each
  /// as noisy as one). A bead that the translation really merged carries content across its
  /// sentence boundary, so its crossed pairs are about as close as its straight ones: on Text+Berg
  /// dev the gold 2-2 beads' straight pairs lead by 0.025 at most but for two, and neighbouring
  /// 1-1 beads' by 0.078 in the median. False without vectors.
  private func pairsOffInMeaning(source s: Int, target t: Int) -> Bool {
    guard vectors != nil else { return false }
    let straight = min(cosine(source: s, target: t), cosine(source: s + 1, target: t + 1))
    let crossed = max(cosine(source: s, target: t + 1), cosine(source: s + 1, target: t))
    return straight - crossed > 2 * meaningTolerance
  }

  /// The cosine of the vectors of source sentence `s` and target sentence `t` (vectors needed).
  private func cosine(source s: Int, target t: Int) -> Float {
    vectors!.source.cosine(s..<s + 1, t..<t + 1, of: vectors!.target)
  }

  /// `beads` with sentences at the start or end of a merged side set apart (each as an omission or
  /// an addition) when nothing speaks for them: none of their evidence items is found in the other
  /// side beyond what the bead's other sentences account for, and without them the bead's side is
  /// closer in meaning to the other side by more than `meaningTolerance`, the noise of the vectors.
  /// A run of such sentences goes together: two lines of scanner debris and a photo caption after
  /// a sentence pull its bead's meaning away only as a whole, not one by one. Repeated while
  /// something is set apart. Needs vectors; without them, `beads` unchanged.
  ///
  /// The search joins such a sentence to a neighbour whenever that costs less than leaving it
  /// alone, and a sentence with no counterpart seldom makes a bead much dearer: on the
  /// German–English stress set (never tuned on) this finds 81 % of the omissions and 85 % of the
  /// additions instead of 75 % and 77 %, at the same strict F1 on Text+Berg dev.
  func detached(_ beads: [AlignmentBead]) -> [AlignmentBead] {
    guard vectors != nil else { return beads }
    var beads = beads
    while true {
      let next = beads.flatMap(setApart)
      if next.count == beads.count { return beads }
      beads = next
    }
  }

  /// `bead` as `detached` leaves it after one look: itself, or the bead without a run of
  /// sentences at one end of one side and each of those sentences alone, in order.
  private func setApart(_ bead: AlignmentBead) -> [AlignmentBead] {
    guard let vectors else { return [bead] }
    guard !bead.source.isEmpty, !bead.target.isEmpty,
      bead.source.count >= 2 || bead.target.count >= 2
    else { return [bead] }
    let whole = vectors.source.cosine(bead.source, bead.target, of: vectors.target)
    var best: (gain: Float, parts: [AlignmentBead])?
    for onSource in [true, false] {
      let side = onSource ? bead.source : bead.target
      let other = onSource ? bead.target : bead.source
      for atStart in [true, false] {
        for length in 1..<side.count {
          let members = atStart ? side.prefix(length) : side.suffix(length)
          let rest = atStart ? side.dropFirst(length) : side.dropLast(length)
          let unsupported = members.allSatisfy {
            support(of: $0, onSource: onSource, in: other, besides: rest).count == 0
          }
          // A longer run cannot be unsupported when a shorter one is not.
          guard unsupported else { break }
          let cosine =
            onSource
            ? vectors.source.cosine(rest, bead.target, of: vectors.target)
            : vectors.target.cosine(rest, bead.source, of: vectors.source)
          let gain = cosine - whole
          guard gain > meaningTolerance, gain > (best?.gain ?? -.infinity) else { continue }
          // The empty side of each sentence set apart sits where it does: before the bead or
          // after it.
          let end = atStart ? other.lowerBound : other.upperBound
          let alone = members.map { member in
            onSource
              ? AlignmentBead(
                source: member..<member + 1, target: end..<end, confidence: bead.confidence)
              : AlignmentBead(
                source: end..<end, target: member..<member + 1, confidence: bead.confidence)
          }
          let kept =
            onSource
            ? AlignmentBead(source: rest, target: bead.target, confidence: bead.confidence)
            : AlignmentBead(source: bead.source, target: rest, confidence: bead.confidence)
          best = (gain, atStart ? alone + [kept] : [kept] + alone)
        }
      }
    }
    return best?.parts ?? [bead]
  }

  /// `beads` with each 1-1 bead split into an omission and an addition when its two sentences
  /// have nothing in common and are no closer in meaning to each other than to the sentences up to
  /// two places around the other (a margin of at most 0): an omitted sentence beside an added one,
  /// which the search pairs because leaving both alone costs more. A translation is the closest
  /// of its neighbourhood: on Text+Berg dev 2 of 246 gold 1-1 beads have no margin, on the
  /// German–English dev text 3 of 450. "Nothing in common" is fewer than `minimumSupport` shared
  /// evidence items, the bar a join must clear. Needs vectors; without them, `beads` unchanged.
  ///
  /// On the German–English stress set this finds 83 % of the omissions and 87 % of the additions
  /// instead of 81 % and 85 %; on Text+Berg dev it parts one bead, already wrong (a list of book
  /// titles), which costs 0.001 of strict F1.
  func separated(_ beads: [AlignmentBead]) -> [AlignmentBead] {
    guard vectors != nil else { return beads }
    return beads.flatMap { bead -> [AlignmentBead] in
      guard bead.source.count == 1, bead.target.count == 1 else { return [bead] }
      let (s, t) = (bead.source.lowerBound, bead.target.lowerBound)
      guard shared(source[s], target[t]) < minimumSupport else { return [bead] }
      let around =
        (max(0, t - 2)..<min(target.count, t + 3)).filter { $0 != t }
        .map { cosine(source: s, target: $0) }
        + (max(0, s - 2)..<min(source.count, s + 3)).filter { $0 != s }
        .map { cosine(source: $0, target: t) }
      guard let closest = around.max(), cosine(source: s, target: t) <= closest else {
        return [bead]
      }
      return [
        AlignmentBead(source: bead.source, target: t..<t, confidence: bead.confidence),
        AlignmentBead(source: s + 1..<s + 1, target: bead.target, confidence: bead.confidence),
      ]
    }
  }

  /// `beads` with a sentence at the boundary of two neighbouring beads moved to the other bead when
  /// it is closer in meaning to that bead's other side than to its own bead's, by more than twice
  /// `meaningTolerance` (a difference of two cosines); closeness to a side is the cosine with its
  /// closest sentence. The side it leaves keeps at least one sentence. Needs vectors; without
  /// them, `beads` unchanged.
  ///
  /// The search places a boundary by the beads' whole vectors and lengths, and a short sentence
  /// ("Morawec- H. Willenpart .", the end of a list the scanner split) can tip either way.
  func shifted(_ beads: [AlignmentBead]) -> [AlignmentBead] {
    guard vectors != nil else { return beads }
    /// The cosine of sentence `index` of the source (`onSource`) or the target with the closest
    /// sentence of `bead`'s other side.
    func closeness(_ index: Int, onSource: Bool, to bead: AlignmentBead) -> Float {
      onSource
        ? bead.target.map { cosine(source: index, target: $0) }.max()!
        : bead.source.map { cosine(source: $0, target: index) }.max()!
    }
    var beads = beads
    for index in beads.indices.dropLast() {
      let (a, b) = (beads[index], beads[index + 1])
      guard !a.source.isEmpty, !a.target.isEmpty, !b.source.isEmpty, !b.target.isEmpty else {
        continue
      }
      var best: (gain: Float, first: AlignmentBead, second: AlignmentBead)?
      for onSource in [true, false] {
        let (sideA, sideB) = onSource ? (a.source, b.source) : (a.target, b.target)
        // Forward: the last sentence of `a`'s side goes to `b`; else the first of `b`'s to `a`.
        for forward in [true, false] {
          guard (forward ? sideA : sideB).count >= 2 else { continue }
          let moved = forward ? sideA.upperBound - 1 : sideB.lowerBound
          let gain =
            closeness(moved, onSource: onSource, to: forward ? b : a)
            - closeness(moved, onSource: onSource, to: forward ? a : b)
          guard gain > 2 * meaningTolerance, gain > (best?.gain ?? -.infinity) else { continue }
          let boundary = forward ? moved : moved + 1
          let (newA, newB) = (sideA.lowerBound..<boundary, boundary..<sideB.upperBound)
          best = (
            gain,
            AlignmentBead(
              source: onSource ? newA : a.source, target: onSource ? a.target : newA,
              confidence: a.confidence),
            AlignmentBead(
              source: onSource ? newB : b.source, target: onSource ? b.target : newB,
              confidence: b.confidence)
          )
        }
      }
      if let best {
        beads[index] = best.first
        beads[index + 1] = best.second
      }
    }
    return beads
  }

  /// The evidence items of source sentence `s` (translatable words that are not common, anchors)
  /// found in target sentence `t`.
  private func shared(_ s: SentenceEvidence, _ t: SentenceEvidence) -> Int {
    let stems = Set(t.stems)
    var count = 0
    for word in s.stems where !commonSource.contains(word) {
      if let translations = forward[word], !translations.isDisjoint(with: stems) { count += 1 }
    }
    let anchors = Set(t.anchors)
    return count + s.anchors.filter { anchors.contains($0) }.count
  }

  private enum Side { case before, after }

  /// Which of the beads before and after the unaligned `bead` it should join, if any.
  private func bestNeighbour(
    of bead: AlignmentBead, before: AlignmentBead?, after: AlignmentBead?
  ) -> Side? {
    var best: (side: Side, support: Int)?
    for (side, other) in [(Side.before, before), (.after, after)] {
      guard let other, !other.source.isEmpty, !other.target.isEmpty else { continue }
      let onSource = bead.target.isEmpty
      let support = self.support(
        of: onSource ? bead.source.lowerBound : bead.target.lowerBound, onSource: onSource,
        in: onSource ? other.target : other.source, besides: onSource ? other.source : other.target)
      if isEnough(support), support.count > (best?.support ?? 0),
        meaningAllows(joining: bead, to: other)
      {
        best = (side, support.count)
      }
    }
    return best?.side
  }

  /// Without vectors, true; with them, whether `bead`'s one sentence brings `other`'s side closer
  /// (or no further) in meaning to `other`'s other side.
  private func meaningAllows(joining bead: AlignmentBead, to other: AlignmentBead) -> Bool {
    guard let vectors else { return true }
    func span(_ a: Range<Int>, _ b: Range<Int>) -> Range<Int> {
      min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }
    if bead.target.isEmpty {
      let before = vectors.source.cosine(other.source, other.target, of: vectors.target)
      let after = vectors.source.cosine(
        span(other.source, bead.source), other.target, of: vectors.target)
      return after >= before - meaningTolerance
    }
    let before = vectors.target.cosine(other.target, other.source, of: vectors.source)
    let after = vectors.target.cosine(
      span(other.target, bead.target), other.source, of: vectors.source)
    return after >= before - meaningTolerance
  }

  private func isEnough(_ support: (count: Int, items: Int)) -> Bool {
    support.count >= minimumSupport && Double(support.count) >= minimumShare * Double(support.items)
  }

  /// `support(of:in:besides:translate:common:)` for sentence `index` of the source (`onSource`)
  /// or the target, found in sentences `others` of the other side and not accounted for by
  /// sentences `besides` of its own.
  private func support(of index: Int, onSource: Bool, in others: Range<Int>, besides: Range<Int>)
    -> (count: Int, items: Int)
  {
    onSource
      ? support(
        of: source[index], in: others.map { target[$0] }, besides: besides.map { source[$0] },
        translate: { forward[$0] ?? [] }, common: (commonSource, commonTarget))
      : support(
        of: target[index], in: others.map { source[$0] }, besides: besides.map { target[$0] },
        translate: { backward[$0] ?? [] }, common: (commonTarget, commonSource))
  }

  /// How many of `sentence`'s evidence items (words that are not common and that the lexicon
  /// translates into a word of the other document, anchors) are found in `others` and not
  /// accounted for by `besides`, their counterparts; and how many items it has.
  private func support(
    of sentence: SentenceEvidence, in others: [SentenceEvidence], besides: [SentenceEvidence],
    translate: (String) -> Set<String>, common: (own: Set<String>, other: Set<String>)
  ) -> (count: Int, items: Int) {
    var unexplained = Set(others.flatMap(\.stems)).subtracting(common.other)
    for word in besides.flatMap(\.stems) { unexplained.subtract(translate(word)) }
    var words = 0
    var count = 0
    for word in sentence.stems where !common.own.contains(word) {
      let translations = translate(word)
      guard !translations.isEmpty else { continue }
      words += 1
      if !translations.isDisjoint(with: unexplained) { count += 1 }
    }
    var anchors = Set(others.flatMap(\.anchors))
    anchors.subtract(besides.flatMap(\.anchors))
    count += sentence.anchors.filter { anchors.contains($0) }.count
    return (count, words + sentence.anchors.count)
  }
}

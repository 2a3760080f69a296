/// The glossary checks over an alignment: term-missing, forbidden-term, inconsistent-rendering.
///
/// Conservative by design (a false alarm costs a reviewer's time):
/// - only whole-word occurrences of a source term count (`TermMatch.Kind.isWholeWord`): a term
///   inside a closed compound ("Haus" in "Krankenhaus") is often rendered by another word;
/// - one finding per glossary entry and bead, however often the term occurs in it; entries that
///   share the occurrence (the same source term) are satisfied by any of their renderings;
/// - `forbidden-term` replaces `term-missing` when a deprecated or superseded rendering of the
///   entry is there (and is not part of an accepted rendering of another entry, as "speaker" is
///   part of "Speaker of the House");
/// - `inconsistent-rendering` compares the accepted renderings of each entry across beads, one
///   finding per entry: it is reported when two beads use disjoint sets of renderings, ignoring
///   spelling (case, hyphens, periods, spaces) and acronyms ("U.S." next to "United States"), and
///   ignoring beads that already have a finding for the entry.
struct TerminologyChecker {
  let text: AlignedText
  let finder: TermRenderingFinder
  let severities: [Finding.Kind: Finding.Severity]
  /// Beads whose target side is not checked (untranslated).
  let skippedBeads: Set<Int>

  init(
    text: AlignedText, finder: TermRenderingFinder, severities: [Finding.Kind: Finding.Severity],
    skippedBeads: Set<Int>
  ) {
    self.text = text
    self.finder = finder
    self.severities = severities
    self.skippedBeads = skippedBeads
  }

  /// Accepted target-term matches: (target sentence, UTF-8 range).
  private var targetAccepted: [(sentence: Int, range: Range<Int>)] = []

  /// The findings; `progress` advances by one per target and per source sentence (term matching,
  /// the bulk of the work).
  mutating func findings(progress: inout ProgressCounter) -> [Finding] {
    let targetMatches = finder.targetMatches(progress: &progress)
    for (sentence, matches) in targetMatches.enumerated() {
      for match in matches where finder.targetTerms[match.termID].status.isAccepted {
        targetAccepted.append((sentence, match.utf8Range))
      }
    }
    let occurrences = finder.occurrences(targetMatches: targetMatches, progress: &progress).filter {
      $0.kind.isWholeWord && $0.entryID != nil && !skippedBeads.contains($0.bead)
    }
    var findings: [Finding] = []
    var flagged: Set<[String]> = []  // [bead, entry id]
    // Group the occurrences of a bead by source range: entries sharing one occurrence.
    let byBead = Dictionary(grouping: occurrences) { $0.bead }
    for bead in byBead.keys.sorted() {
      let inBead = byBead[bead]!
      let byRange = Dictionary(grouping: inBead) {
        [$0.sourceRange.lowerBound, $0.sourceRange.upperBound]
      }
      let ranges = byRange.keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
      // An entry is satisfied in a bead when any occurrence of it there has an accepted rendering.
      let satisfied = Set(
        inBead.filter { $0.renderings.contains(where: Self.isAccepted) }.compactMap(\.entryID))
      for range in ranges {
        let sharing = byRange[range]!
        let ids = sharing.compactMap(\.entryID)
        if ids.contains(where: satisfied.contains) { continue }
        guard !ids.contains(where: { flagged.contains([String(bead), $0]) }) else { continue }
        for id in ids { flagged.insert([String(bead), id]) }
        // The entries' renderings anywhere in the bead (occurrences share them out).
        let renderings = inBead.filter { ids.contains($0.entryID ?? "") }.flatMap(\.renderings)
        if let finding = finding(for: sharing, renderings: renderings) {
          findings.append(finding)
        }
      }
    }
    findings += inconsistencies(occurrences, flagged: flagged)
    return findings
  }

  static func isAccepted(_ rendering: TermRendering) -> Bool {
    rendering.origin == .glossary && rendering.status?.isAccepted == true
  }

  // MARK: - Missing and forbidden

  private func entry(_ id: String?) -> GlossaryEntry? {
    finder.glossary.entries.first { $0.id == id }
  }

  /// The accepted target terms of the entries, preferred ones first, without repeats.
  private func expected(_ occurrences: [TermOccurrence]) -> [String] {
    var terms: [String] = []
    for occurrence in occurrences {
      guard let entry = entry(occurrence.entryID) else { continue }
      let accepted = entry.acceptedTerms(in: text.targetLanguage).sorted { $0.status < $1.status }
      for term in accepted where !terms.contains(term.text) { terms.append(term.text) }
    }
    return terms
  }

  /// The finding for an occurrence that entries share, none of whose accepted renderings is in
  /// the bead; `renderings`: those of the entries in the bead.
  private func finding(for sharing: [TermOccurrence], renderings: [TermRendering]) -> Finding? {
    let first = sharing[0]
    let expected = expected(sharing)
    guard !expected.isEmpty else { return nil }
    // Accepted renderings of other entries in the bead: a deprecated term inside one is not used.
    let acceptedElsewhere = acceptedRanges(inBead: first.bead)
    let forbidden = renderings.filter { rendering in
      rendering.origin == .glossary && rendering.status?.isAccepted == false
        && !acceptedElsewhere.contains {
          $0.count > rendering.targetRange.count && $0.contains(rendering.targetRange.lowerBound)
            && $0.upperBound >= rendering.targetRange.upperBound
        }
    }
    let kind: Finding.Kind
    let message: String
    let found: [String]
    let targetRange: Range<Int>?
    if !forbidden.isEmpty {
      kind = .forbiddenTerm
      found = unique(forbidden.map(\.text))
      targetRange = forbidden[0].targetRange
      message =
        "\(quoted(first.term)) rendered as \(quoted(found[0])), which the glossary forbids; "
        + "use \(quotedList(expected))"
    } else {
      kind = .termMissing
      let instead = renderings.filter { $0.origin != .glossary }
      found = unique(instead.map(\.text))
      targetRange = instead.first?.targetRange ?? text.targetRange(of: firstBead(first).target)
      message =
        "\(quoted(first.term)) should be \(quotedList(expected))"
        + (found.isEmpty ? "" : ", found \(quotedList(found))")
    }
    return Finding(
      kind: kind, severity: severities[kind]!, sourceSentences: first.sourceSentences,
      targetSentences: first.targetSentences, sourceRange: first.sourceRange,
      targetRange: targetRange, term: first.term, expected: expected, found: found,
      message: message)
  }

  private func firstBead(_ occurrence: TermOccurrence) -> AlignmentBead {
    text.alignment.beads[occurrence.bead]
  }

  private func acceptedRanges(inBead bead: Int) -> [Range<Int>] {
    // Every accepted glossary rendering of any entry in the bead's target sentences.
    let targets = text.alignment.beads[bead].target
    return targetAccepted.filter { targets.contains($0.sentence) }.map(\.range)
  }

  // MARK: - Consistency

  private func inconsistencies(_ occurrences: [TermOccurrence], flagged: Set<[String]>)
    -> [Finding]
  {
    var findings: [Finding] = []
    let byEntry = Dictionary(grouping: occurrences) { $0.entryID! }
    let order = finder.glossary.entries.map(\.id)
    for id in order {
      guard let list = byEntry[id] else { continue }
      // Per bead: the spelling-neutral keys of the accepted, non-acronym renderings used.
      var beadRenderings: [Int: Set<String>] = [:]
      var names: [String: String] = [:]
      for occurrence in list where !flagged.contains([String(occurrence.bead), id]) {
        for rendering in occurrence.renderings
        where Self.isAccepted(rendering) && !rendering.isAcronym {
          let key = Self.spellingKey(rendering.name)
          beadRenderings[occurrence.bead, default: []].insert(key)
          if names[key] == nil { names[key] = rendering.name }
        }
      }
      let beads = beadRenderings.keys.sorted()
      let disjoint = beads.contains { first in
        beads.contains { second in
          first < second && beadRenderings[first]!.isDisjoint(with: beadRenderings[second]!)
        }
      }
      guard disjoint else { continue }
      // The main rendering: used in most beads (glossary order breaks ties).
      var usage: [String: [Int]] = [:]
      for bead in beads {
        for key in beadRenderings[bead]! { usage[key, default: []].append(bead) }
      }
      let glossaryOrder = (entry(id)?.terms(in: text.targetLanguage) ?? []).map {
        Self.spellingKey($0.text)
      }
      let keys = usage.keys.sorted {
        if usage[$0]!.count != usage[$1]!.count { return usage[$0]!.count > usage[$1]!.count }
        return (glossaryOrder.firstIndex(of: $0) ?? .max, $0) < (
          glossaryOrder.firstIndex(of: $1) ?? .max, $1
        )
      }
      let main = keys[0]
      let deviating = beads.filter { !beadRenderings[$0]!.contains(main) }
      let beadList = text.alignment.beads
      let sourceSentences = deviating.flatMap { Array(beadList[$0].source) }
      let targetSentences = deviating.flatMap { Array(beadList[$0].target) }
      let firstDeviation = list.first { $0.bead == deviating[0] }!
      let inDeviatingBead = list.filter { $0.bead == deviating[0] }.flatMap(\.renderings)
      let deviatingRendering = inDeviatingBead.first {
        Self.isAccepted($0) && !$0.isAcronym && Self.spellingKey($0.name) != main
      }
      let term = mostFrequent(list.map(\.term))
      let described = keys.map { key in
        let sentences = usage[key]!.flatMap { Array(beadList[$0].source) }
        return "\(quoted(names[key]!)) (\(sentencesText(sentences)))"
      }
      findings.append(
        Finding(
          kind: .inconsistentRendering, severity: severities[.inconsistentRendering]!,
          sourceSentences: sourceSentences, targetSentences: targetSentences,
          sourceRange: firstDeviation.sourceRange, targetRange: deviatingRendering?.targetRange,
          term: term, expected: [names[main]!],
          found: keys.dropFirst().map { names[$0]! },
          message: "\(quoted(term)) rendered \(keys.count) ways: "
            + described.joined(separator: ", ")
        ))
    }
    return findings
  }

  /// A rendering's name without case, hyphens, periods and spaces: spelling variants meet.
  static func spellingKey(_ name: String) -> String {
    String(TextNormalizer().key(name).filter { !"-. '".contains($0) })
  }

  private func mostFrequent(_ terms: [String]) -> String {
    var counts: [String: Int] = [:]
    for term in terms { counts[term, default: 0] += 1 }
    return terms.first { counts[$0] == counts.values.max() } ?? terms[0]
  }
}

// MARK: - Message helpers

func quoted(_ text: String) -> String { "\"\(text)\"" }

func quotedList(_ texts: [String]) -> String {
  switch texts.count {
  case 0: ""
  case 1: quoted(texts[0])
  default: texts.dropLast().map(quoted).joined(separator: ", ") + " or " + quoted(texts.last!)
  }
}

func sentencesText(_ sentences: [Int]) -> String {
  let list = unique(sentences).sorted()
  return (list.count == 1 ? "sentence " : "sentences ")
    + list.map(String.init).joined(separator: ", ")
}

func unique<T: Hashable>(_ values: [T]) -> [T] {
  var seen: Set<T> = []
  return values.filter { seen.insert($0).inserted }
}

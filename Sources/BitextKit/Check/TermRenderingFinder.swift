/// Finds every occurrence of the glossary's (or tracked) source terms in the aligned source text
/// and the renderings in the aligned target sentences: what `bitext terms` prints and what the
/// terminology checks judge.
///
/// Source terms are matched with the longest-match rule; target terms are all matched, overlapping
/// or not, so that "Kremlin" (entry Kreml) is seen inside "Kremlin spokesman". Dictionary
/// renderings (Ding) are looked up when an occurrence has no glossary rendering: target words whose
/// stems the dictionary gives for the term's words. Tracked terms (no glossary entry) also get
/// co-occurrence renderings: target words found in at least two of the term's beads and in few
/// others (Dice coefficient ≥ 0.5).
struct TermRenderingFinder {
  let text: AlignedText
  let glossary: Glossary
  /// German stem → English stems (the dictionary); may be empty.
  let lexicon: BilingualLexicon
  /// Source terms without a glossary entry to follow through the text.
  let tracked: [String]

  /// A term of the index and where it comes from.
  struct IndexedTerm {
    var text: String
    var entry: Int?
    var status: TermStatus
    var isCaseSensitive: Bool
  }

  /// The glossary's (and the tracked) terms, compiled.
  let index: GlossaryIndex
  var sourceTerms: [IndexedTerm] { index.sourceTerms }
  var targetTerms: [IndexedTerm] { index.targetTerms }

  /// - Parameter index: the glossary compiled for the text's languages, when the caller has it
  ///   (used only without tracked terms); else it is built here.
  init(
    text: AlignedText, glossary: Glossary, lexicon: BilingualLexicon, tracked: [String] = [],
    index: GlossaryIndex? = nil
  ) {
    self.text = text
    self.glossary = glossary
    self.lexicon = lexicon
    self.tracked = tracked
    if let index, tracked.isEmpty, index.sourceLanguage == text.sourceLanguage,
      index.targetLanguage == text.targetLanguage, index.entryCount == glossary.entries.count
    {
      self.index = index
    } else {
      self.index = GlossaryIndex(
        glossary: glossary, sourceLanguage: text.sourceLanguage,
        targetLanguage: text.targetLanguage, tracked: tracked)
    }
  }

  // MARK: - Matching

  /// Matches of the source terms in each source sentence (longest match wins); one progress unit
  /// per sentence.
  func sourceMatches(progress: inout ProgressCounter) -> [[TermMatch]] {
    let matcher = TermMatcher(index: index.source)
    var matches: [[TermMatch]] = []
    matches.reserveCapacity(text.sourceTokens.count)
    for tokens in text.sourceTokens {
      matches.append(matcher.matches(in: tokens, bytes: text.source.utf8))
      progress.advance()
    }
    return matches
  }

  /// Matches of the target terms in each target sentence (all of them, overlapping or not); one
  /// progress unit per sentence.
  func targetMatches(progress: inout ProgressCounter) -> [[TermMatch]] {
    let matcher = TermMatcher(index: index.target)
    matcher.resolvesOverlaps = false
    var matches: [[TermMatch]] = []
    matches.reserveCapacity(text.targetTokens.count)
    for tokens in text.targetTokens {
      matches.append(matcher.matches(in: tokens, bytes: text.target.utf8))
      progress.advance()
    }
    return matches
  }

  // MARK: - Occurrences

  /// Every occurrence of a source term in a bead with both sides, with its renderings, in text
  /// order.
  ///
  /// - Parameters:
  ///   - targetMatches: `targetMatches(progress:)`, when the caller has it already.
  ///   - progress: advanced by `sourceMatches(progress:)` (and `targetMatches(progress:)`).
  func occurrences(
    targetMatches: [[TermMatch]]? = nil, progress: inout ProgressCounter
  ) -> [TermOccurrence] {
    let sourceMatches = sourceMatches(progress: &progress)
    let targetMatches = targetMatches ?? self.targetMatches(progress: &progress)
    let sourceStemmer = Stemmer(language: text.sourceLanguage)
    let targetStemmer = Stemmer(language: text.targetLanguage)
    var occurrences: [TermOccurrence] = []
    for (beadIndex, bead) in text.alignment.beads.enumerated()
    where !bead.source.isEmpty && !bead.target.isEmpty {
      let found = bead.source.flatMap { sourceMatches[$0] }
      guard !found.isEmpty else { continue }
      let renderings = bead.target.flatMap { targetMatches[$0] }
      let entriesInBead = Set(found.compactMap { sourceTerms[$0.termID].entry })
      // Target words that render another source term of the bead are not this term's.
      let claimed = renderings.filter {
        guard let entry = targetTerms[$0.termID].entry else { return false }
        return entriesInBead.contains(entry)
      }
      // Lazy: a bead can be a whole document (a text without sentence ends), its words not copied.
      let targetWords = bead.target.lazy.flatMap { text.targetTokens[$0] }.filter {
        $0.kind == .word
      }
      // Renderings are found once per term and shared out among its occurrences (`share`).
      let counts = Dictionary(found.map { ($0.termID, 1) }, uniquingKeysWith: +)
      var lists: [Int: [TermRendering]] = [:]
      var seen: [Int: Int] = [:]
      for match in found {
        let term = sourceTerms[match.termID]
        if lists[match.termID] == nil {
          var list: [TermRendering] = []
          if let entry = term.entry {
            for rendering in renderings where targetTerms[rendering.termID].entry == entry {
              let target = targetTerms[rendering.termID]
              list.append(
                TermRendering(
                  name: target.text, text: text.target.text(rendering.utf8Range),
                  targetRange: rendering.utf8Range, status: target.status, origin: .glossary,
                  isAcronym: target.isCaseSensitive))
            }
          }
          if list.isEmpty {
            let claimedByOthers = claimed.filter { targetTerms[$0.termID].entry != term.entry }
            list = dictionaryRenderings(
              of: term.text, in: targetWords, excluding: claimedByOthers.map(\.utf8Range),
              sourceStemmer: sourceStemmer, targetStemmer: targetStemmer)
          }
          lists[match.termID] = list
        }
        let index = seen[match.termID, default: 0]
        seen[match.termID] = index + 1
        let shared = Self.share(lists[match.termID]!, occurrence: index, of: counts[match.termID]!)
        occurrences.append(
          TermOccurrence(
            term: term.text, entryID: term.entry.map { glossary.entries[$0].id }, bead: beadIndex,
            sourceSentences: Array(bead.source), targetSentences: Array(bead.target),
            sourceRange: match.utf8Range, sourceText: text.source.text(match.utf8Range),
            kind: match.kind, renderings: shared))
      }
    }
    if !tracked.isEmpty { addCooccurrenceRenderings(to: &occurrences) }
    return occurrences
  }

  /// The renderings of occurrence `index` of `count` occurrences of one term in a bead: all of
  /// them for a single occurrence; otherwise the `index`-th (text order), and the last occurrence
  /// also those beyond `count`. Each rendering goes to one occurrence, so the work and output grow
  /// with the occurrences plus renderings, not their product.
  static func share(_ renderings: [TermRendering], occurrence index: Int, of count: Int)
    -> [TermRendering]
  {
    guard count > 1 else { return renderings }
    guard index < renderings.count else { return [] }
    return index == count - 1 ? Array(renderings[index...]) : [renderings[index]]
  }

  /// Target words of a bead that the dictionary gives for the words of `term`, as runs of adjacent
  /// words ("Cold War").
  private func dictionaryRenderings(
    of term: String, in words: some Sequence<Token>, excluding claimed: [Range<Int>],
    sourceStemmer: Stemmer?, targetStemmer: Stemmer?
  ) -> [TermRendering] {
    guard !lexicon.isEmpty else { return [] }
    let normalizer = TextNormalizer()
    var targets: Set<String> = []
    for word in Tokenizer(language: text.sourceLanguage).tokens(in: term) where word.kind == .word {
      targets.formUnion(lexicon.targets(of: sourceStemmer?.stem(word.key) ?? word.key))
    }
    guard !targets.isEmpty else { return [] }
    var runs: [TermRendering] = []
    var previous: Token?
    for word in words {
      let stem = targetStemmer?.stem(normalizer.key(word.text)) ?? word.key
      guard targets.contains(stem), word.key.count >= 3,
        !LanguageDetector.englishWords.contains(word.key),
        !claimed.contains(where: { $0.overlaps(word.utf8Range) })
      else {
        previous = nil
        continue
      }
      if let last = previous, var run = runs.popLast(),
        isJoint(last.utf8Range.upperBound..<word.utf8Range.lowerBound)
      {
        run.targetRange = run.targetRange.lowerBound..<word.utf8Range.upperBound
        run.text = text.target.text(run.targetRange)
        run.name = run.text
        runs.append(run)
      } else {
        runs.append(
          TermRendering(
            name: word.text, text: word.text, targetRange: word.utf8Range, origin: .dictionary))
      }
      previous = word
    }
    return runs
  }

  /// True when the target bytes between two words are white space or one hyphen ("counter-attack").
  private func isJoint(_ gap: Range<Int>) -> Bool {
    guard gap.lowerBound <= gap.upperBound else { return false }
    let trimmed = TextScanner.trimmed(gap, in: text.target.utf8)
    return trimmed.isEmpty || TextNormalizer().key(text.target.text(trimmed)) == "-"
  }

  /// For tracked terms: target words that occur in at least two of the term's beads and whose
  /// Dice coefficient with the term over beads is at least 0.5, added to the first occurrence of
  /// each bead where nothing else was found.
  private func addCooccurrenceRenderings(to occurrences: inout [TermOccurrence]) {
    let stemmer = Stemmer(language: text.targetLanguage)
    let beads = text.alignment.beads
    // Target stems of each bead, and in how many beads each stem occurs.
    var beadStems: [Int: [String: Token]] = [:]
    var frequency: [String: Int] = [:]
    for (index, bead) in beads.enumerated() {
      var stems: [String: Token] = [:]
      for sentence in bead.target {
        for token in text.targetTokens[sentence] where token.kind == .word && token.key.count >= 3 {
          if LanguageDetector.englishWords.contains(token.key) { continue }
          let stem = stemmer?.stem(token.key) ?? token.key
          if stems[stem] == nil { stems[stem] = token }
        }
      }
      for stem in stems.keys { frequency[stem, default: 0] += 1 }
      beadStems[index] = stems
    }
    let trackedTerms = Set(tracked)
    let byTerm = Dictionary(
      grouping: occurrences.indices.filter {
        occurrences[$0].entryID == nil && trackedTerms.contains(occurrences[$0].term)
      }
    ) { occurrences[$0].term }
    for (_, indexes) in byTerm {
      let termBeads = Set(indexes.map { occurrences[$0].bead })
      guard termBeads.count >= 2 else { continue }
      var together: [String: Int] = [:]
      for bead in termBeads {
        for stem in beadStems[bead, default: [:]].keys { together[stem, default: 0] += 1 }
      }
      let chosen = Set(
        together.filter { stem, count in
          count >= 2 && 2.0 * Double(count) / Double(termBeads.count + frequency[stem]!) >= 0.5
        }.keys)
      guard !chosen.isEmpty else { continue }
      // Beads where the term has no rendering yet; the first occurrence there takes them.
      let rendered = Set(indexes.filter { !occurrences[$0].renderings.isEmpty }.map {
        occurrences[$0].bead
      })
      var given: Set<Int> = []
      for index in indexes {
        let bead = occurrences[index].bead
        guard !rendered.contains(bead), given.insert(bead).inserted else { continue }
        let stems = beadStems[bead, default: [:]]
        for stem in chosen.sorted() {
          guard let token = stems[stem] else { continue }
          occurrences[index].renderings.append(
            TermRendering(
              name: token.text.lowercased(), text: token.text, targetRange: token.utf8Range,
              origin: .cooccurrence))
        }
      }
    }
  }
}

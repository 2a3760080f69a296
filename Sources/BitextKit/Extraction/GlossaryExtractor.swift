/// Extracts a bilingual glossary from a translation: the German terms of the source text, how the
/// aligned English renders each, and whether it does so consistently (`bitext glossary extract`).
///
///     let extractor = GlossaryExtractor(configuration: .init(lexicon: dictionary))
///     let glossary = extractor.extract(alignment, source: german, target: english)
///     // glossary.terms.first { $0.text == "Gegenoffensive" }?.renderings.first?.name
///     //   == "counteroffensive"
///
/// The method, in steps:
/// 1. Candidates (`CandidateExtractor`): nouns, compounds, acronyms, names, coordinated compounds,
///    recurring adjective + noun, noun pairs and genitive phrases, grouped by base form.
/// 2. Occurrences and renderings: each candidate is followed through the alignment as `bitext terms
///    --track` follows a term (`TranslationChecker.occurrences`, the term matcher over inflected
///    forms), candidates of one, two, three and more words in passes of their own so that
///    "russische Truppen" does not hide "Truppen" nor "Präsident Wladimir Putin" "Wladimir
///    Putin"; untranslated beads are skipped. Renderings come from the dictionary and the
///    lexicon learned from the alignment's confident beads (`LexiconLearner`): runs of adjacent
///    target words that translate the term's words, compound parts included
///    (`CompoundSplitter`); then from spelling (`CognateFinder`: names and acronyms; an acronym
///    without one takes the bead's one target acronym that the source lacks, "IKT" → "ICT"), then
///    from co-occurrence over beads (the Dice coefficient of the term's beads and a target word's
///    beads, at least 0.5 over at least two beads). Words at either end
///    of a rendering that the dictionary gives for another source word of the bead, and not for
///    the term's own words, are left out ("after" is "nach"; "religiöse Versammlungen": the
///    rendering of "Versammlungen" is "gatherings", not "religious gatherings"). A rendering
///    contained in a longer one of the same occurrence gives way to it ("Russian" to "Russian
///    forces"). A candidate that misspells another (`Misspellings`: "Innovtionsleistung") counts
///    as that term, and its forms are listed as the term's misspellings.
/// 3. Consistency and counts per rendering: `TermReport`, as in `bitext terms`.
/// 4. Ranking: `Termhood`, times (0.5 + 0.5 × the share of occurrences with a rendering) and, for
///    a phrase, its unithood (`unithood`); terms below `minimumCount` occurrences go,
///    `maximumTerms` keeps the top.
public struct GlossaryExtractor: Sendable {
  public struct Configuration: Sendable {
    /// Source stem → target stems: the dictionary (Ding); may be empty.
    public var lexicon: BilingualLexicon
    /// A glossary the user has: its entries mark the terms they cover.
    public var known: Glossary
    public var termhood: Termhood
    /// Terms seen fewer times are left out.
    public var minimumCount: Int
    /// Keep this many terms, the highest termhood first; nil keeps all.
    public var maximumTerms: Int?
    public var sourceLanguage: Language
    public var targetLanguage: Language

    public init(
      lexicon: BilingualLexicon = BilingualLexicon(), known: Glossary = Glossary(),
      termhood: Termhood = Termhood(), minimumCount: Int = 1, maximumTerms: Int? = nil,
      sourceLanguage: Language = .german, targetLanguage: Language = .english
    ) {
      self.lexicon = lexicon
      self.known = known
      self.termhood = termhood
      self.minimumCount = minimumCount
      self.maximumTerms = maximumTerms
      self.sourceLanguage = sourceLanguage
      self.targetLanguage = targetLanguage
    }
  }

  public var configuration: Configuration

  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// The vocabulary to restrict the dictionary to for extraction: the stems of both documents'
  /// words and of every part of the source's capitalised words, for `CompoundSplitter`.
  public static func dictionaryVocabulary(_ alignment: Alignment) -> DingDictionary.Vocabulary {
    var vocabulary = DingDictionary.Vocabulary(german: alignment.source, english: alignment.target)
    let splitter = CompoundSplitter()
    let tokenizer = Tokenizer(language: .german)
    var seen: Set<String> = []
    for sentence in alignment.source {
      for token in tokenizer.tokens(in: sentence.text)
      where token.kind == .word && TermKeyer.isCapitalized(token.text)
        && seen.insert(token.key).inserted
      {
        vocabulary.german.formUnion(splitter.partStems(of: token.key))
      }
    }
    return vocabulary
  }

  /// `dictionary` cut down to what extraction from `alignment` can use (the pairs of a German stem
  /// of `dictionaryVocabulary(alignment)` with an English stem of its target), looked up stem by
  /// stem: cheap for a large dictionary and a short pair, as in a batch.
  public static func lexicon(for alignment: Alignment, from dictionary: BilingualLexicon)
    -> BilingualLexicon
  {
    let vocabulary = dictionaryVocabulary(alignment)
    var lexicon = BilingualLexicon()
    for german in vocabulary.german {
      for english in dictionary.targets(of: german) where vocabulary.english.contains(english) {
        lexicon.add(source: german, target: english)
      }
    }
    return lexicon
  }

  /// The glossary of an aligned pair of documents, highest termhood first.
  public func extract(_ alignment: Alignment, source: Document, target: Document)
    -> ExtractedGlossary
  {
    let extractor = CandidateExtractor(language: configuration.sourceLanguage)
    let candidates = extractor.candidates(in: alignment.source, of: source)
    // Compounds are rendered through their parts too ("Globalschätzung": Ding has only "global
    // rating"; its parts give "global estimate").
    var lexicon = configuration.lexicon
    let splitter = CompoundSplitter(language: configuration.sourceLanguage)
    // A misspelt word is translated as the word it misspells ("Innovtionsleistung").
    let misspellings = Misspellings(candidates, frequencies: configuration.termhood.frequencies)
    for (typo, right) in misspellings.words {
      let targets = lexicon.targets(of: splitter.stem(right))
        .union(splitter.translations(of: right, lexicon: configuration.lexicon))
      for target in targets { lexicon.add(source: splitter.stem(typo), target: target) }
    }
    if configuration.sourceLanguage == .german, !lexicon.isEmpty {
      let tokenizer = Tokenizer(language: configuration.sourceLanguage)
      var split: Set<String> = []
      for candidate in candidates where candidate.kind == .noun || candidate.kind == .hyphenated {
        for word in tokenizer.tokens(in: candidate.text)
        where word.kind == .word && split.insert(word.key).inserted {
          let stem = splitter.stem(word.key)
          for target in splitter.translations(of: word.key, lexicon: configuration.lexicon) {
            lexicon.add(source: stem, target: target)
          }
        }
      }
    }
    // The dictionary's word translations, and those the aligner's second pass learns, learned
    // again from the final alignment (what a language pair without dictionary has).
    let dictionary = lexicon
    lexicon.merge(
      LexiconLearner().learn(
        from: alignment, sourceLanguage: configuration.sourceLanguage,
        targetLanguage: configuration.targetLanguage))
    let checker = TranslationChecker(
      configuration: .init(
        lexicon: lexicon, sourceLanguage: configuration.sourceLanguage,
        targetLanguage: configuration.targetLanguage))
    let text = AlignedText(
      alignment: alignment, source: source, target: target,
      sourceLanguage: configuration.sourceLanguage, targetLanguage: configuration.targetLanguage)
    let cognates = CognateFinder(text: text)
    var byText: [String: TermCandidate] = [:]
    for candidate in candidates where byText[candidate.text] == nil {
      byText[candidate.text] = candidate
    }
    var occurrences: [TermOccurrence] = []
    for words in 1...4 {
      let tracked = byText.values.filter { min($0.wordCount, 4) == words }.map(\.text).sorted()
      guard !tracked.isEmpty else { continue }
      occurrences += checker.occurrences(
        alignment, source: source, target: target, tracking: tracked)
    }
    let untranslated = checker.untranslatedBeads(alignment, source: source, target: target)
    occurrences.removeAll { untranslated.contains($0.bead) }
    let sourceTokens = SourceWords(text: text)
    for index in occurrences.indices {
      occurrences[index].renderings = refined(
        occurrences[index], isAcronym: byText[occurrences[index].term]?.kind == .acronym,
        cognates: cognates, sourceWords: sourceTokens, dictionary: dictionary)
    }
    // A misspelt candidate's occurrences are those of the term it misspells.
    var misspelt: [String: Set<String>] = [:]
    for (typo, right) in misspellings.corrections {
      guard let candidate = byText.removeValue(forKey: typo) else { continue }
      byText[right]?.forms.merge(candidate.forms, uniquingKeysWith: +)
      misspelt[right, default: []].formUnion(candidate.forms.keys)
    }
    for index in occurrences.indices {
      if let right = misspellings.corrections[occurrences[index].term] {
        occurrences[index].term = right
      }
    }
    let report = TermReport(occurrences: occurrences)
    var knownByKey: [String: GlossaryEntry] = [:]
    for entry in configuration.known.entries {
      for term in entry.terms(in: configuration.sourceLanguage) {
        let key = extractor.key(of: term.text)
        if knownByKey[key] == nil { knownByKey[key] = entry }
      }
    }
    // Occurrences of each base form, for the unithood of phrases.
    var counts: [String: Int] = [:]
    for reported in report.terms {
      if let candidate = byText[reported.term] {
        counts[candidate.key] = reported.occurrences.count
      }
    }
    var terms: [ExtractedTerm] = []
    for reported in report.terms {
      guard let candidate = byText[reported.term] else { continue }
      let count = reported.occurrences.count
      guard count >= configuration.minimumCount else { continue }
      var renderings: [ExtractedTerm.Rendering] = []
      for (name, sentences) in reported.renderings {
        let key = TerminologyChecker.spellingKey(name)
        let uses = reported.occurrences.filter { occurrence in
          occurrence.renderings.contains { TerminologyChecker.spellingKey($0.name) == key }
        }.count
        renderings.append(.init(name: name, count: uses, sentences: sentences.sorted()))
      }
      let unrendered = Array(
        Set(reported.occurrences.filter { $0.renderings.isEmpty }.flatMap(\.sourceSentences))
      ).sorted()
      let unrenderedCount = reported.occurrences.filter { $0.renderings.isEmpty }.count
      let first = reported.occurrences.first { !$0.renderings.isEmpty } ?? reported.occurrences[0]
      let example = Self.example(first, alignment: alignment, source: source, target: target)
      terms.append(
        ExtractedTerm(
          candidate: candidate, count: count, renderings: renderings,
          isConsistent: reported.isConsistent, unrenderedSentences: unrendered,
          termhood: configuration.termhood.score(
            of: candidate, count: count, rendered: count - unrenderedCount)
            * unithood(candidate, count: count, counts: counts, extractor: extractor),
          knownEntry: knownByKey[candidate.key], example: example,
          misspellings: misspelt[reported.term, default: []].sorted()))
    }
    return ExtractedGlossary(
      terms: ExtractedGlossary.ranked(terms, keeping: configuration.maximumTerms),
      sourceLanguage: configuration.sourceLanguage, targetLanguage: configuration.targetLanguage)
  }

  /// How much a phrase (adjective + noun, noun + genitive, noun pair) is a unit: its occurrences
  /// over those of its most frequent noun (1 for other candidates). "aktuelle Globalschätzung",
  /// seen twice beside twelve "Globalschätzung", is 1/6; "öffentliche Beschaffung", nearly every
  /// "Beschaffung" of its text, near 1.
  private func unithood(
    _ candidate: TermCandidate, count: Int, counts: [String: Int], extractor: CandidateExtractor
  ) -> Double {
    guard [.adjectiveNoun, .genitive, .nounPair].contains(candidate.kind) else { return 1 }
    let nouns = candidate.text.split(separator: " ").filter { $0.first?.isUppercase == true }
    let most = nouns.compactMap { counts[extractor.key(of: String($0))] }.max() ?? count
    return min(1, Double(count) / Double(max(most, 1)))
  }

  /// The bead of `occurrence` as an example, the term and its first rendering located in it.
  static func example(
    _ occurrence: TermOccurrence, alignment: Alignment, source: Document, target: Document
  ) -> ExtractedTerm.Example {
    func span(_ sentences: [Sentence]) -> (text: String, start: Int) {
      guard let first = sentences.first else { return ("", 0) }
      return (sentences.map(\.text).joined(separator: " "), first.utf8Range.lowerBound)
    }
    /// A document range as an offset into the joined text (exact within the first sentence, which
    /// is where an example's term nearly always is; clamped otherwise).
    func relative(_ range: Range<Int>, _ sentences: [Sentence], _ start: Int) -> Range<Int> {
      var offset = 0
      for sentence in sentences {
        if sentence.utf8Range.contains(range.lowerBound) {
          let lower = offset + range.lowerBound - sentence.utf8Range.lowerBound
          return lower..<(lower + range.count)
        }
        offset += sentence.text.utf8.count + 1
      }
      return 0..<0
    }
    let sources = occurrence.sourceSentences.map { alignment.source[$0] }
    let targets = occurrence.targetSentences.map { alignment.target[$0] }
    let (sourceText, sourceStart) = span(sources)
    let (targetText, targetStart) = span(targets)
    return ExtractedTerm.Example(
      sourceSentences: occurrence.sourceSentences, targetSentences: occurrence.targetSentences,
      sourceText: sourceText, targetText: targetText,
      termRange: relative(occurrence.sourceRange, sources, sourceStart),
      renderingRange: occurrence.renderings.first.map {
        relative($0.targetRange, targets, targetStart)
      })
  }

  /// `rendering` without the words at its ends for which `isElsewhere` holds; nil when nothing is
  /// left. Words are separated by spaces.
  static func trimmed(_ rendering: TermRendering, whileEdgeWord isElsewhere: (Substring) -> Bool)
    -> TermRendering?
  {
    let words = rendering.text.split(separator: " ")
    guard let first = words.firstIndex(where: { !isElsewhere($0) }),
      let last = words.lastIndex(where: { !isElsewhere($0) })
    else { return nil }
    guard first != words.startIndex || last != words.index(before: words.endIndex) else {
      return rendering
    }
    let text = rendering.text
    let lower = text.utf8.distance(from: text.startIndex, to: words[first].startIndex)
    let upper = text.utf8.distance(from: text.startIndex, to: words[last].endIndex)
    var kept = rendering
    kept.text = String(text[words[first].startIndex..<words[last].endIndex])
    if kept.name == rendering.text { kept.name = kept.text }
    kept.targetRange =
      rendering.targetRange.lowerBound + lower..<rendering.targetRange.lowerBound + upper
    return kept
  }

  /// The renderings of one occurrence after step 2's rules: cognates before co-occurrence; words
  /// at either end of a rendering that the dictionary gives for another source word of the bead,
  /// and not for the term's own, left out (`trimmed`: "after" is "nach"); renderings inside
  /// longer ones dropped.
  private func refined(
    _ occurrence: TermOccurrence, isAcronym: Bool, cognates: CognateFinder,
    sourceWords: SourceWords, dictionary: BilingualLexicon
  ) -> [TermRendering] {
    let explained = sourceWords.translations(
      in: occurrence.sourceSentences, excluding: occurrence.sourceRange, lexicon: dictionary)
    let own = sourceWords.translations(
      in: occurrence.sourceSentences, within: occurrence.sourceRange, lexicon: dictionary)
    let isElsewhere = { (word: Substring) in
      let stem = sourceWords.targetStem(String(word))
      return !own.contains(stem) && explained.contains(stem)
    }
    var renderings = occurrence.renderings.compactMap { rendering in
      Self.trimmed(rendering, whileEdgeWord: isElsewhere)
    }
    var spelled = cognates.renderings(of: occurrence.term, in: occurrence.targetSentences)
    if spelled.isEmpty, isAcronym,
      renderings.allSatisfy({ $0.origin == .cooccurrence }),
      let acronym = cognates.translatedAcronym(
        in: occurrence.targetSentences,
        besides: occurrence.sourceSentences.flatMap { sourceWords.tokens[$0] })
    {
      spelled = [acronym]
    }
    if renderings.allSatisfy({ $0.origin == .cooccurrence }) {
      if !spelled.isEmpty {
        renderings = spelled
      } else {
        renderings = cognates.merged(renderings)
      }
    } else {
      renderings = cognates.merged(renderings + spelled)
    }
    // A multiword term's multiword rendering wins over single words elsewhere in the bead.
    if occurrence.term.contains(" "), renderings.contains(where: { $0.text.contains(" ") }) {
      renderings.removeAll { !$0.text.contains(" ") && !$0.text.contains("-") }
    }
    let keys = renderings.map { TextNormalizer.foldCase($0.text) }
    var result: [TermRendering] = []
    for (index, rendering) in renderings.enumerated()
    where !keys.indices.contains(where: { other in
      (keys[other].count > keys[index].count && keys[other].contains(keys[index]))
        || (other < index && keys[other] == keys[index])
    }) {
      result.append(rendering)
    }
    return result
  }
}

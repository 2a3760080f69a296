/// Aligns the sentences of a source document with those of its translation.
///
/// Dynamic programming over beads 1-1, 2-1, 1-2, 2-2, 3-1, 1-3, 4-1, 1-4, 3-2, 2-3, 1-0 and 0-1
/// minimising one score (`BeadScorer`: shape, Gale–Church length, paragraph breaks, feature
/// similarity), in two passes:
///
/// 1. Sentences are reduced to evidence (`SentenceEvidence`: length, dictionary-free anchors, stem
///    keys; in parallel chunks). The length model's ratio comes from the documents' total lengths.
///    A first alignment uses anchors and the configured lexicon (`CoarseToFine`: exhaustive for
///    small documents, otherwise banded around coarser alignments, linear in length).
/// 2. The length model's variance is re-estimated from that alignment's confident 1-1 beads, a
///    lexicon is learned from its confident beads (`LexiconLearner`), and the documents are aligned
///    again with both, in a band around the first path (or exhaustively when small).
/// 3. A word-by-word look at the result (`BeadRepair`): an omitted or added sentence joins a
///    neighbouring bead when that bead's other side renders words of it that the bead's own
///    sentences do not account for, and a 2-2 bead whose sentences pair off side by side becomes
///    two 1-1 beads.
///
/// With an `embedder` (or vectors given to `alignWithDetails(_:_:vectors:progress:)`), meaning
/// joins the evidence: every sentence is embedded, and every run of up to `overlapLimit`
/// sentences of a paragraph where a lexical alignment is unsure (`plans(_:_:progress:)`,
/// `SentenceVectors`); each bead's score gains the calibrated cosine of its two sides
/// (`BeadScorer`, with the weights of `meaningScoring`); `BeadRepair` checks its joins against
/// the vectors and uses them to split, set apart, shift and part beads the search got wrong.
///
/// Confidence of a bead: its posterior probability under the distribution over all bead sequences
/// in the band with P(path) ∝ exp(−cost(path) / temperature), computed by forward–backward: near 1
/// when no alternative segmentation of that stretch comes close in cost.
///
///     let alignment = Aligner().align(germanSentences, englishSentences)
///     for bead in alignment.beads { print(bead.kind, bead.confidence) }
public struct Aligner: Sendable {
  public struct Configuration: Hashable, Sendable {
    public var sourceLanguage: Language
    public var targetLanguage: Language
    /// Word translations (dictionary and glossary), as stem keys; may be empty.
    public var lexicon: BilingualLexicon
    /// The weights of the bead score.
    public var scoring: BeadScorer.Parameters
    /// The weights of the bead score when sentence vectors are part of the evidence.
    public var meaningScoring: BeadScorer.Parameters
    /// Longest run of sentences embedded as one text (`SentenceVectors`).
    public var overlapLimit: Int
    /// Runs of sentences are embedded only where a lexical alignment, made first, is unsure:
    /// around its beads that are not 1-1 or whose confidence is below this. `nil`: every run.
    ///
    /// Embedding is the aligner's costly step, and runs are most of it (two sentences each);
    /// where the lexical evidence is sure of a 1-1 bead, a run's vector changes nothing. On the
    /// German–English stress set's text this embeds 22 % of the runs, with the same strict F1
    /// (.975) as all of them; on Text+Berg dev, 80 %, same F1.
    public var runConfidence: Double? = 0.9
    /// Whether the second pass learns a lexicon from the first.
    public var learnsLexicon: Bool
    public var learner: LexiconLearner
    /// Largest lattice ((n + 1) · (m + 1) cells) searched exhaustively.
    public var fullSearchCells: Int
    /// Band half-width, in sentences (or coarse units), around a guiding path.
    public var searchRadius: Int
    /// The most source units one banded search covers: longer documents are searched in pieces
    /// cut at points of the guiding path, so that the search's memory (about 72 bytes a cell,
    /// 2 · `searchRadius` + 3 cells a row and more) stops growing with the document.
    public var segmentRows = 8_192
    /// Alignment passes (at least 2): each after the first learns the lexicon from the one before.
    public var passes: Int
    /// Whether the result gets a word-by-word second look (`BeadRepair`): an omitted or added
    /// sentence that the neighbouring bead's other side renders joins that bead, a 2-2 bead
    /// that pairs off side by side is split, and (with meaning) a sentence nothing speaks for is
    /// set apart from its bead.
    public var repairsBeads: Bool

    public init(
      sourceLanguage: Language = .german, targetLanguage: Language = .english,
      lexicon: BilingualLexicon = BilingualLexicon(),
      scoring: BeadScorer.Parameters = BeadScorer.Parameters(), learnsLexicon: Bool = true,
      learner: LexiconLearner = LexiconLearner(), fullSearchCells: Int = 300_000,
      searchRadius: Int = 10, passes: Int = 2, repairsBeads: Bool = true,
      meaningScoring: BeadScorer.Parameters = .meaning, overlapLimit: Int = 2
    ) {
      self.meaningScoring = meaningScoring
      self.overlapLimit = overlapLimit
      self.passes = passes
      self.repairsBeads = repairsBeads
      self.sourceLanguage = sourceLanguage
      self.targetLanguage = targetLanguage
      self.lexicon = lexicon
      self.scoring = scoring
      self.learnsLexicon = learnsLexicon
      self.learner = learner
      self.fullSearchCells = fullSearchCells
      self.searchRadius = searchRadius
    }
  }

  /// What the aligner estimated on the way (for reports and tests).
  public struct Details: Hashable, Sendable {
    /// The length model of the final pass.
    public var lengthModel: LengthModel
    /// The lexicon learned from the first pass (empty when not learning).
    public var learnedLexicon: BilingualLexicon
    /// Lattice cells searched in the final pass.
    public var searchedCells: Int
  }

  public var configuration: Configuration
  /// Where sentence vectors come from; `nil`: lexical evidence only.
  public var embedder: (any SentenceEmbedder)?

  public init(
    configuration: Configuration = Configuration(), embedder: (any SentenceEmbedder)? = nil
  ) {
    self.configuration = configuration
    self.embedder = embedder
  }

  /// The alignment of two sentence sequences.
  ///
  /// - Parameter progress: called with `.alignment(pass:of:)` as each pass goes on, on the
  ///   calling thread; it does not change the result.
  /// - Complexity: O(n + m) time and memory for documents longer than the exhaustive limit.
  public func align(
    _ source: [Sentence], _ target: [Sentence], progress: ProgressHandler? = nil
  ) -> Alignment {
    alignWithDetails(source, target, progress: progress).alignment
  }

  /// The alignment of two sentence sequences and what was estimated to produce it.
  ///
  /// - Parameter progress: see `align(_:_:progress:)`; with an `embedder`, the passes of
  ///   `.lexicalAlignment(pass:of:)` and then `.embedding` come first.
  public func alignWithDetails(
    _ source: [Sentence], _ target: [Sentence], progress: ProgressHandler? = nil
  ) -> (alignment: Alignment, details: Details) {
    var vectors: (source: SentenceVectors, target: SentenceVectors)?
    if let embedder, !source.isEmpty, !target.isEmpty {
      vectors = embed(source, target, with: embedder, progress: progress)
    }
    return alignWithDetails(source, target, vectors: vectors, progress: progress)
  }

  /// The sentence vectors of both documents (`plans(_:_:progress:)`), embedded in one call so
  /// that the embedder can batch and share the work between cores.
  ///
  /// - Parameter progress: called with `.lexicalAlignment(pass:of:)` (`plans(_:_:progress:)`),
  ///   then `.embedding` (units: distinct texts).
  public func embed(
    _ source: [Sentence], _ target: [Sentence], with embedder: some SentenceEmbedder,
    progress: ProgressHandler? = nil
  ) -> (source: SentenceVectors, target: SentenceVectors) {
    let (sourcePlan, targetPlan) = plans(source, target, progress: progress)
    // Each distinct text once: repeated sentences (datelines, "Aber das ist nicht geschehen.")
    // and texts both documents share are embedded a single time.
    let texts = sourcePlan.texts + targetPlan.texts
    var slots: [String: Int] = [:]
    var distinct: [String] = []
    let slotOfText = texts.map { text in
      if let slot = slots[text] { return slot }
      slots[text] = distinct.count
      distinct.append(text)
      return distinct.count - 1
    }
    progress?(.embedding, 0, distinct.count)
    let embedded = embedder.embed(distinct) { done, total in progress?(.embedding, done, total) }
    // The phase ends at its total whether or not the embedder reported (a table does not).
    progress?(.embedding, distinct.count, distinct.count)
    let vectors = slotOfText.map { embedded[$0] }
    let split = sourcePlan.texts.count
    return (
      SentenceVectors(sourcePlan, vectors: vectors[..<split], dimension: embedder.dimension),
      SentenceVectors(targetPlan, vectors: vectors[split...], dimension: embedder.dimension)
    )
  }

  /// What `embed(_:_:with:progress:)` embeds: every sentence and, where the lexical alignment is
  /// unsure (`Configuration.runConfidence`), every run of up to `overlapLimit` sentences.
  ///
  /// - Parameter progress: called with `.lexicalAlignment(pass:of:)` for the lexical alignment.
  public func plans(
    _ source: [Sentence], _ target: [Sentence], progress: ProgressHandler? = nil
  ) -> (
    source: SentenceVectors.Plan, target: SentenceVectors.Plan
  ) {
    let limit = configuration.overlapLimit
    guard let threshold = configuration.runConfidence, limit > 1 else {
      return (
        SentenceVectors.Plan(source, overlapLimit: limit),
        SentenceVectors.Plan(target, overlapLimit: limit)
      )
    }
    let lexical = alignWithDetails(
      source, target, vectors: nil,
      progress: progress.map { report in
        { phase, done, total in
          guard case .alignment(let pass, let passes) = phase else { return }
          report(.lexicalAlignment(pass: pass, of: passes), done, total)
        }
      }
    ).alignment
    var starts: (source: Set<Int>, target: Set<Int>) = ([], [])
    for bead in lexical.beads
    where bead.source.count != 1 || bead.target.count != 1 || bead.confidence < threshold {
      // The runs that share a sentence with the bead start up to `limit - 1` before it.
      starts.source.formUnion(bead.source.lowerBound - (limit - 1)..<bead.source.upperBound)
      starts.target.formUnion(bead.target.lowerBound - (limit - 1)..<bead.target.upperBound)
    }
    return (
      SentenceVectors.Plan(source, overlapLimit: limit, runStarts: starts.source),
      SentenceVectors.Plan(target, overlapLimit: limit, runStarts: starts.target)
    )
  }

  /// The alignment of two sentence sequences with the given sentence vectors (or none) and what
  /// was estimated to produce it.
  public func alignWithDetails(
    _ source: [Sentence], _ target: [Sentence],
    vectors: (source: SentenceVectors, target: SentenceVectors)?, progress: ProgressHandler? = nil
  ) -> (alignment: Alignment, details: Details) {
    let sourceEvidence = SentenceEvidence.extract(source, language: configuration.sourceLanguage)
    let targetEvidence = SentenceEvidence.extract(target, language: configuration.targetLanguage)
    var lengthModel = LengthModel.estimate(
      sourceLengths: sourceEvidence.map(\.length), targetLengths: targetEvidence.map(\.length))
    guard !source.isEmpty, !target.isEmpty else {
      let beads =
        source.indices.map { AlignmentBead(source: $0..<$0 + 1, target: 0..<0, confidence: 1) }
        + target.indices.map { AlignmentBead(source: 0..<0, target: $0..<$0 + 1, confidence: 1) }
      let details = Details(
        lengthModel: lengthModel, learnedLexicon: BilingualLexicon(), searchedCells: 0)
      return (Alignment(source: source, target: target, beads: beads), details)
    }

    // Pass 1: anchors and the configured lexicon. Only one pass's search is alive at a time.
    let passes = max(configuration.passes, 2)
    var (previousBeads, guide, searchedCells) = run(
      sourceEvidence, targetEvidence, lexicon: configuration.lexicon, lengthModel: lengthModel,
      guide: nil, vectors: vectors,
      progress: progress.map { ($0, .alignment(pass: 1, of: passes)) })
    lengthModel = lengthModel.reestimated(
      from: previousBeads.filter { $0.kind == "1-1" && $0.confidence >= 0.5 }.map {
        (sourceEvidence[$0.source.lowerBound].length, targetEvidence[$0.target.lowerBound].length)
      })

    // Pass 2 (and more): the re-estimated length model and the learned lexicon.
    var learned = BilingualLexicon()
    var lexicon = configuration.lexicon
    for pass in 2...passes {
      lexicon = configuration.lexicon
      if configuration.learnsLexicon {
        learned = configuration.learner.learn(
          sourceStems: sourceEvidence.map(\.stems), targetStems: targetEvidence.map(\.stems),
          beads: previousBeads)
        lexicon.merge(learned)
      }
      (previousBeads, guide, searchedCells) = run(
        sourceEvidence, targetEvidence, lexicon: lexicon, lengthModel: lengthModel, guide: guide,
        vectors: vectors, progress: progress.map { ($0, .alignment(pass: pass, of: passes)) })
    }
    if configuration.repairsBeads {
      let repair = BeadRepair(
        source: sourceEvidence, target: targetEvidence, lexicon: lexicon, vectors: vectors)
      previousBeads = repair.separated(
        repair.shifted(repair.detached(repair.repaired(repair.unpaired(previousBeads)))))
    }
    let details = Details(
      lengthModel: lengthModel, learnedLexicon: learned, searchedCells: searchedCells)
    return (Alignment(source: source, target: target, beads: previousBeads), details)
  }

  /// One pass: its beads (with confidences), its path as a guide for the next, its band's size.
  ///
  /// - Parameter progress: the handler and this pass's phase; the pass reports the rows of its
  ///   search (`CoarseToFine.progressUnits`) and of the forward–backward posteriors.
  private func run(
    _ source: [SentenceEvidence], _ target: [SentenceEvidence], lexicon: BilingualLexicon,
    lengthModel: LengthModel, guide: [(i: Int, j: Int)]?,
    vectors: (source: SentenceVectors, target: SentenceVectors)?,
    progress: (handler: ProgressHandler, phase: ProgressPhase)?
  ) -> (beads: [AlignmentBead], path: [(i: Int, j: Int)], cells: Int) {
    let features = LexicalEvidence.features(source: source, target: target, lexicon: lexicon)
    let units = AlignmentUnits.make(
      source: source, target: target, sourceFeatures: features.source,
      targetFeatures: features.target, meaning: vectors)
    var counter = ProgressCounter.silent
    if let progress {
      let (n, m) = (units.source.count, units.target.count)
      let (cells, radius) = (configuration.fullSearchCells, configuration.searchRadius)
      let total =
        CoarseToFine.progressUnits(
          n: n, m: m, fullSearchCells: cells, radius: radius, guided: guide != nil)
        + 2 * CoarseToFine.estimatedCells(n: n, m: m, fullSearchCells: cells, radius: radius)
      counter = ProgressCounter(progress.handler, phase: progress.phase, total: total)
    }
    let scorer = BeadScorer(
      parameters: vectors == nil ? configuration.scoring : configuration.meaningScoring,
      lengthModel: lengthModel)
    let result = CoarseToFine.align(
      source: units.source, target: units.target, scorer: scorer,
      fullSearchCells: configuration.fullSearchCells, radius: configuration.searchRadius,
      segmentRows: configuration.segmentRows, guide: guide, posteriors: true, progress: &counter)
    let path = [(i: 0, j: 0)] + result.steps.map { $0.to }
    let beads = zip(result.steps, result.posteriors).map { step, posterior in
      AlignmentBead(
        source: step.from.i..<step.to.i, target: step.from.j..<step.to.j, confidence: posterior)
    }
    counter.finish()
    return (beads, path, result.cells)
  }
}

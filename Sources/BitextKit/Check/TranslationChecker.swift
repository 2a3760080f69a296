/// Checks a translation over its sentence alignment: terminology, numbers, untranslated text and
/// what the alignment shows (omissions, additions, uncertain beads).
///
///     let checker = TranslationChecker(configuration: .init(glossary: glossary))
///     let findings = checker.check(alignment, source: german, target: english)
///
/// Each check is conservative (see the check types in `Check/`); the default severities are
/// `Finding.Kind.defaultSeverity`. A bead whose target is untranslated gets that one finding and
/// no term or number findings.
public struct TranslationChecker: Sendable {
  public struct Configuration: Hashable, Sendable {
    public var glossary: Glossary
    /// Word translations (source stem key → target stem keys), e.g. the Ding dictionary: used to
    /// say what a translation has instead of a missing term. May be empty.
    public var lexicon: BilingualLexicon
    public var sourceLanguage: Language
    public var targetLanguage: Language
    /// The severity of each kind of finding.
    public var severities: [Finding.Kind: Finding.Severity]

    public init(
      glossary: Glossary = Glossary(), lexicon: BilingualLexicon = BilingualLexicon(),
      sourceLanguage: Language = .german, targetLanguage: Language = .english,
      severities: [Finding.Kind: Finding.Severity] = Finding.Kind.defaultSeverities
    ) {
      self.glossary = glossary
      self.lexicon = lexicon
      self.sourceLanguage = sourceLanguage
      self.targetLanguage = targetLanguage
      self.severities = severities
    }
  }

  public var configuration: Configuration
  /// The glossary compiled for the configuration's languages, to skip compiling it per check
  /// (see `GlossaryIndex`); nil: each check compiles it.
  public var glossaryIndex: GlossaryIndex?

  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// The findings for an alignment of `source` with `target`, in document order.
  ///
  /// - Parameters:
  ///   - alignment: Sentences of both documents (their ranges are UTF-8 offsets into the documents)
  ///     and the beads that link them.
  ///   - source: The document the source sentences come from.
  ///   - target: The document the target sentences come from.
  ///   - progress: called with `.checking` as the checks go on: a unit per sentence matched
  ///     against the glossary (most of the time) and one per other check; it does not change the
  ///     result.
  /// - Returns: Findings ordered by bead, then by kind; ranges are UTF-8 byte offsets.
  public func check(
    _ alignment: Alignment, source: Document, target: Document, progress: ProgressHandler? = nil
  ) -> [Finding] {
    let sentences = alignment.source.count + alignment.target.count
    var counter = ProgressCounter(progress, phase: .checking, total: sentences + 4)
    let text = alignedText(alignment, source, target)
    var severities = Finding.Kind.defaultSeverities
    severities.merge(configuration.severities) { $1 }
    let untranslated = UntranslatedCheck(text: text, severity: severities[.untranslated]!)
      .findings()
    counter.advance()
    var findings = AlignmentCheck(text: text, severities: severities).findings()
    findings += untranslated.findings
    let finder = TermRenderingFinder(
      text: text, glossary: configuration.glossary, lexicon: configuration.lexicon,
      index: glossaryIndex)
    counter.advance()
    var terminology = TerminologyChecker(
      text: text, finder: finder, severities: severities, skippedBeads: untranslated.beads)
    findings += terminology.findings(progress: &counter)
    counter.advance()
    findings += NumberCheck(
      text: text, severity: severities[.numberMismatch]!, skippedBeads: untranslated.beads
    ).findings()
    counter.finish()
    return ordered(findings, alignment)
  }

  /// Every occurrence of a glossary source term (and of each `tracked` term) in the alignment,
  /// with its renderings in the aligned target sentences: the data of `bitext terms`.
  public func occurrences(
    _ alignment: Alignment, source: Document, target: Document, tracking tracked: [String] = []
  ) -> [TermOccurrence] {
    let text = alignedText(alignment, source, target)
    var silent = ProgressCounter.silent
    return TermRenderingFinder(
      text: text, glossary: configuration.glossary, lexicon: configuration.lexicon,
      tracked: tracked, index: glossaryIndex
    ).occurrences(progress: &silent)
  }

  /// The indexes of the beads whose target is untranslated (the `untranslated` check): what a
  /// translation memory leaves out, since its target is the source text.
  public func untranslatedBeads(_ alignment: Alignment, source: Document, target: Document)
    -> Set<Int>
  {
    UntranslatedCheck(text: alignedText(alignment, source, target), severity: .error).findings()
      .beads
  }

  private func alignedText(_ alignment: Alignment, _ source: Document, _ target: Document)
    -> AlignedText
  {
    AlignedText(
      alignment: alignment, source: source, target: target,
      sourceLanguage: configuration.sourceLanguage, targetLanguage: configuration.targetLanguage)
  }

  /// Findings by the position of their first bead, then by kind (`Finding.Kind.allCases` order).
  private func ordered(_ findings: [Finding], _ alignment: Alignment) -> [Finding] {
    var beadOfSource: [Int: Int] = [:]
    var beadOfTarget: [Int: Int] = [:]
    for (index, bead) in alignment.beads.enumerated() {
      for sentence in bead.source { beadOfSource[sentence] = index }
      for sentence in bead.target { beadOfTarget[sentence] = index }
    }
    func position(_ finding: Finding) -> (Int, Int, Int) {
      let bead =
        finding.sourceSentences.first.flatMap { beadOfSource[$0] }
        ?? finding.targetSentences.first.flatMap { beadOfTarget[$0] } ?? Int.max
      let kind = Finding.Kind.allCases.firstIndex(of: finding.kind) ?? 0
      return (bead, kind, finding.sourceRange?.lowerBound ?? finding.targetRange?.lowerBound ?? 0)
    }
    return findings.enumerated().sorted {
      let (left, right) = (position($0.element), position($1.element))
      return left != right ? left < right : $0.offset < $1.offset
    }.map(\.element)
  }
}

extension Finding.Kind {
  /// The severity of each kind unless configured otherwise.
  ///
  /// - error: `forbidden-term` (the glossary forbids the rendering), `number-mismatch`,
  ///   `untranslated`, `omitted-source` (content is wrong or lost);
  /// - warning: `term-missing` (the translation may use a legitimate paraphrase),
  ///   `inconsistent-rendering`, `added-target`, `low-confidence` (a reviewer should look).
  /// - bilingual files: `missing-target` and `inline-code-mismatch` are errors; the consistency,
  ///   code order, white space and punctuation checks are warnings.
  public var defaultSeverity: Finding.Severity {
    switch self {
    case .forbiddenTerm, .numberMismatch, .untranslated, .omittedSource: .error
    case .missingTarget, .inlineCodeMismatch: .error
    case .termMissing, .inconsistentRendering, .addedTarget, .lowConfidence: .warning
    case .inconsistentTarget, .inconsistentSource, .inlineCodeOrder, .whitespaceMismatch,
      .endPunctuationMismatch:
      .warning
    }
  }

  /// `defaultSeverity` of every kind.
  public static var defaultSeverities: [Finding.Kind: Finding.Severity] {
    Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.defaultSeverity) })
  }
}

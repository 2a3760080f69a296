/// The outcome of one input line of a batch: an aligned and checked pair, or an error.
///
/// It renders as the line's output, `jsonLine`:
///
///     {"id": "a1", "beads": […], "findings": […], "stats": {…}}
///     {"id": "a2", "error": "a2.de.txt: no such file"}
public struct BatchResult: Hashable, Sendable {
  /// The 1-based number of the input line.
  public var line: Int
  public var outcome: Outcome

  public enum Outcome: Hashable, Sendable {
    case aligned(BatchPair)
    case failed(BatchError)
  }

  public init(line: Int, outcome: Outcome) {
    self.line = line
    self.outcome = outcome
  }

  /// The record's id, when the line had one.
  public var id: BatchID? {
    switch outcome {
    case .aligned(let pair): pair.id
    case .failed(let error): error.id
    }
  }

  public var isFailure: Bool {
    if case .failed = outcome { return true }
    return false
  }
}

/// A document pair aligned and checked by `bitext batch`.
public struct BatchPair: Hashable, Sendable {
  public var id: BatchID
  /// The two documents (their names locate findings: a path, or `source_text`/`target_text`).
  public var source: Document
  public var target: Document
  public var sourceLanguage: Language
  public var targetLanguage: Language
  public var alignment: Alignment
  public var findings: [Finding]
  /// The pair's glossary, when the batch extracts one (`BatchResources.extractionTermhood`).
  public var extracted: ExtractedGlossary?

  public init(
    id: BatchID, source: Document, target: Document, sourceLanguage: Language,
    targetLanguage: Language, alignment: Alignment, findings: [Finding] = []
  ) {
    self.id = id
    self.source = source
    self.target = target
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.alignment = alignment
    self.findings = findings
  }

  /// Counts that summarise the pair.
  public var stats: BatchStats {
    BatchStats(
      sourceSentences: alignment.source.count, targetSentences: alignment.target.count,
      beads: alignment.beads.count,
      oneToOne: alignment.beads.count { $0.source.count == 1 && $0.target.count == 1 },
      omissions: alignment.beads.count { $0.target.isEmpty },
      additions: alignment.beads.count { $0.source.isEmpty },
      lowConfidence: alignment.beads.count(where: \.isLowConfidence),
      findings: findings.count)
  }

  /// One translation unit per bead with text on both sides, for a TMX of the corpus; beads with an
  /// `untranslated` finding (the target is the source text) are left out.
  ///
  /// `tuid` is the pair's id and the 1-based bead number (`a1:3`); properties `x-document` (the id),
  /// `x-confidence` and `x-bead` (the bead's kind), as `bitext align --format tmx` writes them.
  public var translationUnits: [TranslationUnit] {
    let untranslatedTargets = Set(
      findings.filter { $0.kind == .untranslated }.flatMap(\.targetSentences))
    return alignment.beads.enumerated().compactMap { number, bead in
      guard !bead.source.isEmpty, !bead.target.isEmpty,
        !bead.target.contains(where: untranslatedTargets.contains)
      else { return nil }
      return TranslationUnit(
        id: "\(id.text):\(number + 1)",
        variants: [
          .init(language: sourceLanguage, text: alignment.sourceText(of: bead)),
          .init(language: targetLanguage, text: alignment.targetText(of: bead)),
        ],
        properties: [
          (type: "x-document", value: id.text),
          (type: "x-confidence", value: AlignmentFormatter.score(bead.confidence)),
          (type: "x-bead", value: bead.kind),
        ])
    }
  }
}

/// Counts for one aligned pair: the `stats` object of its output line.
public struct BatchStats: Hashable, Sendable {
  public var sourceSentences: Int
  public var targetSentences: Int
  public var beads: Int
  /// Beads of kind 1-1.
  public var oneToOne: Int
  /// Beads of kind 1-0 (or n-0): source without a counterpart.
  public var omissions: Int
  /// Beads of kind 0-1 (or 0-n): target without a counterpart.
  public var additions: Int
  public var lowConfidence: Int
  public var findings: Int

  public init(
    sourceSentences: Int, targetSentences: Int, beads: Int, oneToOne: Int, omissions: Int,
    additions: Int, lowConfidence: Int, findings: Int
  ) {
    self.sourceSentences = sourceSentences
    self.targetSentences = targetSentences
    self.beads = beads
    self.oneToOne = oneToOne
    self.omissions = omissions
    self.additions = additions
    self.lowConfidence = lowConfidence
    self.findings = findings
  }
}

/// Aligns the sentences of a source document with those of its translation.
public struct Aligner: Sendable {
  public struct Configuration: Hashable, Sendable {
    public var sourceLanguage: Language
    public var targetLanguage: Language
    /// Word translations (dictionary and glossary), as stem keys; may be empty.
    public var lexicon: BilingualLexicon

    public init(
      sourceLanguage: Language = .german, targetLanguage: Language = .english,
      lexicon: BilingualLexicon = BilingualLexicon()
    ) {
      self.sourceLanguage = sourceLanguage
      self.targetLanguage = targetLanguage
      self.lexicon = lexicon
    }
  }

  public var configuration: Configuration

  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// The alignment of two sentence sequences.
  public func align(_ source: [Sentence], _ target: [Sentence]) -> Alignment {
    // Placeholder pairing (1-1 in order) until the dynamic programme lands (issue 3).
    var beads: [AlignmentBead] = []
    let common = min(source.count, target.count)
    for index in 0..<common {
      beads.append(AlignmentBead(source: index..<index + 1, target: index..<index + 1, confidence: 0))
    }
    for index in common..<source.count {
      beads.append(AlignmentBead(source: index..<index + 1, target: common..<common, confidence: 0))
    }
    for index in common..<target.count {
      beads.append(AlignmentBead(source: common..<common, target: index..<index + 1, confidence: 0))
    }
    return Alignment(source: source, target: target, beads: beads)
  }
}

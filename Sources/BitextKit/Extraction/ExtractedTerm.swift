/// One term of an extracted glossary: a German candidate, how the translation rendered it, and
/// whether it did so consistently.
public struct ExtractedTerm: Hashable, Sendable {
  /// One way the term was rendered.
  public struct Rendering: Hashable, Sendable {
    /// The rendering as the target text writes it first ("troops").
    public var name: String
    /// The occurrences of the term rendered this way.
    public var count: Int
    /// The source sentences (0-based) of those occurrences, ascending.
    public var sentences: [Int]

    public init(name: String, count: Int, sentences: [Int]) {
      self.name = name
      self.count = count
      self.sentences = sentences
    }
  }

  /// The first occurrence with a rendering (else the first occurrence): where a reviewer sees the
  /// term at work.
  public struct Example: Hashable, Sendable {
    /// Source and target sentences (0-based) of the occurrence's bead.
    public var sourceSentences: [Int]
    public var targetSentences: [Int]
    /// The bead's source and target text (sentences joined by a space).
    public var sourceText: String
    public var targetText: String
    /// UTF-8 byte range of the term in `sourceText`.
    public var termRange: Range<Int>
    /// UTF-8 byte range of the rendering in `targetText`; nil when none was found.
    public var renderingRange: Range<Int>?

    public init(
      sourceSentences: [Int], targetSentences: [Int], sourceText: String, targetText: String,
      termRange: Range<Int>, renderingRange: Range<Int>?
    ) {
      self.sourceSentences = sourceSentences
      self.targetSentences = targetSentences
      self.sourceText = sourceText
      self.targetText = targetText
      self.termRange = termRange
      self.renderingRange = renderingRange
    }

    /// The term as written in the example.
    public var term: String { Self.slice(sourceText, termRange) }
    /// The rendering as written in the example; nil when none was found.
    public var rendering: String? { renderingRange.map { Self.slice(targetText, $0) } }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
      let bytes = Array(text.utf8)
      let clamped = min(range.lowerBound, bytes.count)..<min(range.upperBound, bytes.count)
      return String(decoding: bytes[clamped], as: UTF8.self)
    }
  }

  public var candidate: TermCandidate
  /// The term as shown: the candidate's most frequent surface form.
  public var text: String { candidate.text }
  /// Occurrences in aligned beads (whole words, as the term matcher finds them).
  public var count: Int
  /// Distinct renderings, most used first.
  public var renderings: [Rendering]
  /// False when two beads render the term in disjoint ways (`TermReport`'s rule).
  public var isConsistent: Bool
  /// Source sentences (0-based) of occurrences where no rendering was found.
  public var unrenderedSentences: [Int]
  /// `Termhood.score`.
  public var termhood: Double
  /// The entry of the known glossary (`--glossary`) with this German term, when there is one.
  public var knownEntry: GlossaryEntry?
  public var example: Example?
  /// Forms of the source text that misspell the term by one missing letter (`Misspellings`),
  /// counted among its occurrences and its `candidate.forms`; sorted.
  public var misspellings: [String]

  public init(
    candidate: TermCandidate, count: Int, renderings: [Rendering], isConsistent: Bool,
    unrenderedSentences: [Int], termhood: Double, knownEntry: GlossaryEntry? = nil,
    example: Example? = nil, misspellings: [String] = []
  ) {
    self.candidate = candidate
    self.count = count
    self.renderings = renderings
    self.isConsistent = isConsistent
    self.unrenderedSentences = unrenderedSentences
    self.termhood = termhood
    self.knownEntry = knownEntry
    self.example = example
    self.misspellings = misspellings
  }
}

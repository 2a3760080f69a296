/// A problem found in a translation, located in both files.
public struct Finding: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case termMissing = "term-missing"
    case forbiddenTerm = "forbidden-term"
    case inconsistentRendering = "inconsistent-rendering"
    case numberMismatch = "number-mismatch"
    case untranslated
    case omittedSource = "omitted-source"
    case addedTarget = "added-target"
    case lowConfidence = "low-confidence"
    // Bilingual files (`BilingualChecker`):
    /// A unit to translate without target, or with an empty one.
    case missingTarget = "missing-target"
    /// The same source (inline codes aside) translated differently in another unit.
    case inconsistentTarget = "inconsistent-target"
    /// Different sources with the same target.
    case inconsistentSource = "inconsistent-source"
    /// Source and target do not have the same inline codes.
    case inlineCodeMismatch = "inline-code-mismatch"
    /// Source and target have the same inline codes in another order.
    case inlineCodeOrder = "inline-code-order"
    /// Leading or trailing white space differs between source and target.
    case whitespaceMismatch = "whitespace-mismatch"
    /// Source and target end with different punctuation.
    case endPunctuationMismatch = "end-punctuation-mismatch"
  }

  public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case note, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }

  public var kind: Kind
  public var severity: Severity
  /// Source sentence indexes of the bead (0-based); empty for an added target sentence.
  public var sourceSentences: [Int]
  /// Target sentence indexes of the bead; empty for an omitted source sentence.
  public var targetSentences: [Int]
  /// UTF-8 byte range in the source file of what the finding is about (a term, a number, a sentence).
  public var sourceRange: Range<Int>?
  /// UTF-8 byte range in the target file.
  public var targetRange: Range<Int>?
  /// The source term or number concerned.
  public var term: String?
  /// What the target should contain.
  public var expected: [String]
  /// What the target contains instead, when it can be told.
  public var found: [String]
  /// One line for a person, without location.
  public var message: String

  public init(
    kind: Kind, severity: Severity, sourceSentences: [Int], targetSentences: [Int],
    sourceRange: Range<Int>? = nil, targetRange: Range<Int>? = nil, term: String? = nil,
    expected: [String] = [], found: [String] = [], message: String
  ) {
    self.kind = kind
    self.severity = severity
    self.sourceSentences = sourceSentences
    self.targetSentences = targetSentences
    self.sourceRange = sourceRange
    self.targetRange = targetRange
    self.term = term
    self.expected = expected
    self.found = found
    self.message = message
  }
}

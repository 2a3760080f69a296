/// One way a source term was rendered in the aligned target text.
public struct TermRendering: Hashable, Sendable {
  /// Where bitext learnt that the target words translate the term.
  public enum Origin: String, Hashable, Sendable {
    /// A target term of the same glossary entry.
    case glossary
    /// A translation in the bilingual dictionary (Ding).
    case dictionary
    /// A target word that occurs in the term's beads far more often than elsewhere.
    case cooccurrence
  }

  /// The rendering as a name: the glossary's target term ("troops"), or the target words as
  /// written for dictionary and co-occurrence renderings.
  public var name: String
  /// The target words as written in the text.
  public var text: String
  /// UTF-8 byte range in the target document.
  public var targetRange: Range<Int>
  /// The glossary status of the target term; nil for dictionary and co-occurrence renderings.
  public var status: TermStatus?
  public var origin: Origin
  /// True for a case-sensitive glossary term (an acronym such as "U.S.").
  public var isAcronym: Bool

  public init(
    name: String, text: String, targetRange: Range<Int>, status: TermStatus? = nil,
    origin: Origin, isAcronym: Bool = false
  ) {
    self.name = name
    self.text = text
    self.targetRange = targetRange
    self.status = status
    self.origin = origin
    self.isAcronym = isAcronym
  }
}

/// One occurrence of a source term in an aligned bead, with the renderings found in the bead's
/// target sentences. When the bead holds the term more than once, its renderings are shared out in
/// text order: the first occurrence gets the first rendering, and so on; the last occurrence also
/// gets any left over, and occurrences beyond the renderings get none ("die Truppen … die
/// Truppen" for "the troops … they").
public struct TermOccurrence: Hashable, Sendable {
  /// The source term: the glossary's text ("Truppe") or a tracked term.
  public var term: String
  /// The glossary entry the term belongs to; nil for a tracked term.
  public var entryID: String?
  /// Index of the bead in `Alignment.beads`.
  public var bead: Int
  /// Source sentence indexes of the bead (0-based).
  public var sourceSentences: [Int]
  /// Target sentence indexes of the bead (0-based).
  public var targetSentences: [Int]
  /// UTF-8 byte range of the occurrence in the source document.
  public var sourceRange: Range<Int>
  /// The occurrence as written ("Truppen").
  public var sourceText: String
  public var kind: TermMatch.Kind
  /// Glossary renderings first (all statuses), then dictionary and co-occurrence renderings when
  /// no glossary rendering is there.
  public var renderings: [TermRendering]

  public init(
    term: String, entryID: String?, bead: Int, sourceSentences: [Int], targetSentences: [Int],
    sourceRange: Range<Int>, sourceText: String, kind: TermMatch.Kind, renderings: [TermRendering]
  ) {
    self.term = term
    self.entryID = entryID
    self.bead = bead
    self.sourceSentences = sourceSentences
    self.targetSentences = targetSentences
    self.sourceRange = sourceRange
    self.sourceText = sourceText
    self.kind = kind
    self.renderings = renderings
  }
}

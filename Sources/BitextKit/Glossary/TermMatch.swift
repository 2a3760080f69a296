/// A term to look for in running text: its text, language-specific matching is the matcher's.
///
///     TermPattern(id: 0, text: "Kalter Krieg")
///     TermPattern(id: 1, text: "US", isCaseSensitive: true)
public struct TermPattern: Hashable, Sendable {
  /// The caller's identifier; matches report it (e.g. an index into the caller's list of terms).
  public var id: Int
  /// The term in its base form, e.g. "Kalter Krieg" or "nuclear arsenal".
  public var text: String
  /// True when only the same letter case matches ("US" but not "us").
  public var isCaseSensitive: Bool

  public init(id: Int, text: String, isCaseSensitive: Bool = false) {
    self.id = id
    self.text = text
    self.isCaseSensitive = isCaseSensitive
  }
}

/// An occurrence of a term in a text.
public struct TermMatch: Hashable, Sendable {
  /// How the term occurs.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// As whole words, in any inflected form ("des Kalten Krieges"), hyphenated ones included
    /// ("NATO-Truppen" holds "Truppen" as a word of its own).
    case exact
    /// As the first conjunct of a hyphen coordination: "Staats-" in "Staats- und Regierungschefs"
    /// stands for "Staatschefs".
    case coordinated
    /// As the head (last part) of a closed compound: "Arsenal" in "Atomwaffenarsenale".
    case compoundHead = "compound-head"
    /// As the first part of a closed compound, before a linking element: "Atomwaffe" in
    /// "Atomwaffenarsenale".
    case compoundModifier = "compound-modifier"

    /// True for `exact` and `coordinated`: the term stands for a word of the text, so the text's
    /// translation should contain the term's rendering.
    public var isWholeWord: Bool { self == .exact || self == .coordinated }
  }

  /// The `TermPattern.id` of the term.
  public var termID: Int
  /// UTF-8 byte range of the occurrence in the text (offsets into `Document.utf8` when matching a
  /// document); for a compound part, the bytes of that part.
  public var utf8Range: Range<Int>
  public var kind: Kind

  public init(termID: Int, utf8Range: Range<Int>, kind: Kind) {
    self.termID = termID
    self.utf8Range = utf8Range
    self.kind = kind
  }
}

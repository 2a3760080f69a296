extension ReviewReport {
  /// A glossary term found in one side of an alignment, highlighted in the report.
  ///
  /// A German term and its English rendering share an `entryID`, and so their colour. A rendering
  /// that is wrong (a forbidden or deprecated term) is marked on the target side; a rendering that
  /// is missing is marked on the source term whose translation lacks it.
  ///
  ///     let highlight = ReviewReport.TermHighlight(
  ///       side: .source, utf8Range: 120..<127, entryID: "truppen", status: .missing,
  ///       note: "Truppen → troops")
  public struct TermHighlight: Hashable, Sendable {
    /// Which document the range points into.
    public enum Side: String, Hashable, Sendable, CaseIterable {
      case source, target
    }

    /// How the term was rendered in the translation.
    public enum Status: String, Hashable, Sendable, CaseIterable {
      /// The glossary's rendering is there.
      case ok
      /// A rendering the glossary forbids or deprecates is there instead.
      case wrong
      /// The source term's rendering is not in the target sentence.
      case missing
    }

    public var side: Side
    /// UTF-8 byte range in that side's document: the offsets `Sentence.utf8Range` uses.
    public var utf8Range: Range<Int>
    /// The glossary entry's id; it picks the highlight colour.
    public var entryID: String
    public var status: Status
    /// A short text shown on hover, such as "Truppen → troops".
    public var note: String?

    public init(
      side: Side, utf8Range: Range<Int>, entryID: String, status: Status = .ok,
      note: String? = nil
    ) {
      self.side = side
      self.utf8Range = utf8Range
      self.entryID = entryID
      self.status = status
      self.note = note
    }
  }
}

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

    /// The highlights for term occurrences found by `TranslationChecker.occurrences`: each source
    /// term, marked `missing` or `wrong` as its rendering is, and each rendering in the target.
    ///
    /// A source term with an accepted glossary rendering in its bead is `ok`; with only a
    /// deprecated or superseded one, `wrong`; a whole-word glossary term with neither, `missing`.
    /// Target renderings are `wrong` when the glossary avoids them, else `ok`. Terms without a
    /// glossary entry (tracked terms) are keyed by their text.
    ///
    /// - Parameter findings: The checker's findings, if any: then a `missing` mark stays only where
    ///   a term-missing finding's range overlaps it, and a `wrong` mark only where a forbidden-term
    ///   finding's does (the checker skips untranslated beads and counts any occurrence of an
    ///   entry in a bead); the others become `ok`.
    public static func highlights(
      from occurrences: [TermOccurrence], findings: [Finding]? = nil
    ) -> [TermHighlight] {
      var highlights: [TermHighlight] = []
      for occurrence in occurrences {
        let entry = occurrence.entryID ?? "term:\(occurrence.term)"
        let glossary = occurrence.renderings.filter { $0.origin == .glossary }
        let accepted = glossary.filter { $0.status?.isAccepted == true }
        let avoided = glossary.filter { $0.status?.isAccepted == false }
        let status: Status
        if !accepted.isEmpty {
          status = .ok
        } else if !avoided.isEmpty {
          status = .wrong
        } else {
          status = occurrence.entryID != nil && occurrence.kind.isWholeWord ? .missing : .ok
        }
        let names = Self.unique(occurrence.renderings.map(\.name))
        let note =
          names.isEmpty
          ? "\(occurrence.term): no rendering found"
          : "\(occurrence.term) → \(names.joined(separator: ", "))"
        highlights.append(
          TermHighlight(
            side: .source, utf8Range: occurrence.sourceRange, entryID: entry, status: status,
            note: note))
        for rendering in occurrence.renderings {
          let origin = rendering.origin == .glossary ? "" : ", \(rendering.origin.rawValue)"
          highlights.append(
            TermHighlight(
              side: .target, utf8Range: rendering.targetRange, entryID: entry,
              status: rendering.status?.isAccepted == false ? .wrong : .ok,
              note: "\(rendering.name) (for \(occurrence.term)\(origin))"))
        }
      }
      guard let findings else { return highlights }
      let backing: [Status: [Finding]] = [
        .missing: findings.filter { $0.kind == .termMissing },
        .wrong: findings.filter { $0.kind == .forbiddenTerm },
      ]
      return highlights.map { highlight in
        var highlight = highlight
        let backed = backing[highlight.status, default: []].contains { finding in
          let range = highlight.side == .source ? finding.sourceRange : finding.targetRange
          return range?.overlaps(highlight.utf8Range) == true
        }
        if highlight.status != .ok && !backed { highlight.status = .ok }
        return highlight
      }
    }

    private static func unique(_ names: [String]) -> [String] {
      var seen: Set<String> = []
      return names.filter { seen.insert($0).inserted }
    }
  }
}

/// The renderings report: for each source term found, how each occurrence was rendered and whether
/// the document renders it consistently (`bitext terms`).
///
///     let report = TermReport(occurrences: checker.occurrences(alignment, source: de, target: en))
///     // report.terms.first { $0.term == "Truppe" }?.isConsistent == false
public struct TermReport: Hashable, Sendable {
  /// One source term (a glossary entry, or a tracked term) and its renderings.
  public struct Term: Hashable, Sendable {
    /// The source term as the glossary (or --track) gives it.
    public var term: String
    public var entryID: String?
    /// Whole-word occurrences in text order.
    public var occurrences: [TermOccurrence]
    /// Each distinct rendering (spelling variants merged) with the source sentences using it,
    /// most used first.
    public var renderings: [(name: String, sentences: [Int])]
    /// False when two beads use disjoint sets of renderings (acronyms such as "U.S." are compatible
    /// with any rendering).
    public var isConsistent: Bool

    public static func == (lhs: Term, rhs: Term) -> Bool {
      lhs.term == rhs.term && lhs.entryID == rhs.entryID && lhs.occurrences == rhs.occurrences
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(term)
      hasher.combine(entryID)
      hasher.combine(occurrences)
    }
  }

  public var terms: [Term]

  /// Groups whole-word occurrences by glossary entry (or tracked term), in order of first
  /// occurrence.
  public init(occurrences: [TermOccurrence]) {
    var order: [String] = []
    var groups: [String: [TermOccurrence]] = [:]
    for occurrence in occurrences where occurrence.kind.isWholeWord {
      let key = occurrence.entryID.map { "entry:" + $0 } ?? "term:" + occurrence.term
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(occurrence)
    }
    terms = order.map { Self.summarise(groups[$0]!) }
  }

  private static func summarise(_ occurrences: [TermOccurrence]) -> Term {
    var beadKeys: [Int: Set<String>] = [:]
    var names: [String: String] = [:]
    var sentences: [String: [Int]] = [:]
    var order: [String] = []
    for occurrence in occurrences {
      for rendering in occurrence.renderings {
        let key = TerminologyChecker.spellingKey(rendering.name)
        if names[key] == nil {
          names[key] = rendering.name
          order.append(key)
        }
        for sentence in occurrence.sourceSentences where sentences[key]?.contains(sentence) != true
        {
          sentences[key, default: []].append(sentence)
        }
        if !rendering.isAcronym { beadKeys[occurrence.bead, default: []].insert(key) }
      }
    }
    let beads = beadKeys.keys.sorted()
    let inconsistent = beads.contains { first in
      beads.contains { $0 > first && beadKeys[first]!.isDisjoint(with: beadKeys[$0]!) }
    }
    let ranked = order.enumerated().sorted {
      let (left, right) = (sentences[$0.element]!.count, sentences[$1.element]!.count)
      return left != right ? left > right : $0.offset < $1.offset
    }.map(\.element)
    return Term(
      term: occurrences[0].term, entryID: occurrences[0].entryID, occurrences: occurrences,
      renderings: ranked.map { (names[$0]!, sentences[$0]!) }, isConsistent: !inconsistent)
  }
}

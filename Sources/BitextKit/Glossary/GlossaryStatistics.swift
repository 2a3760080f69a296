/// Counts of a glossary's entries and terms, for `bitext glossary stats`.
public struct GlossaryStatistics: Hashable, Sendable {
  public var entries: Int
  /// Terms per language and status, languages in glossary order.
  public var terms: [(language: Language, counts: [TermStatus: Int])]
  /// Entries with no preferred or admitted term in the target language.
  public var entriesWithoutAcceptedTarget: Int
  /// Case-sensitive terms (acronyms).
  public var caseSensitiveTerms: Int

  public init(_ glossary: Glossary) {
    entries = glossary.entries.count
    terms = glossary.languages.map { language in
      var counts: [TermStatus: Int] = [:]
      for entry in glossary.entries {
        for term in entry.terms where term.language == language {
          counts[term.status, default: 0] += 1
        }
      }
      return (language, counts)
    }
    let target = glossary.targetLanguage
    entriesWithoutAcceptedTarget =
      target.map { target in
        glossary.entries.count { $0.acceptedTerms(in: target).isEmpty }
      } ?? 0
    caseSensitiveTerms = glossary.entries.reduce(0) {
      $0 + $1.terms.count(where: \.isCaseSensitive)
    }
  }

  /// A few lines of text: entries, then terms per language and status.
  public func report(name: String) -> String {
    var text = "\(name): \(entries) entries\n"
    for (language, counts) in terms {
      let total = counts.values.reduce(0, +)
      let parts = TermStatus.allCases.compactMap { status in
        counts[status].map { "\($0) \(status.rawValue)" }
      }
      text += "  \(language): \(total) terms (\(parts.joined(separator: ", ")))\n"
    }
    text += "  case-sensitive terms: \(caseSensitiveTerms)\n"
    text += "  entries without an accepted target term: \(entriesWithoutAcceptedTarget)\n"
    return text
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.entries == rhs.entries
      && lhs.entriesWithoutAcceptedTarget == rhs.entriesWithoutAcceptedTarget
      && lhs.caseSensitiveTerms == rhs.caseSensitiveTerms
      && lhs.terms.map(\.language) == rhs.terms.map(\.language)
      && lhs.terms.map(\.counts) == rhs.terms.map(\.counts)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(entries)
    hasher.combine(entriesWithoutAcceptedTarget)
  }
}

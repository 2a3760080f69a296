import Foundation

/// Scores an extracted glossary against gold term pairs, as the WMT 2023 terminology data's
/// README defines it (`bitext eval terms`).
///
/// Gold pairs are counted once each (distinct German–English pairs). The extracted list is cut at
/// twice that number of entries, highest termhood first. A pair is *found* when an entry of the
/// cut list groups its German form (equal base forms, `CandidateExtractor.key(of:)`: stem keys,
/// case-insensitive); its rendering is *right* when the gold English is among that entry's
/// renderings, compared case-insensitively with hyphens as spaces. Recall = found / gold pairs;
/// rendering accuracy = right / found.
///
///     let score = TermExtractionEvaluation(gold: pairs).score(glossary, extractor: extractor)
///     // score.recall, score.renderingAccuracy
public struct TermExtractionEvaluation: Sendable {
  /// One gold term pair.
  public struct Pair: Hashable, Sendable {
    public var german: String
    public var english: String

    public init(german: String, english: String) {
      self.german = german
      self.english = english
    }
  }

  public struct Score: Sendable {
    /// Distinct gold pairs.
    public var goldPairs: Int
    /// The length the extracted list was cut to (twice `goldPairs`) and the entries it had.
    public var cut: Int
    public var extracted: Int
    public var found: Int
    public var right: Int
    /// Pairs whose German term was not found, and found pairs with a wrong rendering.
    public var missed: [Pair]
    /// For each of `missed`, the 1-based rank of an entry grouping its German form below the cut;
    /// nil when no entry groups it (the term was never proposed).
    public var missedRanks: [Int?] = []
    public var wrong: [(pair: Pair, renderings: [String])]

    public var recall: Double { goldPairs == 0 ? 0 : Double(found) / Double(goldPairs) }
    public var renderingAccuracy: Double { found == 0 ? 0 : Double(right) / Double(found) }
    /// Found with the right rendering, over all gold pairs.
    public var pairRecall: Double { goldPairs == 0 ? 0 : Double(right) / Double(goldPairs) }
  }

  /// The distinct gold pairs, in order of first appearance.
  public var gold: [Pair]

  public init(gold: [Pair]) {
    var seen: Set<Pair> = []
    self.gold = gold.filter { seen.insert($0).inserted }
  }

  /// Reads a JSONL file whose line *i* is a JSON array of `{"de": …, "en": …}` objects: the term
  /// pairs of line *i*.
  ///
  /// - Returns: the pairs of each line, in line order.
  /// - Throws: `InputError` naming the file and line of a malformed one.
  public static func readGold(path: String) throws(InputError) -> [[Pair]] {
    let document = try TextReader.read(path: path)
    var lines: [[Pair]] = []
    for (number, line) in document.text(0..<document.utf8.count)
      .split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      if line.trimmingCharacters(in: .whitespaces).isEmpty {
        if number < document.utf8.count { lines.append([]) }
        continue
      }
      guard let array = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any] else {
        throw .malformed(
          SourceLocation(file: path, line: number + 1, column: 1),
          reason: "expected a JSON array of {\"de\", \"en\"} objects")
      }
      var pairs: [Pair] = []
      for item in array {
        guard let object = item as? [String: Any], let german = object["de"] as? String,
          let english = object["en"] as? String
        else {
          throw .malformed(
            SourceLocation(file: path, line: number + 1, column: 1),
            reason: "a term pair without \"de\" and \"en\" strings")
        }
        pairs.append(Pair(german: german, english: english))
      }
      lines.append(pairs)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// The score of `glossary` (its terms highest termhood first).
  public func score(_ glossary: ExtractedGlossary, extractor: CandidateExtractor) -> Score {
    let cut = 2 * gold.count
    let entries = glossary.terms.prefix(cut)
    // The base forms an entry groups: its own and its forms' (a misspelling's differs).
    func keys(_ term: ExtractedTerm) -> Set<String> {
      Set([term.candidate.key] + term.candidate.forms.keys.map(extractor.key(of:)))
    }
    var byKey: [String: [ExtractedTerm]] = [:]
    for term in entries {
      for key in keys(term) { byKey[key, default: []].append(term) }
    }
    var rankBelowCut: [String: Int] = [:]
    for (offset, term) in glossary.terms.enumerated().dropFirst(cut) {
      for key in keys(term) where rankBelowCut[key] == nil { rankBelowCut[key] = offset + 1 }
    }
    var missedRanks: [Int?] = []
    var found = 0
    var right = 0
    var missed: [Pair] = []
    var wrong: [(Pair, [String])] = []
    for pair in gold {
      let key = extractor.key(of: pair.german)
      guard let terms = byKey[key] else {
        missed.append(pair)
        missedRanks.append(rankBelowCut[key])
        continue
      }
      found += 1
      let renderings = terms.flatMap { $0.renderings.map(\.name) }
      let english = Self.comparable(pair.english)
      if renderings.contains(where: { Self.comparable($0) == english }) {
        right += 1
      } else {
        wrong.append((pair, renderings))
      }
    }
    return Score(
      goldPairs: gold.count, cut: cut, extracted: glossary.terms.count, found: found, right: right,
      missed: missed, missedRanks: missedRanks, wrong: wrong)
  }

  /// The distinct pairs of `gold` (the pairs of each line) whose German form is written in none of
  /// the lines that list them (`lines`, the German text of each): fragments of the automatic
  /// annotation ("Jahr Rezessionsjahr" for "Rezessionsjahr") that no extractor can find, so that
  /// recall is at most 1 − their share.
  public static func unwritten(_ gold: [[Pair]], lines: [String]) -> Set<Pair> {
    var written: Set<Pair> = []
    var listed: Set<Pair> = []
    for (pairs, line) in zip(gold, lines) {
      for pair in pairs {
        listed.insert(pair)
        if line.contains(pair.german) { written.insert(pair) }
      }
    }
    return listed.subtracting(written)
  }

  /// The pairs of `pairs` whose German form has no term's shape: one word in lower case (a verb,
  /// an adjective or a function word: "meldete" → "reported", "noch" → "sti"), or a form that
  /// starts with punctuation (", die" → "who"). The candidates (nouns, compounds,
  /// acronyms, names and phrases built on a noun) never include them.
  public static func termless(_ pairs: some Sequence<Pair>) -> Set<Pair> {
    Set(
      pairs.filter { pair in
        guard let first = pair.german.first else { return true }
        return !(first.isLetter || first.isNumber)
          || (first.isLowercase && !pair.german.contains(where: \.isWhitespace))
      })
  }

  /// An English term for comparison: case-folded, hyphens as spaces, white space collapsed.
  static func comparable(_ text: String) -> String {
    TextNormalizer.foldCase(text).replacingOccurrences(of: "-", with: " ")
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}

/// Finds glossary terms in running text: inflected, inside compounds, in any case or typography.
///
/// Text is tokenised (ICU words) and each word looked up once under its keys (see `TermIndex`);
/// from every token the matcher walks the index's trie, so the cost grows with the text, not with
/// the number of terms. The rules:
/// - inflection: Snowball stems per word ("Truppen" → "Truppe"; "nuclear arsenals", "spokesman's"),
///   German adjective declension inside multi-word terms ("des Kalten Krieges", "des Weißen
///   Hauses", "den Dritten Weltkrieg");
/// - English phrases: after a preposition inside a term, up to two words of the text (a
///   determiner, modifiers) may come before the term's next word: "member of parliament" in
///   "Members of the European Parliament", "head of government" in "head of the federal
///   government";
/// - hyphens: each part of "NATO-Truppen" is a word ("Truppe" matches), and hyphenated and closed
///   spellings meet ("Kreml-Sprecher", "Kremlsprecher");
/// - German compounds: a single-word noun term as the head of a closed compound
///   ("Atomwaffenarsenale" holds "Arsenal") or as its first part before a linking element
///   ("Atomwaffe-n-"); hyphen coordination ("Staats- und Regierungschefs" holds "Staatschef" in
///   "Staats-");
/// - the longest occurrence wins: overlapping shorter matches are dropped ("Atomwaffenarsenal" over
///   "Atomwaffe", "Kalter Krieg" over "Krieg"); equal ranges are all kept (entries sharing a term);
/// - never inside an unrelated word: only whole tokens match, except for the compound rules, which
///   need four-letter parts and no derivational prefix ("Rat" is not in "Ratte" or "Heirat");
/// - case-sensitive terms match their letter case only ("US" is not "us").
///
///     let patterns = [TermPattern(id: 7, text: "Kalter Krieg")]
///     let matcher = TermMatcher(language: .german, patterns: patterns)
///     let matches = matcher.matches(in: "während des Kalten Krieges")
///     // matches == [TermMatch(termID: 7, utf8Range: 12..<31, kind: .exact)]
///
/// Not thread-safe (it owns an ICU tokenizer, a stemmer and caches): use one per task, sharing the
/// `TermIndex`.
public final class TermMatcher {
  public let index: TermIndex
  private let tokenizer: Tokenizer
  private let keyer: TermKeyer
  private var analyses: [String: WordAnalysis] = [:]
  /// When true (the default), the longest of overlapping matches wins; when false, every match is
  /// reported, overlapping or not (what a check needs to see every rendering in a translation).
  public var resolvesOverlaps = true

  /// What the index knows about one word of the text.
  private struct WordAnalysis {
    var keys: [String]
    /// Compound heads: terms the word ends with, and the folded modifier before them.
    var heads: [(ids: [Int], modifier: String)] = []
    /// Compound modifiers: terms the word starts with, as the folded prefix they take.
    var modifiers: [(ids: [Int], prefix: String)] = []
  }

  /// A possible match before overlaps are resolved.
  private struct Candidate {
    var ids: [Int]
    var range: Range<Int>
    var kind: TermMatch.Kind
  }

  public init(index: TermIndex) {
    self.index = index
    self.keyer = TermKeyer(language: index.language)
    self.tokenizer = Tokenizer(language: index.language, normalizer: keyer.normalizer)
  }

  /// A matcher over a fresh index of `patterns`.
  public convenience init(language: Language, patterns: [TermPattern]) {
    self.init(index: TermIndex(language: language, patterns: patterns))
  }

  // MARK: - Matching

  /// The terms in a UTF-8 byte range of `document`; match ranges are offsets into `document.utf8`.
  ///
  /// - Returns: Matches in text order (then by term ID).
  /// - Complexity: O(*n* · *d*) in the number of tokens *n* and the depth *d* of the trie (the
  ///   longest term in words); compound lookups are linear in the length of each distinct word.
  public func matches(in document: Document, range: Range<Int>) -> [TermMatch] {
    matches(in: tokenizer.tokens(in: document.utf8, range: range), bytes: document.utf8)
  }

  /// The terms in a whole document; ranges are offsets into `document.utf8`.
  public func matches(in document: Document) -> [TermMatch] {
    matches(in: document, range: document.contentStart..<document.utf8.count)
  }

  /// The terms in a string; ranges are UTF-8 offsets into it.
  public func matches(in text: String) -> [TermMatch] {
    let bytes = Array(text.utf8)
    return matches(in: tokenizer.tokens(in: bytes, range: 0..<bytes.count), bytes: bytes)
  }

  /// The terms in tokens made by a `Tokenizer` of the index's language over `bytes`.
  public func matches(in tokens: [Token], bytes: [UInt8]) -> [TermMatch] {
    var candidates: [Candidate] = []
    let words = tokens.map { $0.kind == .word ? analysis(of: $0) : nil }
    for start in tokens.indices {
      walk(from: start, tokens: tokens, words: words, into: &candidates)
      if let word = words[start] {
        compoundCandidates(word, token: tokens[start], bytes: bytes, into: &candidates)
      }
      coordinationCandidates(at: start, tokens: tokens, into: &candidates)
    }
    return resolve(candidates, bytes: bytes)
  }

  // MARK: - Whole words

  /// Walks the trie from token `start`, over single tokens and closed-up hyphen pairs.
  private func walk(
    from start: Int, tokens: [Token], words: [WordAnalysis?], into candidates: inout [Candidate]
  ) {
    var frontier: [(node: Int, next: Int)] = [(0, start)]
    let begin = tokens[start].utf8Range.lowerBound
    while let (node, position) = frontier.popLast() {
      guard position < tokens.count else { continue }
      // The next token on its own.
      for key in keys(of: tokens[position], words[position]) {
        guard let child = index.child(of: node, key: key) else { continue }
        let end = position + 1
        let ids = index.terminals(of: child)
        if !ids.isEmpty {
          let kind: TermMatch.Kind =
            end - start == 1 && isEllipticalModifier(position, in: tokens)
            ? .compoundModifier : .exact
          candidates.append(
            Candidate(ids: ids, range: begin..<tokens[position].utf8Range.upperBound, kind: kind))
        }
        frontier.append((child, end))
        // "member of parliament" in "members of the European Parliament".
        if index.opensPhrase(child) {
          var skipped = end
          while skipped < min(end + Self.maximumModifiers, tokens.count),
            tokens[skipped].kind == .word
          {
            skipped += 1
            frontier.append((child, skipped))
          }
        }
      }
      // "Kreml-Sprecher" as one word.
      if position + 2 < tokens.count, tokens[position].kind == .word,
        tokens[position + 1].key == "-",
        tokens[position + 2].kind == .word
      {
        let stem = keyer.stemKey(tokens[position].key + tokens[position + 2].key)
        for key in keyer.wordKeys(stem: stem, text: tokens[position].text) {
          guard let child = index.child(of: node, key: key) else { continue }
          let ids = index.terminals(of: child)
          if !ids.isEmpty {
            candidates.append(
              Candidate(
                ids: ids, range: begin..<tokens[position + 2].utf8Range.upperBound, kind: .exact))
          }
          frontier.append((child, position + 3))
        }
      }
    }
  }

  /// Words allowed between a preposition inside a term and the term's next word
  /// (`TermIndex.phrasePrepositions`).
  private static let maximumModifiers = 2

  private func keys(of token: Token, _ word: WordAnalysis?) -> [String] {
    word?.keys ?? [token.key]
  }

  /// True when token `position` is the first conjunct of a hyphen coordination ("Staats-" in
  /// "Staats- und Regierungschefs"): a word used as a compound's first part.
  private func isEllipticalModifier(_ position: Int, in tokens: [Token]) -> Bool {
    guard position + 2 < tokens.count, tokens[position].kind == .word,
      tokens[position + 1].key == "-",
      tokens[position + 1].utf8Range.lowerBound
        == tokens[position].utf8Range.upperBound
    else { return false }
    return Self.coordinators.contains(tokens[position + 2].key)
  }

  /// Conjunctions and punctuation that continue a hyphen coordination.
  private static let coordinators: Set<String> = [
    "und", "oder", "sowie", "bzw", "beziehungsweise", "wie", ",", "and", "or",
  ]

  // MARK: - Compounds

  private func analysis(of token: Token) -> WordAnalysis {
    if let cached = analyses[token.text] { return cached }
    let stem = keyer.stemKey(token.key)
    var keys = keyer.wordKeys(stem: stem, text: token.text) + [keyer.caseKey(token.text)]
    keys += keyer.adjectiveKeys(token.key)
    var word = WordAnalysis(keys: keys)
    // Compound parts are nouns: capitalised words only.
    if keyer.isGerman, !index.heads.isEmpty, TermKeyer.isCapitalized(token.text) {
      findCompoundParts(token.key, stem: stem, into: &word)
    }
    if analyses.count > 200_000 { analyses.removeAll(keepingCapacity: true) }
    analyses[token.text] = word
    return word
  }

  /// Fills in the compound heads and modifiers of a German word.
  private func findCompoundParts(_ key: String, stem: String, into word: inout WordAnalysis) {
    let folded = GermanMorphology.foldUmlauts(key)
    let minimum = GermanMorphology.minimumCompoundPart
    guard folded.count >= minimum + 3 else { return }
    // Heads: the stem and the key without a noun ending, read backwards.
    var forms: Set<String> = [stem, folded]
    for ending in GermanMorphology.nounEndings where folded.hasSuffix(ending) {
      let base = String(folded.dropLast(ending.count))
      // The stem key kept an agent noun's "-er" ("Klimaschützer"): not a plural ending here.
      if ending.hasPrefix("er"), stem == base + "er" { continue }
      forms.insert(base)
    }
    var seen: Set<String> = []
    for form in forms {
      let scalars = Array(form.unicodeScalars)
      index.heads.walk(scalars.reversed()) { length, ids in
        let modifier = String(String.UnicodeScalarView(scalars[..<(scalars.count - length)]))
        guard length < scalars.count, GermanMorphology.isPlausibleModifier(modifier[...]),
          seen.insert(modifier + "|" + ids.map(String.init).joined(separator: ",")).inserted
        else { return }
        word.heads.append((ids, modifier))
      }
    }
    // Modifiers: a term, a linking element, and at least four more letters.
    let scalars = Array(folded.unicodeScalars)
    index.modifiers.walk(scalars) { length, ids in
      let rest = String(String.UnicodeScalarView(scalars[length...]))
      // The longest linking element that leaves a part of four letters; the part includes it.
      let link = GermanMorphology.linkingElements.filter { link in
        rest.hasPrefix(link) && rest.count - link.count >= minimum
      }.max { $0.count < $1.count }
      guard let link else { return }
      let part = String(String.UnicodeScalarView(scalars[..<(length + link.count)]))
      word.modifiers.append((ids, part))
    }
  }

  private func compoundCandidates(
    _ word: WordAnalysis, token: Token, bytes: [UInt8], into candidates: inout [Candidate]
  ) {
    let range = token.utf8Range
    for (ids, modifier) in word.heads {
      let split = byteOffset(after: modifier, in: token) ?? range.lowerBound
      candidates.append(Candidate(ids: ids, range: split..<range.upperBound, kind: .compoundHead))
    }
    for (ids, prefix) in word.modifiers {
      let split = byteOffset(after: prefix, in: token) ?? range.upperBound
      candidates.append(
        Candidate(ids: ids, range: range.lowerBound..<split, kind: .compoundModifier))
    }
  }

  /// The file offset at which the part of `token` whose folded key is `prefix` ends, or nil.
  private func byteOffset(after prefix: String, in token: Token) -> Int? {
    var offset = token.utf8Range.lowerBound
    var text = ""
    for character in token.text {
      text.append(character)
      offset += character.utf8.count
      let key = GermanMorphology.foldUmlauts(keyer.normalizer.key(text))
      if key == prefix { return offset }
      if key.count > prefix.count { return nil }
    }
    return nil
  }

  // MARK: - Hyphen coordination

  /// "Staats- und Regierungschefs": the first conjunct closed up with the head of the last one,
  /// looked up as a single-word term ("Staatschef").
  private func coordinationCandidates(
    at start: Int, tokens: [Token], into candidates: inout [Candidate]
  ) {
    guard isEllipticalModifier(start, in: tokens) else { return }
    // Skip further conjuncts ("Staats-, Regierungs- und Parteichefs") to the last one.
    var position = start + 2
    while position < tokens.count {
      if Self.coordinators.contains(tokens[position].key) {
        position += 1
      } else if position + 1 < tokens.count, tokens[position + 1].key == "-",
        tokens[position].kind == .word
      {
        position += 2
      } else {
        break
      }
    }
    guard position < tokens.count, tokens[position].kind == .word else { return }
    let first = tokens[start].key
    let last = Array(tokens[position].key.unicodeScalars)
    let minimum = GermanMorphology.minimumCompoundPart
    guard last.count >= minimum else { return }
    // The longest head of the last conjunct that makes a term with the first.
    for split in 0...(last.count - minimum) {
      let head = String(String.UnicodeScalarView(last[split...]))
      let stem = keyer.stemKey(first + head)
      let keys = keyer.wordKeys(stem: stem, text: tokens[start].text)
      guard let child = keys.lazy.compactMap({ self.index.child(of: 0, key: $0) }).first else {
        continue
      }
      let ids = index.terminals(of: child)
      guard !ids.isEmpty else { continue }
      let range = tokens[start].utf8Range.lowerBound..<tokens[start + 1].utf8Range.upperBound
      candidates.append(Candidate(ids: ids, range: range, kind: .coordinated))
      return
    }
  }

  // MARK: - Overlaps

  /// Of terms matched at the same place through the same stems, those whose written form is
  /// closest to the text's (longest common prefix of the keys): "Kriegsverbrechen" names the
  /// crime, "Kriegsverbrechern" the criminals. Terms with equal texts are all kept.
  private func closestForms(_ candidate: Candidate, bytes: [UInt8]) -> [Int] {
    guard candidate.ids.count > 1, candidate.kind == .exact else { return candidate.ids }
    let text = Array(
      GermanMorphology.foldUmlauts(
        keyer.normalizer.key(String(decoding: bytes[candidate.range], as: UTF8.self))
      ).unicodeScalars)
    func commonPrefix(_ id: Int) -> Int {
      guard let form = index.formKeys[id] else { return 0 }
      return zip(form.unicodeScalars, text).prefix { $0 == $1 }.count
    }
    let lengths = candidate.ids.map(commonPrefix)
    let best = lengths.max()!
    return zip(candidate.ids, lengths).filter { $0.1 == best }.map(\.0)
  }

  /// The longest candidates that do not overlap a longer one; candidates with the same range and
  /// kind as an accepted one are kept too.
  private func resolve(_ candidates: [Candidate], bytes: [UInt8]) -> [TermMatch] {
    func rank(_ kind: TermMatch.Kind) -> Int { TermMatch.Kind.allCases.firstIndex(of: kind)! }
    let ordered = candidates.sorted {
      if $0.range.count != $1.range.count { return $0.range.count > $1.range.count }
      if $0.kind != $1.kind { return rank($0.kind) < rank($1.kind) }
      return $0.range.lowerBound < $1.range.lowerBound
    }
    var accepted: [Candidate] = []
    if resolvesOverlaps, ordered.count > 1 {
      // The accepted candidate covering each byte: accepted ones never overlap, except for
      // identical ranges. Linear in the bytes the candidates cover.
      var first = Int.max
      var end = Int.min
      for candidate in ordered {
        first = min(first, candidate.range.lowerBound)
        end = max(end, candidate.range.upperBound)
      }
      var owner = [Int32](repeating: -1, count: end - first)
      for candidate in ordered {
        let bytes = (candidate.range.lowerBound - first)..<(candidate.range.upperBound - first)
        let isFree = bytes.allSatisfy { byte in
          let other = owner[byte]
          return other < 0
            || (accepted[Int(other)].range == candidate.range
              && accepted[Int(other)].kind == candidate.kind)
        }
        guard isFree else { continue }
        for byte in bytes where owner[byte] < 0 { owner[byte] = Int32(accepted.count) }
        accepted.append(candidate)
      }
    } else {
      accepted = ordered
    }
    var matches: [TermMatch] = []
    var seen: Set<TermMatch> = []
    for candidate in accepted {
      for id in closestForms(candidate, bytes: bytes) {
        let match = TermMatch(termID: id, utf8Range: candidate.range, kind: candidate.kind)
        if seen.insert(match).inserted { matches.append(match) }
      }
    }
    return matches.sorted {
      ($0.utf8Range.lowerBound, $0.termID) < ($1.utf8Range.lowerBound, $1.termID)
    }
  }
}

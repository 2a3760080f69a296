/// Finds the German term candidates of a text: nouns and compounds, hyphenated compounds,
/// acronyms, names, adjective + noun phrases, coordinated compounds, and recurring noun pairs and
/// genitive phrases; each grouped by its base form.
///
///     let extractor = CandidateExtractor()
///     let candidates = extractor.candidates(in: sentences, of: german)
///     // "Gegenoffensive", "Kreml-Sprecher", "Staats- und Regierungschefs", …
///
/// Capitalisation is the evidence for a noun, so a capitalised word starting a sentence counts only
/// when the text also has it capitalised elsewhere, a sentence without lower-case letters (a
/// heading such as "UKRAINE-STRATEGIE?") gives no candidates, and a capitalised adjective only
/// counts inside a run of capitalised words ("Kalten Krieges"). The base form is the term
/// matcher's: Snowball stem keys of the words with umlauts folded (`TermKeyer`), leading and
/// trailing articles and prepositions dropped ("Die Globalschätzung" is "Globalschätzung"), so
/// "Truppen" and "Truppe" are one candidate, shown in its most frequent surface form.
///
/// Not thread-safe (it owns a stemmer cache): one per task.
public final class CandidateExtractor {
  public let language: Language
  private let keyer: TermKeyer
  private let tokenizer: Tokenizer

  public init(language: Language = .german) {
    self.language = language
    self.keyer = TermKeyer(language: language)
    self.tokenizer = Tokenizer(language: language)
  }

  // MARK: - Keys

  /// The base form of a term as written: the stem keys of its words and numbers, joined by
  /// spaces, without leading or trailing function words; "" when nothing is left.
  ///
  ///     extractor.key(of: "die Truppen") == extractor.key(of: "Truppe")   // "trupp"
  public func key(of text: String) -> String {
    key(words: tokenizer.tokens(in: text).filter { $0.kind != .punctuation })
  }

  func key(words: [Token]) -> String {
    var words = words[...]
    while words.count > 1, let first = words.first,
      GermanMorphology.functionWords.contains(first.key)
    {
      words.removeFirst()
    }
    while words.count > 1, let last = words.last, GermanMorphology.functionWords.contains(last.key)
    {
      words.removeLast()
    }
    return words.map { $0.kind == .word ? keyer.stemKey($0.key) : $0.key }.joined(separator: " ")
  }

  // MARK: - Extraction

  /// The candidates of `sentences` (of `document`), most frequent first, then in order of first
  /// occurrence.
  ///
  /// - Parameters:
  ///   - sentences: the source sentences; their indexes are the candidates' sentence numbers.
  ///   - document: the document the sentences' UTF-8 ranges point into.
  /// - Complexity: O(*n*) in the number of words.
  public func candidates(in sentences: [Sentence], of document: Document) -> [TermCandidate] {
    let tokenized = sentences.map { sentence in
      tokenizer.tokens(in: document.utf8, range: clamped(sentence.utf8Range, document))
    }
    // Words seen capitalised inside a sentence: a sentence-initial word must be one of them.
    var nounKeys: Set<String> = []
    for tokens in tokenized {
      let words = tokens.filter { $0.kind == .word }
      for word in words.dropFirst() where TermKeyer.isCapitalized(word.text) {
        nounKeys.insert(word.key)
      }
    }
    // Capitalised words with an adjective ending that never stand without a capitalised word after
    // them are adjectives of names ("Vereinigten Staaten", "Kalten Krieges"), not nouns.
    var seen: [String: (total: Int, beforeCapital: Int)] = [:]
    for tokens in tokenized {
      let words = tokens.filter { $0.kind == .word }
      for (index, word) in words.enumerated() where TermKeyer.isCapitalized(word.text) {
        guard GermanMorphology.adjectiveEndings.contains(where: { word.key.hasSuffix($0) }) else {
          continue
        }
        let next = index + 1 < words.count ? words[index + 1] : nil
        let before = next.map { TermKeyer.isCapitalized($0.text) } ?? false
        seen[word.key, default: (0, 0)].total += 1
        if before { seen[word.key]!.beforeCapital += 1 }
      }
    }
    let nameAdjectives = Set(seen.filter { $0.value.total == $0.value.beforeCapital }.keys)
    var groups: [String: TermCandidate] = [:]
    var order: [String] = []
    func add(_ parts: ArraySlice<Token>, kind: TermCandidate.Kind, sentence: Int) {
      guard let first = parts.first, let last = parts.last else { return }
      let key = key(words: parts.filter { $0.kind != .punctuation })
      guard key.count >= 2 else { return }
      let text = document.text(first.utf8Range.lowerBound..<last.utf8Range.upperBound)
      if groups[key] == nil {
        order.append(key)
        let wordCount = parts.indices.filter { index in
          parts[index].kind != .punctuation
            && !(index > parts.startIndex && isGlued(parts[index - 1], parts[index])
              && parts[index - 1].key == "-")
        }.count
        groups[key] = TermCandidate(
          key: key, text: text, kind: kind, forms: [:], sentences: [], wordCount: wordCount)
      }
      groups[key]!.forms[text, default: 0] += 1
      groups[key]!.sentences.append(sentence)
    }
    for (sentence, tokens) in tokenized.enumerated() {
      guard tokens.contains(where: { $0.kind == .word && $0.text.contains(where: \.isLowercase) })
      else { continue }  // a heading in capitals
      scan(
        tokens, sentence: sentence, nounKeys: nounKeys, nameAdjectives: nameAdjectives,
        document: document, add: add)
    }
    var result = order.map { key -> TermCandidate in
      var candidate = groups[key]!
      candidate.text = candidate.commonestForm
      return candidate
    }
    result.removeAll { $0.count < $0.kind.minimumCount }
    return result
  }

  /// One unit of a sentence: a word, or a hyphenated compound ("Kreml-Sprecher", "NATO-Truppen"),
  /// as a range of token indexes.
  private struct Unit {
    var tokens: Range<Int>
    var isCapitalized: Bool
    var isAcronym: Bool
    var isHyphenated: Bool
    /// The unit is the first word of its sentence.
    var isInitial: Bool
    /// A truncated compound: the unit ends with a hyphen followed by space ("Staats-").
    var isTruncated: Bool
    var key: String
  }

  private func scan(
    _ tokens: [Token], sentence: Int, nounKeys: Set<String>, nameAdjectives: Set<String>,
    document: Document,
    add: (ArraySlice<Token>, TermCandidate.Kind, Int) -> Void
  ) {
    // Units: words (and numbers inside hyphenated compounds) glued by hyphens.
    var units: [Unit] = []
    var index = 0
    var seenWord = false
    while index < tokens.count {
      guard tokens[index].kind == .word else {
        index += 1
        continue
      }
      var end = index + 1
      while end + 1 < tokens.count, tokens[end].key == "-",
        isGlued(tokens[end - 1], tokens[end]),
        isGlued(tokens[end], tokens[end + 1]), tokens[end + 1].kind != .punctuation
      {
        end += 2
      }
      var truncated = false
      if end < tokens.count, tokens[end].key == "-", isGlued(tokens[end - 1], tokens[end]),
        end + 1 == tokens.count || !isGlued(tokens[end], tokens[end + 1])
      {
        truncated = true
        end += 1
      }
      let text = tokens[index].text
      let isAcronym = end == index + 1 && TermKeyer.isAcronym(text)
      units.append(
        Unit(
          tokens: index..<end, isCapitalized: TermKeyer.isCapitalized(text), isAcronym: isAcronym,
          isHyphenated: end - index > 1 && !truncated, isInitial: !seenWord, isTruncated: truncated,
          key: tokens[index].key))
      seenWord = true
      index = end
    }
    func slice(_ from: Int, _ to: Int) -> ArraySlice<Token> {
      tokens[units[from].tokens.lowerBound..<units[to].tokens.upperBound]
    }
    /// A noun: capitalised, not a function word or a capitalised pronoun, and either inside the
    /// sentence or known as a noun from elsewhere.
    func isNoun(_ unit: Unit) -> Bool {
      guard unit.isCapitalized, !unit.isTruncated else { return false }
      if GermanMorphology.functionWords.contains(unit.key)
        || Self.capitalisedNonNouns.contains(unit.key)
      {
        return false
      }
      return !unit.isInitial || unit.isAcronym || unit.isHyphenated || nounKeys.contains(unit.key)
    }
    var position = 0
    while position < units.count {
      let unit = units[position]
      if isNoun(unit) {
        let kind: TermCandidate.Kind =
          unit.isAcronym ? .acronym : unit.isHyphenated ? .hyphenated : .noun
        if unit.isHyphenated || unit.isAcronym || !nameAdjectives.contains(unit.key) {
          add(slice(position, position), kind, sentence)
        }
        // A run of capitalised words: a (multiword) name.
        // "für", "of", "and", "for" may join two of its words ("Bundesministerium für
        // Wissenschaft", "Disease Control and Prevention").
        var end = position
        while end + 1 < units.count, adjacent(units[end], units[end + 1]) {
          if isNoun(units[end + 1]) || isNameAdjective(units, end + 1) {
            end += 1
          } else if end + 2 < units.count, Self.nameConnectors.contains(units[end + 1].key),
            isNoun(units[end + 2]), adjacent(units[end + 1], units[end + 2])
          {
            end += 2
          } else {
            break
          }
        }
        if end > position, end - position < 5, isNoun(units[end]) {
          add(slice(position, end), .name, sentence)
        }
        // Noun "und" noun; noun and a genitive.
        if position + 2 < units.count, units[position + 1].key == "und",
          isNoun(units[position + 2]),
          !units[position + 2].isAcronym, isPhraseNoun(unit), isPhraseNoun(units[position + 2]),
          adjacent(unit, units[position + 1]),
          adjacent(units[position + 1], units[position + 2])
        {
          add(slice(position, position + 2), .nounPair, sentence)
        }
        if position + 2 < units.count, ["des", "der"].contains(units[position + 1].key) {
          var head = position + 2
          if head + 1 < units.count, isAdjective(units[head]), isNoun(units[head + 1]) { head += 1 }
          if isNoun(units[head]), isPhraseNoun(unit), isPhraseNoun(units[head]),
            (position + 1..<head).allSatisfy({ adjacent(units[$0], units[$0 + 1]) }),
            adjacent(units[position], units[position + 1])
          {
            add(slice(position, head), .genitive, sentence)
          }
        }
      } else if unit.isTruncated, position + 2 < units.count,
        ["und", "oder", "bzw", "sowie"].contains(units[position + 1].key),
        isNoun(units[position + 2]),
        adjacent(unit, units[position + 1])
      {
        add(slice(position, position + 2), .coordinatedCompound, sentence)
      } else if !unit.isCapitalized, isAdjective(unit), position + 1 < units.count,
        isNoun(units[position + 1]), !units[position + 1].isAcronym,
        isPhraseNoun(units[position + 1]),
        adjacent(unit, units[position + 1]),
        position == 0 || Self.determiners.contains(units[position - 1].key)
          || Self.adjectiveSuffixes.contains(where: { stripped(unit.key).hasSuffix($0) })
      {
        add(slice(position, position + 1), .adjectiveNoun, sentence)
      }
      position += 1
    }
  }

  /// A noun that can be part of a phrase: at least three letters ("F" of "F & E" is not).
  private func isPhraseNoun(_ unit: Unit) -> Bool {
    unit.key.count >= 3
  }

  /// True when the two units follow each other with only white space between.
  private func adjacent(_ left: Unit, _ right: Unit) -> Bool {
    right.tokens.lowerBound == left.tokens.upperBound
  }

  /// True when nothing separates the two tokens.
  private func isGlued(_ left: Token, _ right: Token) -> Bool {
    left.utf8Range.upperBound == right.utf8Range.lowerBound
  }

  /// A lower-case word with an adjective ending ("russischen", "öffentliche").
  private func isAdjective(_ unit: Unit) -> Bool {
    guard !unit.isCapitalized, unit.tokens.count == 1, unit.key.count >= 5,
      !GermanMorphology.functionWords.contains(unit.key), !Self.determiners.contains(unit.key),
      !Self.notAdjectives.contains(unit.key)
    else { return false }
    return GermanMorphology.adjectiveEndings.contains { unit.key.hasSuffix($0) }
  }

  /// A capitalised adjective inside a name ("die Vereinigten Staaten", "des Kalten Krieges").
  private func isNameAdjective(_ units: [Unit], _ index: Int) -> Bool {
    let unit = units[index]
    return unit.isCapitalized && !unit.isInitial && !unit.isTruncated
      && GermanMorphology.adjectiveEndings.contains { unit.key.hasSuffix($0) }
  }

  /// `key` without its adjective ending.
  private func stripped(_ key: String) -> String {
    for ending in GermanMorphology.adjectiveEndings where key.hasSuffix(ending) {
      return String(key.dropLast(ending.count))
    }
    return key
  }

  private func clamped(_ range: Range<Int>, _ document: Document) -> Range<Int> {
    min(range.lowerBound, document.utf8.count)..<min(range.upperBound, document.utf8.count)
  }

  // MARK: - Word classes

  /// Words after which a lower-case word with an adjective ending is an attributive adjective.
  static let determiners: Set<String> = [
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "kein", "keine", "keiner", "keinen", "keinem", "keines", "dieser", "diese", "dieses", "diesem",
    "diesen", "jeder", "jede", "jedes", "jedem", "jeden", "alle", "aller", "allen", "sein",
    "seine", "seiner", "seinen", "seinem", "seines", "ihr", "ihre", "ihrer", "ihren", "ihrem",
    "ihres", "unser", "unsere", "unserer", "unseren", "mit", "von", "vom", "zu", "zum", "zur",
    "für", "in", "im", "an", "am", "auf", "aus", "bei", "nach", "über", "unter", "gegen", "durch",
    "und", "oder", "sowie", "als", "wie", "mehrere", "viele", "vielen", "einige", "einigen",
    "beiden", "bzw", "sehr", "stark", "besonders",
  ]

  /// Derivational suffixes of adjectives (before the declension ending): an adjective with one of
  /// them needs no determiner before it.
  static let adjectiveSuffixes = [
    "isch", "lich", "ig", "al", "iv", "ell", "ar", "bar", "los", "sam", "haft", "ent", "end",
  ]

  /// Lower-case words with an adjective's ending that are not adjectives: prepositions, adverbs,
  /// auxiliaries and the commonest verb forms.
  static let notAdjectives: Set<String> = [
    "zwischen", "während", "wegen", "trotz", "gegenüber", "neben", "hinter", "oben", "unten",
    "innerhalb", "außerhalb", "oberhalb", "unterhalb", "anhand", "mittels", "seitens", "entlang",
    "haben", "werden", "wurden", "worden", "würden", "sollen", "sollten", "können", "könnten",
    "müssen", "müssten", "wollen", "wollte", "wollten", "hatte", "hatten", "hätte", "hätten",
    "waren", "wären", "sagte", "sagten", "gegeben", "machen", "gehen", "stehen", "liegen",
    "sehen", "geben", "nehmen", "kommen", "bleiben", "lassen", "eben", "gestern", "morgen",
    "selten", "später", "immer", "nimmer", "weder", "außer", "ebenfalls", "insgesamt", "jene",
    "jenen", "jener", "welche", "welcher", "welchen", "solche", "solchen", "andere", "anderen",
    "anderer", "mehrere", "einige", "einigen", "wenige", "wenigen", "seinen", "ihren", "unseren",
    "dessen", "deren", "denen", "bereits", "sondern", "aber", "oder", "etwa", "ebenso",
  ]

  /// Lower-case words that may join the words of a name.
  static let nameConnectors: Set<String> = ["für", "of", "and", "for"]

  /// Capitalised words that are not nouns: the polite pronouns.
  static let capitalisedNonNouns: Set<String> = [
    "sie", "ihr", "ihre", "ihrer", "ihren", "ihrem", "ihres", "ihnen",
  ]
}

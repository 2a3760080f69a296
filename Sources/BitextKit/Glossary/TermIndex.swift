/// The compiled form of a list of terms in one language: a trie over word keys, built once and
/// shared by any number of `TermMatcher`s.
///
/// Each term is tokenised like running text and stored as the sequence of its words' keys (see
/// `TermKeyer`): the Snowball stem, the case key for case-sensitive terms, and for German
/// adjectives inside a multi-word term their declension bases. A word of a term may have several
/// keys; a text word matches it when they share one. Hyphenated terms are also stored closed up
/// ("Kreml-Sprecher" as "Kremlsprecher"). German single-word nouns of four letters or more also go
/// into two scalar tries for compound parts: reversed (heads) and forward (modifiers).
///
///     let patterns = [TermPattern(id: 0, text: "Kalter Krieg")]
///     let index = TermIndex(language: .german, patterns: patterns)
///     // index.count == 1
///
/// - Complexity: building is O(*n*) in the total length of the terms.
public struct TermIndex: Sendable {
  struct Node: Hashable, Sendable {
    var children: [String: Int32] = [:]
    var terminals: [Int] = []
    /// Reached by an English preposition: the text may put modifiers before the next word.
    var opensPhrase = false
  }

  /// English prepositions whose object, inside a term, may take a determiner and modifiers in
  /// running text: "head of government" in "head of the federal government".
  static let phrasePrepositions: Set<String> = [
    "of", "for", "to", "in", "on", "at", "from", "with", "against",
  ]

  public let language: Language
  /// The terms, as given.
  public let patterns: [TermPattern]
  /// The comparison key of each term's text, by ID: ties between terms that share a stem are
  /// broken by the form ("Kriegsverbrechen" and "Kriegsverbrecher" both stem to "kriegsverbrech").
  private(set) var formKeys: [Int: String] = [:]
  private(set) var nodes: [Node] = [Node()]
  /// German single-word terms, reversed (stem and umlaut-folded key): compound heads.
  private(set) var heads = ScalarTrie()
  /// German single-word terms, forward: compound modifiers.
  private(set) var modifiers = ScalarTrie()

  /// Compiles `patterns` for matching in `language` text.
  public init(language: Language, patterns: [TermPattern]) {
    self.language = language
    self.patterns = patterns
    let keyer = TermKeyer(language: language)
    let tokenizer = Tokenizer(language: language, normalizer: keyer.normalizer)
    for pattern in patterns {
      formKeys[pattern.id] = GermanMorphology.foldUmlauts(keyer.normalizer.key(pattern.text))
      let tokens = tokenizer.tokens(in: pattern.text)
      guard !tokens.isEmpty else { continue }
      let units = Self.units(of: tokens, caseSensitive: pattern.isCaseSensitive, keyer: keyer)
      insert(units[...], id: pattern.id, at: 0)
      if let closed = Self.closedUp(tokens, caseSensitive: pattern.isCaseSensitive, keyer: keyer) {
        insert(closed[...], id: pattern.id, at: 0)
      }
      if keyer.isGerman, !pattern.isCaseSensitive, tokens.count == 1, tokens[0].kind == .word,
        tokens[0].text.first?.isUppercase == true
      {
        let folded = GermanMorphology.foldUmlauts(tokens[0].key)
        let stem = keyer.stemKey(tokens[0].key)
        guard stem.count >= GermanMorphology.minimumCompoundPart else { continue }
        for form in Set([folded, stem]) {
          heads.insert(form.unicodeScalars.reversed(), id: pattern.id)
          modifiers.insert(form.unicodeScalars, id: pattern.id)
        }
      }
    }
  }

  /// The number of terms.
  public var count: Int { patterns.count }

  // MARK: - Building

  /// The keys of each token of a term.
  static func units(of tokens: [Token], caseSensitive: Bool, keyer: TermKeyer) -> [[String]] {
    tokens.indices.map { index in
      let token = tokens[index]
      guard token.kind == .word else { return [token.key] }
      if caseSensitive { return [keyer.caseKey(token.text)] }
      var keys = [keyer.termKey(stem: keyer.stemKey(token.key), text: token.text)]
      if isAdjectival(index, in: tokens, keyer: keyer) { keys += keyer.adjectiveKeys(token.key) }
      return keys
    }
  }

  /// True for a German word that precedes another word of the term without a hyphen and is not a
  /// function word: the place of an adjective ("Kalter Krieg", "Weißes Haus").
  static func isAdjectival(_ index: Int, in tokens: [Token], keyer: TermKeyer) -> Bool {
    guard keyer.isGerman, !GermanMorphology.functionWords.contains(tokens[index].key) else {
      return false
    }
    let rest = tokens[(index + 1)...]
    guard let next = rest.first, next.kind == .word else { return false }
    return true
  }

  /// The term with each "word-word" hyphen pair closed up, or nil when it has none.
  static func closedUp(_ tokens: [Token], caseSensitive: Bool, keyer: TermKeyer) -> [[String]]? {
    guard !caseSensitive, tokens.count >= 3 else { return nil }
    var units: [[String]] = []
    var index = 0
    var changed = false
    while index < tokens.count {
      if index + 2 < tokens.count, tokens[index].kind == .word, tokens[index + 1].key == "-",
        tokens[index + 2].kind == .word
      {
        let stem = keyer.stemKey(tokens[index].key + tokens[index + 2].key)
        units.append([keyer.termKey(stem: stem, text: tokens[index].text)])
        index += 3
        changed = true
      } else {
        units.append(Self.units(of: [tokens[index]], caseSensitive: false, keyer: keyer)[0])
        index += 1
      }
    }
    return changed ? units : nil
  }

  /// Inserts the rest of a term below `node`, following every key of each unit.
  private mutating func insert(_ units: ArraySlice<[String]>, id: Int, at node: Int) {
    guard let unit = units.first else {
      if !nodes[node].terminals.contains(id) { nodes[node].terminals.append(id) }
      return
    }
    var fresh: Int?
    var targets: [Int] = []
    for key in unit {
      if let child = nodes[node].children[key] {
        if !targets.contains(Int(child)) { targets.append(Int(child)) }
      } else {
        if fresh == nil {
          nodes.append(Node())
          fresh = nodes.count - 1
          targets.append(fresh!)
        }
        nodes[node].children[key] = Int32(fresh!)
      }
    }
    if language == .english, unit.contains(where: Self.phrasePrepositions.contains) {
      for target in targets { nodes[target].opensPhrase = true }
    }
    for target in targets { insert(units.dropFirst(), id: id, at: target) }
  }

  // MARK: - Lookup

  func child(of node: Int, key: String) -> Int? {
    nodes[node].children[key].map(Int.init)
  }

  func terminals(of node: Int) -> [Int] { nodes[node].terminals }

  func opensPhrase(_ node: Int) -> Bool { nodes[node].opensPhrase }
}

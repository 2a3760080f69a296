/// Computes the keys under which the term index stores term words and looks up text words.
///
/// Both sides of a match go through the same functions, so a rule applies to terms and text alike:
/// - the stem key: the Snowball stem of the comparison key (`TextNormalizer.key`), with German
///   "ae"/"oe"/"ue" read as umlauts and the "-er" of an umlauted agent noun kept
///   (`GermanMorphology.keepingAgentSuffix`), English "-men" read as "-man" ("spokesmen") and
///   "-sis" as "-ses" ("crisis", "crises");
/// - the case key (`=` prefix) for case-sensitive terms: the stem of the word as written, with the
///   plural or possessive "s" of an acronym removed ("NGOs", "NATO's" → "NGO", "NATO");
/// - the noun key (`N:` prefix, German): the stem key of a capitalised word, which a capitalised
///   term word requires, since German capitalises nouns;
/// - adjective keys (`a:` prefix, German): the bases of `GermanMorphology.adjectiveBases`.
///
/// Not thread-safe (it owns a stemmer and a cache): one per task.
final class TermKeyer {
  let language: Language
  let normalizer = TextNormalizer()
  private let stemmer: Stemmer?
  private var stemCache: [String: String] = [:]

  init(language: Language) {
    self.language = language
    self.stemmer = Stemmer(language: language)
  }

  var isGerman: Bool { language == .german }

  /// The stem key of a comparison key.
  func stemKey(_ key: String) -> String {
    if let cached = stemCache[key] { return cached }
    var word = key
    if isGerman { word = GermanMorphology.readTransliteratedUmlauts(word) }
    // Greek plurals: "crisis" and "crises" meet as "crises" (Snowball: "crisi" and "crise").
    if language == .english, word.hasSuffix("sis"), word.count >= 5 {
      word = String(word.dropLast(2)) + "es"
    }
    var stem = stemmer?.stem(word) ?? word
    if isGerman {
      stem = GermanMorphology.keepingAgentSuffix(
        stem: GermanMorphology.foldUmlauts(stem), word: word)
    } else if language == .english, stem.hasSuffix("men"), stem.count > 3 {
      stem = String(stem.dropLast(3)) + "man"
    }
    if stemCache.count > 500_000 { stemCache.removeAll(keepingCapacity: true) }
    stemCache[key] = stem
    return stem
  }

  /// The case-sensitive key of a word as written.
  func caseKey(_ text: String) -> String {
    var word = TextNormalizer.nfc(text)
    // Typographic apostrophes as "'" (the rest of the case key keeps the text as written).
    if word.unicodeScalars.contains(where: { $0 == "’" || $0 == "ʼ" || $0 == "‘" }) {
      word = String(
        String.UnicodeScalarView(
          word.unicodeScalars.map { $0 == "’" || $0 == "ʼ" || $0 == "‘" ? "'" : $0 }))
    }
    if word.hasSuffix("'s") {
      word.removeLast(2)
    } else if word.hasSuffix("'") {
      word.removeLast()
    }
    // The plural or genitive "s" of an acronym: "NGOs", "BNDs".
    if word.hasSuffix("s"), Self.isAcronym(word.dropLast()) {
      word.removeLast()
    }
    return "=" + (stemmer?.stem(word) ?? word)
  }

  /// The stem keys a word of running text offers: its stem key and, for a capitalised German
  /// word (a noun, or a word starting a sentence), the noun key too.
  func wordKeys(stem: String, text: String) -> [String] {
    isGerman && Self.isCapitalized(text) ? [stem, "N:" + stem] : [stem]
  }

  /// The stem key under which a term word is stored: a capitalised German term word is a noun and
  /// matches capitalised text words only ("Sprecher" is not "sprechen", whose stem it shares).
  func termKey(stem: String, text: String) -> String {
    isGerman && Self.isCapitalized(text) ? "N:" + stem : stem
  }

  static func isCapitalized(_ text: some StringProtocol) -> Bool {
    text.first?.isUppercase == true
  }

  /// True for an acronym: two characters or more, each a capital letter or a digit ("NATO",
  /// "G7").
  static func isAcronym(_ text: some StringProtocol) -> Bool {
    text.unicodeScalars.count >= 2
      && text.unicodeScalars.allSatisfy {
        $0.properties.isUppercase || $0.properties.numericType != nil
      }
  }

  /// The adjective keys of a comparison key (German; empty for other languages).
  func adjectiveKeys(_ key: String) -> [String] {
    guard isGerman, key.count >= 3 else { return [] }
    return GermanMorphology.adjectiveBases(key).sorted().map { "a:" + $0 }
  }
}

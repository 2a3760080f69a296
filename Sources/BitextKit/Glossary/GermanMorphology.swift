/// The German word-formation rules the term matcher applies on top of the Snowball stemmer.
///
/// All functions take comparison keys (`TextNormalizer.key`: case-folded, "ß" as "ss") and are
/// rules of the grammar, never lists of forms of particular terms:
/// - adjective declension: strong, weak and mixed endings (-e, -em, -en, -er, -es), the dropped
///   "e" of adjectives in -el and -er ("dunkel" → "dunkle", "teuer" → "teure") and "hoch" → "hoh-";
/// - compounds: linking elements (Fugenelemente: -s-, -es-, -n-, -en-, -e-, -er-, -ens-, -ns-), the
///   noun endings a compound head may carry, and the prefixes that make derivations, not compounds.
public enum GermanMorphology {
  // MARK: - Umlauts

  /// `key` with "ä", "ö", "ü" as "a", "o", "u": the folding Snowball's German stemmer applies.
  public static func foldUmlauts(_ key: String) -> String {
    guard key.utf8.contains(where: { $0 >= 0x80 }) else { return key }
    var result = String.UnicodeScalarView()
    for scalar in key.unicodeScalars {
      switch scalar {
      case "ä": result.append("a")
      case "ö": result.append("o")
      case "ü": result.append("u")
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  /// `key` with the transliterations "ae", "oe", "ue" read as umlauts ("Muenchen" → "münchen"),
  /// except "ue" after "q" ("Quelle") and "e" ("Feuer" keeps "eue").
  public static func readTransliteratedUmlauts(_ key: String) -> String {
    guard key.contains("e") else { return key }
    var result = String.UnicodeScalarView()
    let scalars = Array(key.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if index + 1 < scalars.count, scalars[index + 1] == "e",
        scalar == "a" || scalar == "o" || scalar == "u"
      {
        let previous = index > 0 ? scalars[index - 1] : " "
        let blocked = scalar == "u" && (previous == "q" || previous == "e" || previous == "a")
        if !blocked {
          result.append(scalar == "a" ? "ä" : scalar == "o" ? "ö" : "ü")
          index += 2
          continue
        }
      }
      result.append(scalar)
      index += 1
    }
    return String(result)
  }

  // MARK: - Adjective declension

  /// Declension endings of German adjectives (strong, weak and mixed), longest first.
  static let adjectiveEndings = ["em", "en", "er", "es", "e"]

  /// The possible uninflected bases of a German adjective form, umlauts folded.
  ///
  /// Two forms are forms of the same adjective when their bases share an element:
  /// "kalter" → {kalter, kalt}, "kalten" → {kalten, kalt}; "dunkel" → {dunkel, dunkl},
  /// "dunklen" → {dunklen, dunkl, dunkel}; "hoch" → {hoch, hoh}, "hohe" → {hohe, hoh, hoch}.
  /// Bases shorter than three letters are not produced ("neue" keeps "neue"; "neu" needs its own
  /// rule: stems shorter than three letters only match whole).
  public static func adjectiveBases(_ key: String) -> Set<String> {
    let word = foldUmlauts(key)
    var bases: Set<String> = [word]
    var stripped = [word]
    for ending in adjectiveEndings where word.hasSuffix(ending) && word.count - ending.count >= 2 {
      stripped.append(String(word.dropLast(ending.count)))
    }
    for base in stripped {
      bases.insert(base)
      let scalars = Array(base.unicodeScalars)
      let count = scalars.count
      guard count >= 3 else { continue }
      let last = scalars[count - 1]
      let beforeLast = scalars[count - 2]
      // -el / -er adjectives lose their "e" when inflected: dunkel ↔ dunkl-, teuer ↔ teur-.
      if (last == "l" || last == "r") && beforeLast == "e" && count >= 4 {
        bases.insert(String(String.UnicodeScalarView(scalars[..<(count - 2)] + [last])))
      }
      if (last == "l" || last == "r") && beforeLast != "e" && !isVowel(last) {
        bases.insert(String(String.UnicodeScalarView(scalars[..<(count - 1)] + ["e", last])))
      }
      // hoch ↔ hoh-: the only "ch" that becomes "h" before an ending.
      if base.hasSuffix("och") {
        bases.insert(String(base.dropLast(2)) + "h")
      } else if base.hasSuffix("oh") {
        bases.insert(String(base.dropLast(1)) + "ch")
      }
    }
    return bases
  }

  /// Short words that never take adjective endings inside a term (articles, conjunctions,
  /// prepositions): they match by stem only.
  static let functionWords: Set<String> = [
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "und", "oder", "sowie", "bzw", "von", "vom", "zu", "zum", "zur", "für", "fur", "mit", "in",
    "im",
    "an", "am", "auf", "aus", "bei", "nach", "über", "uber", "unter", "gegen", "ohne", "um",
  ]

  static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
    "aeiouyäöü".unicodeScalars.contains(scalar)
  }

  // MARK: - Compounds

  /// Linking elements between the parts of a compound ("Staat-s-chef", "Atomwaffe-n-arsenal",
  /// "Friede-ns-vertrag"), the empty one first.
  public static let linkingElements = ["", "s", "es", "n", "en", "e", "er", "ens", "ns"]

  /// Nouns whose plural ends in "-er" (Land → Länder, Amt → Ämter, Kind → Kinder), as folded
  /// stems, and the suffix "-tum" (Irrtum → Irrtümer): a closed class of German nouns. After any
  /// other noun, an umlaut and "-er" make a new word ("Schutz" → "Schützer").
  static let erPluralNouns: Set<String> = [
    "amt", "bad", "bild", "blatt", "brett", "buch", "dach", "dorf", "fach", "fass", "feld",
    "geist", "geld", "gesicht", "glas", "gott", "grab", "gut", "haus", "horn", "huhn", "kind",
    "kleid", "korn", "kraut", "land", "leib", "licht", "lied", "loch", "mann", "maul", "nest",
    "rad", "rand", "regiment", "rind", "schild", "schloss", "schwert", "spital", "tal", "tuch",
    "volk", "wald", "weib", "wort", "wurm",
  ]

  /// True when a folded stem ends with a noun of the "-er" plural class.
  static func takesErPlural(_ stem: some StringProtocol) -> Bool {
    let stem = String(stem)
    if stem.hasSuffix("tum") { return true }
    return erPluralNouns.contains { stem.hasSuffix($0) }
  }

  /// The stem key of a German word: its Snowball stem (umlauts folded), with an "-er" that the
  /// stemmer removed put back when the word is an umlauted agent noun, not an "-er" plural:
  /// "Klimaschützer" keeps "klimaschutzer" apart from "Klimaschutz", "Kämpfer" from "Kampf",
  /// while "Länder" meets "Land" and "Kämpfe" "Kampf". Inflected forms meet again ("Kämpfer",
  /// "Kämpfern", "Kämpfers"). Stems ending in "t" or "end" are left alone: they are participles,
  /// whose nouns decline like adjectives ("Verbündeter", "Verbündete").
  ///
  /// - Parameters:
  ///   - stem: the Snowball stem, umlauts folded.
  ///   - word: the comparison key of the word, umlauts not folded.
  public static func keepingAgentSuffix(stem: String, word: String) -> String {
    let folded = foldUmlauts(word)
    let base = stem + "er"
    guard folded.hasPrefix(base), ["", "n", "s"].contains(folded.dropFirst(base.count)),
      word.unicodeScalars.contains(where: { "äöü".unicodeScalars.contains($0) }),
      !stem.hasSuffix("t"), !stem.hasSuffix("end"), !takesErPlural(stem)
    else { return stem }
    return base
  }

  /// Endings a noun at the end of a compound may carry (plural, genitive, dative), longest first.
  static let nounEndings = ["ern", "en", "er", "es", "e", "n", "s"]

  /// Prefixes and particles that form derivations, not compounds: "Ohnmacht" is not a kind of
  /// "Macht", nor "Auswahl" of "Wahl". A compound head is not matched after one of these alone.
  static let derivationalPrefixes: Set<String> = [
    "ab", "an", "auf", "aus", "be", "bei", "da", "dar", "durch", "ein", "ent", "er", "fort", "ge",
    "gegen", "her", "hin", "hinter", "los", "miss", "mit", "nach", "ohn", "uber", "um", "un",
    "unter",
    "ur", "ver", "voll", "vor", "weg", "wider", "zer", "zu", "zuruck", "zusammen", "wieder",
    "nieder",
  ]

  /// The shortest modifier (in letters) before a compound head, and the shortest head or modifier
  /// term: shorter ones ("Rat", "Amt") hide inside too many unrelated words ("Heirat", "Samt").
  static let minimumCompoundPart = 4

  /// True when `modifier` (umlauts folded) can be the first part of a compound before a head:
  /// long enough, and not a bare derivational prefix (with or without a linking element).
  static func isPlausibleModifier(_ modifier: Substring) -> Bool {
    guard modifier.count >= 3, let last = modifier.unicodeScalars.last, last != "-" else {
      return false
    }
    for link in linkingElements where modifier.hasSuffix(link) {
      let stem = modifier.dropLast(link.count)
      if derivationalPrefixes.contains(String(stem)) { return false }
    }
    return true
  }
}

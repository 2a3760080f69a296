/// The word lists the boundary rules consult for one language.
///
/// Each language's lists live in one data file (`SegmentationLexicon+German.swift`, `+English`), as
/// white-space separated words. Abbreviations are written lower-case without their final period;
/// inner periods stay and spaces go ("z. B." is `z.b`, "U.S." is `u.s`).
struct SegmentationLexicon: Sendable {
  /// How an abbreviation behaves before a candidate boundary.
  enum Kind: Sendable {
    /// Never ends a sentence: titles and the like ("Dr.", "Prof.", "z. B.", "e.g.").
    case inner
    /// Abbreviates a word that stands before a number ("Nr. 5", "S. 23", "Jan. 20"); ends a
    /// sentence otherwise.
    case beforeNumber
    /// May end a sentence ("usw.", "etc.", "Co.", "U.S."): a boundary only when the next word
    /// clearly starts one.
    case final
  }

  /// A list of words, looked up as written. Its words of one to eight ASCII letters are also
  /// packed into integers (first byte highest, case kept), so that such a word is looked up
  /// without a String.
  struct WordList: Sendable {
    /// A word to look up: packed when it is one to eight ASCII letters that no other letter goes
    /// on from (`NextWord.lookupKey`), as a String otherwise.
    enum Key {
      case packed(UInt64)
      case string(String)
    }

    let words: Set<String>
    private let packed: Set<UInt64>

    init(_ words: some Sequence<String>) {
      self.words = Set(words)
      packed = Set(
        self.words.lazy.filter {
          (1...8).contains($0.utf8.count)
            && $0.utf8.allSatisfy { (0x61...0x7A).contains($0 | 0x20) }
        }.map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } })
    }

    var isEmpty: Bool { words.isEmpty }

    func contains(_ word: String) -> Bool { words.contains(word) }

    func contains(_ key: Key) -> Bool {
      switch key {
      case .packed(let key): packed.contains(key)
      case .string(let word): words.contains(word)
      }
    }
  }

  var abbreviations: [String: Kind] = [:]
  /// Capitalised words that clearly start a sentence ("Der", "Sie", "The", "However").
  var sentenceStarters = WordList([])
  /// Month names and their abbreviations, capitalised ("Februar", "Feb").
  var months = WordList([])
  /// Nouns that follow an ordinal number ("19. Jahrhundert", "2. Weltkrieg").
  var ordinalNouns = WordList([])
  /// Words, lower-case, after which a number with a period is an ordinal ("am 24.", "der 2.").
  var ordinalContext: Set<String> = []
  /// Abbreviations of a time of day ("a.m", "p.m"), final ones.
  var timesOfDay: Set<String> = []
  /// Capitalised words that go with a time of day: weekdays and time zones ("Monday", "EST").
  var wordsAfterTime: Set<String> = []
  /// Words that start sentences in small letters in informal text ("i", "they", "the").
  var smallSentenceStarters: Set<String> = []
  /// Whether "I." is the pronoun rather than an initial (English).
  var pronounI = false
  /// The UTF-8 length of the longest abbreviation (longer words skip the lookups).
  var longestAbbreviation = 5
  /// The abbreviations of at most 8 UTF-8 bytes without a period ("ggü", "röm", "bzw"), their
  /// bytes packed into an integer, first byte highest: for ASCII letters the packing of
  /// `ASCIIWord.key`.
  var packedAbbreviations: Set<UInt64> = []
  /// A 1024-bit filter over `packedAbbreviations`: a clear bit means "not in it", without hashing.
  var packedFilter = [UInt64](repeating: 0, count: 16)
  /// The kinds of the abbreviations of one to eight ASCII letters, by their `ASCIIWord.key`.
  var packedKinds: [UInt64: Kind] = [:]
  /// `timesOfDay` entries of one to eight ASCII letters, by their `ASCIIWord.key`.
  var packedTimesOfDay: Set<UInt64> = []
  /// `ordinalContext` entries of one to eight ASCII letters, by their `ASCIIWord.key` (the others
  /// are looked up as Strings).
  var packedOrdinalContext: Set<UInt64> = []
  /// Whether every month and ordinal noun starts with a capital, so that a word that does not is
  /// neither.
  var numberWordsAreCapitalised = true

  init(
    inner: String = "", beforeNumber: String = "", final: String = "", sentenceStarters: String = "",
    months: String = "", ordinalNouns: String = "", ordinalContext: String = "",
    timesOfDay: String = "", wordsAfterTime: String = "", smallSentenceStarters: String = "",
    pronounI: Bool = false
  ) {
    for (list, kind) in [(final, Kind.final), (beforeNumber, .beforeNumber), (inner, .inner)] {
      for word in Self.words(list) { abbreviations[word.lowercased()] = kind }
    }
    self.sentenceStarters = WordList(Self.words(sentenceStarters))
    self.months = WordList(Self.words(months))
    self.ordinalNouns = WordList(Self.words(ordinalNouns))
    self.ordinalContext = Set(Self.words(ordinalContext).map { $0.lowercased() })
    self.timesOfDay = Set(Self.words(timesOfDay))
    self.wordsAfterTime = Set(Self.words(wordsAfterTime))
    self.smallSentenceStarters = Set(Self.words(smallSentenceStarters))
    self.pronounI = pronounI
    self.longestAbbreviation = max(
      5, abbreviations.keys.map(\.utf8.count).max() ?? 0)
    for (key, kind) in abbreviations {
      if let packed = ASCIIWord(key.utf8)?.key { packedKinds[packed] = kind }
    }
    packedTimesOfDay = Set(self.timesOfDay.compactMap { ASCIIWord($0.utf8)?.key })
    packedOrdinalContext = Set(self.ordinalContext.compactMap { ASCIIWord($0.utf8)?.key })
    numberWordsAreCapitalised = self.months.words.union(self.ordinalNouns.words).allSatisfy {
      $0.unicodeScalars.first.map(\.properties.isUppercase) ?? false
    }
    for key in abbreviations.keys {
      let bytes = Array(key.utf8)
      if bytes.count <= 8, !bytes.contains(UInt8(ascii: ".")) {
        let packed = bytes.reduce(0) { $0 << 8 | UInt64($1) }
        packedAbbreviations.insert(packed)
        let bit = Self.filterBit(packed)
        packedFilter[bit >> 6] |= 1 << UInt64(bit & 63)
      }
    }
  }

  /// Whether `key` (an `ASCIIWord.key`, or packed as in `packedAbbreviations`) is an
  /// abbreviation; most words are ruled out by `packedFilter` alone.
  @inline(__always)
  func isPackedAbbreviation(_ key: UInt64) -> Bool {
    let bit = Self.filterBit(key)
    guard packedFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
    return packedAbbreviations.contains(key)
  }

  /// The filter bit of a packed key: its top ten bits after a multiplicative hash.
  @inline(__always)
  static func filterBit(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
  }

  static func words(_ list: String) -> [String] {
    list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
  }

  /// The lexicon for `language`; languages without their own lists get the English one's
  /// language-neutral parts only.
  static func forLanguage(_ language: Language) -> SegmentationLexicon {
    switch language {
    case .german: german
    case .english: english
    default: neutral
    }
  }

  /// Abbreviations shared by most Latin-script languages.
  static let neutral = SegmentationLexicon(
    inner: "ca cf e.g i.e vs viz", beforeNumber: "nr no p pp", final: "etc")

  /// Letters a word needs to be read as an ordinary word rather than an abbreviation.
  static let vowels: Set<Unicode.Scalar> = [
    "a", "e", "i", "o", "u", "y", "ä", "ö", "ü", "é", "è", "á", "à", "ó", "í", "ú",
    "A", "E", "I", "O", "U", "Y", "Ä", "Ö", "Ü", "É",
  ]
}

extension DingDictionary {
  /// Turns dictionary and glossary terms into the stem keys of their content words.
  ///
  /// A term's words are its runs of letters and digits (an apostrophe between letters stays inside
  /// a word: "Aaron's"); hyphens, slashes, periods and spaces separate words, as ICU's word breaks
  /// do in running text ("NATO-Truppen" is "NATO" and "Truppen"). Each word becomes
  /// `Stemmer.stem(TextNormalizer.key(word))`, the form `BilingualLexicon` stores. Function words
  /// (articles, pronouns, prepositions, auxiliaries, and the dictionary placeholders "jdn.",
  /// "etw.", "sb.", "sth.") and words without a letter or shorter than two characters are dropped.
  ///
  /// Not thread-safe (it owns a `Stemmer`): use one per task.
  final class ContentWords {
    let language: Language
    private let normalizer = TextNormalizer()
    private let stemmer: Stemmer?
    private let functionWords: Set<String>
    /// Word as written → stem number (an index into `stems`), or -1 for a word that is dropped.
    private var memo: [String: Int32] = [:]
    /// Stem key → its number.
    private var numbers: [String: Int32] = [:]
    /// The stem keys seen so far, by number.
    private(set) var stems: [String] = []

    init(language: Language) {
      self.language = language
      self.stemmer = Stemmer(language: language)
      self.functionWords = FunctionWords.list(for: language)
    }

    /// The stem keys of the content words of `term`, in order, without repeats.
    func contentStems(_ term: Substring) -> [String] {
      stemNumbers(term, limit: .max).map { stems[Int($0)] }
    }

    /// The numbers of the stem keys of the content words of `term`, in order, without repeats;
    /// empty when there are more than `limit`.
    func stemNumbers(_ term: Substring, limit: Int) -> [Int32] {
      var numbers: [Int32] = []
      for word in Self.words(term) {
        let number = self.number(word)
        if number >= 0 && !numbers.contains(number) {
          numbers.append(number)
          if numbers.count > limit { return [] }
        }
      }
      return numbers
    }

    /// The stem number of one word, or -1 when the word is not a content word.
    private func number(_ word: Substring) -> Int32 {
      let word = String(word)
      if let known = memo[word] { return known }
      let key = normalizer.key(word)
      var number: Int32 = -1
      if key.count >= 2, !functionWords.contains(key),
        key.unicodeScalars.contains(where: Self.isLetter)
      {
        let stem = stemmer?.stem(key) ?? key
        if let known = numbers[stem] {
          number = known
        } else {
          number = Int32(stems.count)
          numbers[stem] = number
          stems.append(stem)
        }
      }
      memo[word] = number
      return number
    }

    /// The words of `text`: runs of letters, marks and digits, with apostrophes between letters.
    static func words(_ text: Substring) -> [Substring] {
      var words: [Substring] = []
      var start: Substring.Index? = nil
      var previousWasApostrophe = false
      var index = text.startIndex
      let scalars = text.unicodeScalars
      while index < text.endIndex {
        let scalar = scalars[index]
        let next = scalars.index(after: index)
        if isWordScalar(scalar) {
          if start == nil { start = index }
          previousWasApostrophe = false
        } else if start != nil, !previousWasApostrophe, scalar == "'" || scalar == "’",
          next < text.endIndex, isLetter(scalars[next])
        {
          previousWasApostrophe = true
        } else if let wordStart = start {
          words.append(text[wordStart..<index])
          start = nil
          previousWasApostrophe = false
        }
        index = next
      }
      if let wordStart = start { words.append(text[wordStart..<text.endIndex]) }
      return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
      if scalar.isASCII {
        let value = scalar.value
        return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
          || (0x61...0x7A).contains(value)
      }
      let properties = scalar.properties
      return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
        || properties.generalCategory == .decimalNumber
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
      if scalar.isASCII {
        let value = scalar.value | 0x20
        return (0x61...0x7A).contains(value)
      }
      return scalar.properties.isAlphabetic
    }
  }
}

// MARK: - Function words

extension DingDictionary {
  /// Words that carry no lexical evidence in dictionary entries, as comparison keys (lower case).
  enum FunctionWords {
    static func list(for language: Language) -> Set<String> {
      switch language {
      case .german: german
      case .english: english
      default: []
      }
    }

    /// Articles, pronouns, prepositions, conjunctions, auxiliaries, negation, and the Ding
    /// placeholders for "somebody"/"something" (jd., jdn., jdm., jds., etw.).
    static let german: Set<String> = [
      "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
      "und", "oder", "aber", "sondern", "als", "wie", "wenn", "ob", "dass", "daß", "weil", "denn",
      "zu", "zum", "zur", "im", "in", "ins", "an", "am", "ans", "auf", "aus", "bei", "beim", "mit",
      "nach", "von", "vom", "vor", "über", "unter", "um", "für", "durch", "gegen", "ohne", "bis",
      "seit", "ab", "sich", "mich", "dich", "uns", "euch", "mir", "dir", "ihm", "ihn", "ihr",
      "ihnen", "ich", "du", "er", "sie", "es", "wir", "man", "nicht", "kein", "keine", "keinen",
      "sein", "seine", "seinen", "seiner", "seines", "seinem", "ihre", "ihren", "ihrer", "ihres",
      "ihrem", "mein", "dein", "unser", "euer", "ist", "sind", "war", "waren", "wird", "werden",
      "wurde", "wurden", "hat", "haben", "hatte", "hatten", "so", "auch", "noch", "nur", "schon",
      "sehr", "etwas", "jd", "jdn", "jdm", "jds", "jmd", "jmdn", "jmdm", "jmds", "etw", "usw",
      "bzw", "z", "b", "o", "ä", "da", "hin", "her", "eins",
    ]

    /// Articles, pronouns, prepositions, conjunctions, auxiliaries, the infinitive "to", negation,
    /// and the Ding placeholders "sb."/"sth."/"one's".
    static let english: Set<String> = [
      "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
      "from", "as", "into", "onto", "about", "up", "out", "off", "over", "under", "than", "that",
      "this", "these", "those", "which", "who", "whom", "whose", "what", "is", "are", "was", "were",
      "be", "been", "being", "am", "have", "has", "had", "do", "does", "did", "will", "would",
      "shall", "should", "can", "could", "may", "might", "must", "not", "no", "it", "its", "he",
      "him", "his", "she", "her", "hers", "they", "them", "their", "we", "us", "our", "you",
      "your", "i", "me", "my", "one", "one's", "oneself", "sb", "sb's", "sth", "sth's", "someone",
      "somebody", "something", "etc", "so", "too", "also", "very", "if", "whether", "there",
    ]
  }
}

import Foundation

/// A German–English dictionary in the Ding format (Debian's `trans-de-en`) or as TSV, read into
/// word translations for the aligner.
///
/// The Ding format has one entry a line, `German :: English`. Within a side, `|` separates parallel
/// sub-entries (the n-th German sub-entry translates the n-th English one: inflected forms,
/// phrases, examples) and `;` separates synonyms. Grammar tags `{f}`, `{pl}`, usage tags
/// `[coll.]`, comments `(…)` and alternative spellings `<…>` are dropped; lines starting with `#`
/// are comments:
///
///     Truppe {f} [mil.] | Truppen {pl} :: troops; forces | troops; soldiery
///
/// A TSV dictionary has one pair a line, `German<TAB>English` (further columns are ignored).
///
/// Every German variant of a sub-entry is paired with every English variant of the same sub-entry.
/// Function words ("der", "to", "jdn.", "sth.") carry no evidence and are skipped; a pair of
/// variants yields the pairs of their content words' stem keys (see `BilingualLexicon`) when one
/// side is a single content word: "Atomwaffenarsenal" :: "nuclear arsenal" gives
/// atomwaffenarsenal–nuclear and atomwaffenarsenal–arsenal. Pairs of multi-word variants
/// ("Russische Mandel" :: "Russian almond") and Ding variants with more than
/// `maximumContentWords` content words (example sentences, idioms) are skipped: word by word they
/// would pair unrelated words. A TSV line is taken whole: each content word of its German term
/// with each of its English term.
///
///     let dictionary = try DingDictionary(contentsOf: DingDictionary.defaultPath)
///     dictionary.germanToEnglish.targets(of: "trupp")  // ["troop", "forc", "soldieri", …]
///
/// The dictionary's data is read at run time (it is GPL); loading a large file is cached, see
/// `DingDictionary+Cache.swift`.
public struct DingDictionary: Hashable, Sendable {
  /// Word translations, German stem keys → English stem keys.
  public var germanToEnglish: BilingualLexicon

  public init(germanToEnglish: BilingualLexicon = BilingualLexicon()) {
    self.germanToEnglish = germanToEnglish
  }

  /// Where Debian's `trans-de-en` package installs the dictionary.
  public static let defaultPath = "/usr/share/trans/de-en"

  /// `defaultPath` when the dictionary is installed and readable, else nil.
  public static var installedPath: String? {
    FileManager.default.isReadableFile(atPath: defaultPath) ? defaultPath : nil
  }

  /// The languages of every dictionary this type reads.
  public static let languages = (german: Language.german, english: Language.english)

  /// Ding variants with more content words than this on either side are skipped.
  public static let maximumContentWords = 3

  /// The lexicon for aligning `source` with `target`: German → English as read, English → German
  /// inverted, and nil for any other pair of languages.
  public func lexicon(from source: Language, to target: Language) -> BilingualLexicon? {
    if source == .german && target == .english { return germanToEnglish }
    guard source == .english && target == .german else { return nil }
    var inverted = BilingualLexicon()
    for (german, englishStems) in germanToEnglish.translations {
      for english in englishStems { inverted.add(source: english, target: german) }
    }
    return inverted
  }

  /// The dictionary cut down to two documents: only the pairs of a German stem in
  /// `vocabulary.german` with an English stem in `vocabulary.english`, the only pairs an alignment
  /// of those documents can use.
  public func restricted(to vocabulary: Vocabulary) -> DingDictionary {
    var kept = BilingualLexicon()
    for (german, englishStems) in germanToEnglish.translations
    where vocabulary.german.contains(german) {
      for english in englishStems where vocabulary.english.contains(english) {
        kept.add(source: german, target: english)
      }
    }
    return DingDictionary(germanToEnglish: kept)
  }
}

// MARK: - Vocabulary

extension DingDictionary {
  /// The stem keys of the words of two documents: what a dictionary can be restricted to.
  public struct Vocabulary: Hashable, Sendable {
    public var german: Set<String>
    public var english: Set<String>

    public init(german: Set<String>, english: Set<String>) {
      self.german = german
      self.english = english
    }

    /// The stem keys of the word tokens (`Tokenizer`) of German and English sentences.
    public init(german: [Sentence], english: [Sentence]) {
      self.init(german: Self.stems(german, .german), english: Self.stems(english, .english))
    }

    private static func stems(_ sentences: [Sentence], _ language: Language) -> Set<String> {
      let tokenizer = Tokenizer(language: language)
      let stemmer = Stemmer(language: language)
      var stems: Set<String> = []
      for sentence in sentences {
        for token in tokenizer.tokens(in: sentence.text) where token.kind == .word {
          stems.insert(stemmer?.stem(token.key) ?? token.key)
        }
      }
      return stems
    }
  }
}

// MARK: - Parsing

extension DingDictionary {
  /// A dictionary file's layout.
  public enum Format: String, Sendable {
    /// `German :: English`, with `|`, `;` and bracketed tags.
    case ding
    /// `German<TAB>English`.
    case tsv
  }

  /// Parses a dictionary file's text (Ding or TSV, told apart by its first entry line).
  ///
  /// - Throws: `InputError.malformed` at the first line that is neither a comment, blank, nor an
  ///   entry of the file's format.
  public init(parsing document: Document) throws(InputError) {
    let pairs = try Self.pairs(in: document)
    var lexicon = BilingualLexicon()
    for (german, englishStems) in pairs {
      for english in englishStems { lexicon.add(source: german, target: english) }
    }
    self.init(germanToEnglish: lexicon)
  }

  /// German stem → English stems of a dictionary file's text.
  ///
  /// A file of more than `parallelThreshold` bytes is parsed in two halves at once (split at a
  /// line end), each with its own stemmers; the result does not depend on the split.
  static func pairs(in document: Document) throws(InputError) -> [String: Set<String>] {
    let bytes = document.utf8
    var split = max(document.contentStart, bytes.count / 2)
    while split < bytes.count, bytes[split] != 0x0A { split += 1 }
    let chunks =
      bytes.count > parallelThreshold && split < bytes.count
      ? [document.contentStart..<split + 1, split + 1..<bytes.count]
      : [document.contentStart..<bytes.count]
    let results = ChunkResults(count: chunks.count)
    DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
      results.set(index, parseChunk(bytes, chunks[index]))
    }
    var pairs: [String: Set<String>] = [:]
    var linesBefore = 0
    for result in results.all {
      if let (line, reason) = result.failure {
        throw .malformed(
          SourceLocation(file: document.name, line: linesBefore + line, column: 1), reason: reason)
      }
      // A first half ends just after a line end, where `forEachLine` sees one more, empty line.
      linesBefore += result.lines - 1
      if pairs.isEmpty {
        pairs = result.pairs
      } else {
        pairs.merge(result.pairs) { $0.union($1) }
      }
    }
    return pairs
  }

  /// Files larger than this (in bytes) are parsed on two threads.
  static let parallelThreshold = 1 << 20

  /// What parsing a run of lines gives: its pairs, its line count, or its first bad line.
  struct ChunkResult: Sendable {
    var pairs: [String: Set<String>] = [:]
    var lines = 0
    /// The first malformed line (1-based within the chunk) and why.
    var failure: (line: Int, reason: String)? = nil
  }

  /// Results of chunks parsed concurrently, by chunk.
  final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [ChunkResult]

    init(count: Int) { results = Array(repeating: ChunkResult(), count: count) }

    func set(_ index: Int, _ result: ChunkResult) { lock.withLock { results[index] = result } }

    var all: [ChunkResult] { lock.withLock { results } }
  }

  /// Parses the lines of `range` (which starts at a line start).
  ///
  /// The format is the one of the first entry line of the whole file, so that both halves of a
  /// split file read the same format.
  private static func parseChunk(_ bytes: [UInt8], _ range: Range<Int>) -> ChunkResult {
    let parser = LineParser()
    var result = ChunkResult()
    var format: Format? = nil
    bytes.withUnsafeBufferPointer { bytes in
      format = firstEntryFormat(in: bytes)
      let chunk = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
      forEachLine(of: chunk, from: range.lowerBound) { line in
        result.lines += 1
        var first = line.lowerBound
        while first < line.upperBound, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
        if first == line.upperBound || bytes[first] == UInt8(ascii: "#") { return true }
        let reason: String
        switch format {
        case .ding:
          if parser.addDingEntry(bytes, line) { return true }
          reason = "expected a dictionary entry 'German :: English'"
        case .tsv:
          if parser.addTSVEntry(bytes, line) { return true }
          reason = "expected a dictionary entry 'German<TAB>English'"
        case nil:
          reason = "expected a dictionary entry 'German :: English' or 'German<TAB>English'"
        }
        result.failure = (result.lines, reason)
        return false
      }
    }
    result.pairs = parser.pairs()
    return result
  }

  /// The format of the first line that is not blank or a comment: Ding when it has ` :: `, TSV
  /// when it has a tab, else nil.
  private static func firstEntryFormat(in bytes: UnsafeBufferPointer<UInt8>) -> Format? {
    var format: Format? = nil
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    forEachLine(of: bytes, from: start) { line in
      var first = line.lowerBound
      while first < line.upperBound, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
      if first == line.upperBound || bytes[first] == UInt8(ascii: "#") { return true }
      format =
        LineParser.separator(in: bytes, line) != nil
        ? .ding : bytes[line].contains(0x09) ? .tsv : nil
      return false
    }
    return format
  }

  /// Calls `body` with the byte range of each line (without its line end) until it returns false.
  private static func forEachLine(
    of bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ body: (Range<Int>) -> Bool
  ) {
    var start = start
    var index = start
    while index <= bytes.count {
      if index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D {
        guard body(start..<index) else { return }
        if index + 1 < bytes.count, bytes[index] == 0x0D, bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
  }
}

// MARK: - Line parser

extension DingDictionary {
  /// Turns entry lines into stem pairs; keeps one `ContentWords` per language across lines.
  ///
  /// Pairs are collected as numbers (German stem number × 2³² + English stem number) and grouped
  /// at the end: far cheaper than hashing strings for each of the two million pairs of the Ding
  /// file.
  final class LineParser {
    let german = ContentWords(language: .german)
    let english = ContentWords(language: .english)
    private var numberPairs: [UInt64] = []

    /// The pairs added so far: German stem → English stems.
    func pairs() -> [String: Set<String>] {
      numberPairs.sort()
      var pairs: [String: Set<String>] = [:]
      var index = 0
      while index < numberPairs.count {
        let germanNumber = numberPairs[index] >> 32
        var englishStems: Set<String> = []
        while index < numberPairs.count, numberPairs[index] >> 32 == germanNumber {
          englishStems.insert(english.stems[Int(numberPairs[index] & 0xFFFF_FFFF)])
          index += 1
        }
        pairs[german.stems[Int(germanNumber)]] = englishStems
      }
      return pairs
    }

    /// Adds the pairs of one `German :: English` line; false when the line has no ` :: `.
    func addDingEntry(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
      guard let separator = Self.separator(in: bytes, line) else { return false }
      let germanSubEntries = Self.subEntries(bytes, line.lowerBound..<separator)
      let englishSubEntries = Self.subEntries(bytes, (separator + 4)..<line.upperBound)
      for (germanVariants, englishVariants) in zip(germanSubEntries, englishSubEntries) {
        let germanTerms = germanVariants.map {
          german.stemNumbers($0[...], limit: maximumContentWords)
        }
        guard germanTerms.contains(where: { !$0.isEmpty }) else { continue }
        let englishTerms = englishVariants.map {
          english.stemNumbers($0[...], limit: maximumContentWords)
        }
        for germanStems in germanTerms {
          // Word by word only from a single word: "Russische Mandel" :: "Russian almond" would
          // make "almond" a translation of "russisch".
          for englishStems in englishTerms where germanStems.count == 1 || englishStems.count == 1 {
            addPairs(germanStems, englishStems)
          }
        }
      }
      return true
    }

    /// Adds the pairs of one `German<TAB>English` line; false when the line has no tab or an
    /// empty side.
    func addTSVEntry(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
      guard let tab = bytes[line].firstIndex(of: 0x09) else { return false }
      let secondEnd = bytes[(tab + 1)..<line.upperBound].firstIndex(of: 0x09) ?? line.upperBound
      let germanTerm = Self.trimmedString(bytes, line.lowerBound..<tab)
      let englishTerm = Self.trimmedString(bytes, (tab + 1)..<secondEnd)
      guard !germanTerm.isEmpty, !englishTerm.isEmpty else { return false }
      addPairs(
        german.stemNumbers(germanTerm[...], limit: .max),
        english.stemNumbers(englishTerm[...], limit: .max))
      return true
    }

    /// The offset of the first ` :: ` in `line`, or nil.
    static func separator(in bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
      var index = line.lowerBound
      while index + 4 <= line.upperBound {
        if bytes[index + 1] == 0x3A, bytes[index + 2] == 0x3A, bytes[index] == 0x20,
          bytes[index + 3] == 0x20
        {
          return index
        }
        index += 1
      }
      return nil
    }

    /// The text of `range` without leading and trailing spaces and tabs.
    static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
      var (start, end) = (range.lowerBound, range.upperBound)
      while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
      while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private func addPairs(_ germanStems: [Int32], _ englishStems: [Int32]) {
      for germanStem in germanStems {
        for englishStem in englishStems {
          numberPairs.append(UInt64(germanStem) << 32 | UInt64(englishStem))
        }
      }
    }

    /// The sub-entries of one side (split at `|`), each a list of synonyms (split at `;`), with
    /// bracketed text (`{…}`, `[…]`, `(…)`, `<…>`, nested or not) removed and spaces trimmed.
    ///
    /// Works on UTF-8 bytes: every character it looks for is ASCII, so no multi-byte character
    /// can be cut.
    static func subEntries(_ bytes: UnsafeBufferPointer<UInt8>, _ side: Range<Int>) -> [[String]] {
      var subEntries: [[String]] = []
      var variants: [String] = []
      var variant: [UInt8] = []
      var closers: [UInt8] = []  // the closing brackets awaited, innermost last
      func closeVariant() {
        let text = variant.withUnsafeBufferPointer { trimmedString($0, 0..<$0.count) }
        if !text.isEmpty { variants.append(text) }
        variant.removeAll(keepingCapacity: true)
      }
      for byte in bytes[side] {
        switch byte {
        case UInt8(ascii: "("): closers.append(UInt8(ascii: ")"))
        case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
        case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}"))
        case UInt8(ascii: "<"): closers.append(UInt8(ascii: ">"))
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ">"):
          // A closer ends its bracket and any unclosed one inside it; a stray closer is dropped.
          if let open = closers.lastIndex(of: byte) { closers.removeSubrange(open...) }
        case UInt8(ascii: "|") where closers.isEmpty:
          closeVariant()
          subEntries.append(variants)
          variants = []
        case UInt8(ascii: ";") where closers.isEmpty:
          closeVariant()
        default:
          if closers.isEmpty { variant.append(byte) }
        }
      }
      closeVariant()
      subEntries.append(variants)
      return subEntries
    }
  }
}

/// Corrections to ICU's sentence boundaries for news text.
///
/// Works on one paragraph at a time, as UTF-8 bytes in which line ends have become spaces. ICU's
/// boundaries are candidates: each is kept or dropped by looking only at the characters around it
/// (the word before the period, the word after the boundary). A few boundaries ICU misses are added
/// by a byte scan that stops only at periods and a handful of three-byte characters (bullets, "…"):
/// a period glued to the next sentence ("world.Today"), footnote marks ("martyr.[1] The"), bullets,
/// and the next item of a numbered or lettered list ("1. … 2. …").
///
/// The rules, in the order they are tried for a boundary after a period:
/// - a list marker at the start of the sentence ("1.", "a)", "• 3.") does not end it;
/// - a next word in lower case continues the sentence (after "!" and "?" too);
/// - known abbreviations, by kind: never final ("Dr.", "z. B.", "e.g."), final only when no number
///   follows ("Nr. 5", "Jan. 20"), or final when the next word clearly starts a sentence ("usw.",
///   "etc.", "U.S."); spaced forms ("z. B.", "v. Chr.") are read as one;
/// - German ordinals and dates ("am 24. Februar", "im 19. Jahrhundert", "der 2. Weltkrieg");
/// - initials ("Joe R. Biden", "J. R. R. Tolkien") and dotted acronyms ("J.C. Penney");
/// - spaced ellipses (". . .").
///
/// With the `keep` quotation policy, any boundary inside a quotation (`QuotationSpans`) is dropped
/// first.
struct BoundaryRules {
  let language: Language
  let lexicon: SegmentationLexicon
  let quotations: SentenceSplitter.Quotations

  init(language: Language, quotations: SentenceSplitter.Quotations) {
    self.language = language
    self.lexicon = .forLanguage(language)
    self.quotations = quotations
  }

  /// How far ahead the next item of a list is looked for, in UTF-8 bytes.
  static let listWindow = 600

  /// The bytes whose positions `apply` needs marked: periods, and 0xE2, the first byte of
  /// bullets and "…".
  static let markedBytes: (period: UInt8, threeByteLead: UInt8) = (0x2E, 0xE2)

  /// The boundaries to keep (UTF-8 offsets, ascending; the last one is the paragraph's end), in
  /// `kept`; `added` is scratch space. Both are emptied first (their capacity stays). `marks`
  /// holds the positions of the paragraph's `markedBytes`.
  func apply(
    to boundaries: [Int], in bytes: UnsafeBufferPointer<UInt8>, marks: ByteMarks,
    into kept: inout [Int], added: inout [Int]
  ) {
    let text = ParagraphText(bytes: bytes)
    let end = bytes.count
    additions(in: text, marks: marks, into: &added)
    kept.removeAll(keepingCapacity: true)
    kept.reserveCapacity(boundaries.count + added.count)
    var start = text.skippingSpaces(from: 0)
    var marker = ListMarker(at: start, in: text)
    var forced: [Int] = []
    var listStarts = ListStarts()
    func force(_ position: Int) {
      let index = forced.firstIndex { $0 >= position } ?? forced.endIndex
      if index == forced.endIndex || forced[index] != position {
        forced.insert(position, at: index)
      }
    }
    if let marker {
      if let next = nextItem(after: marker, in: text) { force(next) }
      if let next = nextList(after: marker, in: text, starts: &listStarts) { force(next) }
    }
    var icuIndex = 0
    var addedIndex = 0
    var quoted: [Range<Int>] = []
    // A quotation broken off by a dash ends the sentence before a clear start. The rule pairs
    // quotation marks, a scan of its own: English runs it with either policy (it was part of its
    // default before English split inside quotations), other languages with `keep` only, so that
    // German segmentation stays one pass.
    if quotations == .keep || language == .english {
      let spans = QuotationSpans(in: text)
      if quotations == .keep { quoted = spans.ranges }
      for end in spans.interruptions {
        // A broken-off quotation, then a clear sentence start: `to--" At this moment`.
        let next = text.skippingSpaces(from: end)
        if next > end, next < text.count,
          NextWord(at: next, in: text).clearlyStartsSentence(lexicon)
        {
          force(next)
        }
      }
    }
    var quotedIndex = 0
    while true {
      let icu = icuIndex < boundaries.count ? boundaries[icuIndex] : Int.max
      let extra = addedIndex < added.count ? added[addedIndex] : Int.max
      let list = forced.first ?? Int.max
      let position = min(icu, extra, list)
      guard position < end else { break }
      let isForced = position == extra || position == list
      if position == icu { icuIndex += 1 }
      if position == extra { addedIndex += 1 }
      if position == list { forced.removeFirst() }
      guard position > start else { continue }
      while quotedIndex < quoted.count && quoted[quotedIndex].upperBound <= position {
        quotedIndex += 1
      }
      if quotedIndex < quoted.count && quoted[quotedIndex].contains(position) { continue }
      let keep =
        isForced
        ? text.skippingSpaces(backFrom: position, to: start) > start
        : keepsBoundary(at: position, sentenceStart: start, marker: marker, in: text)
      guard keep else { continue }
      kept.append(position)
      start = position
      marker = ListMarker(at: start, in: text)
      if let marker {
        if let next = nextItem(after: marker, in: text) { force(next) }
        if let next = nextList(after: marker, in: text, starts: &listStarts) { force(next) }
      }
    }
    kept.append(end)
  }

  // MARK: - ICU's boundaries

  /// Whether ICU's boundary at `position` (the first byte of the next sentence) stands.
  func keepsBoundary(
    at position: Int, sentenceStart start: Int, marker: ListMarker?, in text: ParagraphText
  ) -> Bool {
    if isPlainSentenceEnd(at: position, sentenceStart: start, marker: marker, in: text) {
      return true
    }
    let contentEnd = text.skippingSpaces(backFrom: position, to: start)
    guard contentEnd > start, position < text.count else { return false }
    let next = text.scalar(at: position).scalar
    if contentEnd == position {
      // No space: "martyr.[|1]", "Y!|J.", "[?][|footnoteRef".
      if let before = text.scalar(before: contentEnd), ParagraphText.isOpeningOnly(before) {
        return false
      }
      if ParagraphText.isLetter(next) || ParagraphText.isDigit(next) { return false }
    }
    if let marker, marker.range.upperBound >= contentEnd { return false }
    if next == "(" && continuesAfterParenthesis(at: position, in: text) { return false }
    var terminalEnd = contentEnd
    while terminalEnd > start, let scalar = text.scalar(before: terminalEnd),
      ParagraphText.isCloser(scalar)
    {
      terminalEnd = text.scalarStart(before: terminalEnd)
    }
    guard terminalEnd > start, let terminal = text.scalar(before: terminalEnd) else { return true }
    let word = NextWord(at: position, in: text)
    if word.startsLowercase && ListMarker(at: position, in: text) == nil {
      // "Er kam. dann" is rare, and so are "'Well!' thought Alice" and "Yahoo! in the" or
      // "alas! either" (a single "!" on a word); "Really?? why" and "Great!!! we" are not.
      if terminal == "." || terminalEnd < contentEnd { return false }
      if terminal == "!", terminalEnd - 1 > start,
        let before = text.scalar(before: terminalEnd - 1), ParagraphText.isLetter(before)
      {
        return false
      }
    }
    guard terminal == "." else { return true }
    return keepsBoundary(
      afterPeriodAt: terminalEnd - 1, next: word, position: position, sentenceStart: start, in: text)
  }

  /// Fast path for the commonest boundaries: a word, a period (or "!", "?"), spaces, a capital
  /// letter ("Bundesregierung. Die", "Russland. Der", "hat.  Über", "Kreml-Sprecher. Er",
  /// "Schuhe . Man", "Winter! Was").
  ///
  /// True when every rule of `keepsBoundary(at:…)` lets the boundary stand; false when they are
  /// to decide. The next sentence starts with a byte `isPlainStart` accepts, so it starts
  /// neither in small letters nor with a parenthesis or a dot; only spaces stand between it and
  /// the final punctuation, which follows no closer. A list marker at the sentence start must end
  /// before the punctuation. After "!" or "?" that settles it. After a period, the rules of
  /// `keepsBoundary(afterPeriodAt:…)` that let it stand are:
  /// - a lone period after a space that follows no other period ("Schuhe . Man");
  /// - a run of ASCII and two-byte Latin-1 letters (C3 80–BF) before the period that is longer
  ///   than any abbreviation and ends in a small ASCII letter (the whole token, hyphens and all,
  ///   is longer still);
  /// - a run that is the whole token (a space or the sentence start before it) and an ordinary
  ///   word (`isOrdinaryASCIIWord`, `isOrdinaryLatinWord`).
  @inline(__always)
  func isPlainSentenceEnd(
    at position: Int, sentenceStart start: Int, marker: ListMarker?, in text: ParagraphText
  ) -> Bool {
    let bytes = text.bytes
    guard position + 1 < bytes.count, position > start + 1, bytes[position - 1] == 0x20,
      Self.isPlainStart(bytes[position], bytes[position + 1])
    else { return false }
    var contentEnd = position - 1
    while contentEnd > start + 1 && bytes[contentEnd - 1] == 0x20 { contentEnd -= 1 }
    let period = contentEnd - 1
    guard period > start else { return false }
    if let marker, marker.range.upperBound >= contentEnd { return false }
    switch bytes[period] {
    case UInt8(ascii: "!"), UInt8(ascii: "?"): return true
    case UInt8(ascii: "."): break
    default: return false
    }
    if bytes[period - 1] == 0x20 {
      // `keepsBoundaryAfterLoneDot`: no period before the spaces.
      var before = period - 1
      while before > 0 && bytes[before - 1] == 0x20 { before -= 1 }
      guard before > 1 else { return false }
      let byte = bytes[before - 1]
      if byte < 0x80 { return byte > 0x20 && byte != UInt8(ascii: ".") }
      return byte <= 0xBF && bytes[before - 2] == 0xC3
    }
    let longest = lexicon.longestAbbreviation
    var wordStart = period
    var isASCII = true
    var isRunKnown = false
    if longest < 8, period - 8 >= start, let base = bytes.baseAddress {
      // The run of ASCII letters before the period, from eight bytes at once: what the loop
      // below finds, unless a Latin-1 letter goes on before it.
      let letters = Self.trailingASCIILetters(
        UnsafeRawPointer(base + period - 8).loadUnaligned(as: UInt64.self))
      if letters > longest { return (0x61...0x7A).contains(bytes[period - 1]) }
      if !(0x80...0xBF).contains(bytes[period - letters - 1]) {
        wordStart = period - letters
        isRunKnown = true
      }
    }
    while !isRunKnown && wordStart > start && period - wordStart <= longest {
      let byte = bytes[wordStart - 1]
      if (0x61...0x7A).contains(byte | 0x20) {
        wordStart -= 1
      } else if (0x80...0xBF).contains(byte) && wordStart - 2 >= start
        && bytes[wordStart - 2] == 0xC3
      {
        wordStart -= 2
        isASCII = false
      } else {
        break
      }
    }
    guard wordStart < period else { return false }
    if period - wordStart > longest { return (0x61...0x7A).contains(bytes[period - 1]) }
    guard wordStart == start || bytes[wordStart - 1] == 0x20 else { return false }
    return isASCII
      ? isOrdinaryASCIIWord(wordStart..<period, position: position, in: text)
      : isOrdinaryLatinWord(wordStart..<period, position: position, in: text)
  }

  /// How many of the bytes of `word` (loaded little-endian) are ASCII letters, counted from its
  /// last byte back to the first that is not.
  @inline(__always)
  static func trailingASCIILetters(_ word: UInt64) -> Int {
    let high: UInt64 = 0x8080_8080_8080_8080
    let folded = word | 0x2020_2020_2020_2020
    let low = folded & 0x7F7F_7F7F_7F7F_7F7F
    // Per byte, without carries between bytes: low + 0x1F reaches 0x80 from "a" (0x61) on, and
    // low + 0x05 from "{" (0x7B) on.
    let fromA = (low &+ 0x1F1F_1F1F_1F1F_1F1F) & high
    let pastZ = (low &+ 0x0505_0505_0505_0505) & high
    let letters = fromA & ~pastZ & ~(folded & high)
    return (~letters & high).leadingZeroBitCount >> 3
  }

  /// Whether a sentence that starts with `first`, `second` starts like most: an ASCII character
  /// that is no small letter, space, dot, parenthesis or bracket, a quotation mark before a
  /// capital, or a capital Latin-1 letter (C3 80–9E but ×).
  @inline(__always)
  static func isPlainStart(_ first: UInt8, _ second: UInt8) -> Bool {
    switch first {
    case 0x41...0x5A, 0x30...0x39: true
    case UInt8(ascii: "\""), UInt8(ascii: "'"): (0x41...0x5A).contains(second)
    case 0xC3: (0x80...0x9E).contains(second) && second != 0x97
    case 0x61...0x7A, 0x00...0x20, 0x7F...0xFF: false
    case UInt8(ascii: "("), UInt8(ascii: "."), UInt8(ascii: "["), UInt8(ascii: "{"): false
    default: true
    }
  }

  /// Whether the parenthesis at `index` closes soon and its sentence goes on or ends after it.
  ///
  /// "CompanyA Inc. (“Company A”), and …", "Smith Ltd. (formerly Jones) said", "CompanyB Inc.
  /// (“Company B”).": a sentence in parentheses has its own period inside them.
  func continuesAfterParenthesis(at index: Int, in text: ParagraphText) -> Bool {
    var close = index + 1
    let limit = min(text.count, index + 120)
    while close < limit && text.bytes[close] != UInt8(ascii: ")") {
      if text.bytes[close] == UInt8(ascii: "(") { return false }
      close += 1
    }
    guard close < limit else { return false }
    let after = text.skippingSpaces(from: close + 1)
    guard after < text.count else { return false }
    switch text.bytes[after] {
    case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: "!"),
      UInt8(ascii: "?"):
      return after == close + 1
    default: return after > close + 1 && NextWord(at: after, in: text).startsLowercase
    }
  }

  /// The rules for a boundary after a period at `period`.
  func keepsBoundary(
    afterPeriodAt period: Int, next: NextWord, position: Int, sentenceStart start: Int,
    in text: ParagraphText
  ) -> Bool {
    let tokenStart = text.tokenStart(endingAt: period, notBefore: start)
    var wordStart = tokenStart
    while wordStart < period, ParagraphText.isOpener(text.scalar(at: wordStart).scalar) {
      wordStart += text.scalar(at: wordStart).length
    }
    if wordStart == period { return keepsBoundaryAfterLoneDot(period, position: position, in: text) }
    if text.bytes[period - 1] == UInt8(ascii: ".") {
      // "that.... She" ends a sentence; an elision "[...]" or "(...)" does not.
      return wordStart == tokenStart
        || !ParagraphText.isOpeningOnly(text.scalar(at: tokenStart).scalar)
    }
    if isLoneDot(at: position, in: text) {
      // "compounds. . . . The practice": the spaced ellipsis opens the next sentence.
      let after = text.skippingSpaces(from: lastLoneDot(from: position, in: text) + 1)
      return after < text.count && NextWord(at: after, in: text).startsUppercase
    }
    // Fast path: a long word in small letters ("Sowjetunion.") is no abbreviation, number or
    // initial.
    if period - wordStart > lexicon.longestAbbreviation,
      (0x61...0x7A).contains(text.bytes[period - 1])
    {
      return true
    }
    let letters = ASCIIWord(text.bytes[wordStart..<period])
    if let letters, isOrdinaryASCIIWord(letters, at: wordStart..<period, position: position, in: text)
    {
      return true
    }
    if isOrdinaryLatinWord(wordStart..<period, position: position, in: text) { return true }
    // Fast path: ASCII digits ("2022.", "24."); no abbreviation holds a digit.
    if text.bytes[wordStart..<period].allSatisfy({ (0x30...0x39).contains($0) }) {
      return keepsBoundaryAfterNumber(
        text.bytes[wordStart..<period], tokenStart: tokenStart, next: next, in: text)
    }
    if let letters,
      let decision = keepsBoundary(
        afterShortASCIIWord: letters, at: wordStart..<period, tokenStart: tokenStart, next: next,
        position: position, sentenceStart: start, in: text)
    {
      return decision
    }
    guard let word = text.string(wordStart..<period, limit: 24) else { return true }
    let lower = word.lowercased()

    // Abbreviations, spaced forms included ("z. B.", "v. Chr.", "u. a.").
    var kind = lexicon.abbreviations[lower]
    var key = lower
    var chainStart = tokenStart
    for _ in 0..<3 {
      // Only when a period and a space come right before: "z. B", "v. Chr".
      guard chainStart >= 2 + start, text.isSpace(at: chainStart - 1),
        text.bytes[chainStart - 2] == UInt8(ascii: ".")
      else { break }
      guard let previous = previousDottedPart(before: chainStart, notBefore: start, in: text) else {
        break
      }
      key = previous.word + "." + key
      if let longer = lexicon.abbreviations[key] { kind = longer }
      chainStart = previous.start
    }
    if let following = dottedPart(at: position, in: text), lower.count <= 4 {
      // The first part of a spaced abbreviation: "z. | B."
      var forward = lower + "." + following.word
      if lexicon.abbreviations[forward] != nil { return false }
      if let third = dottedPart(at: following.next, in: text) {
        forward += "." + third.word
        if lexicon.abbreviations[forward] != nil { return false }
      }
    }
    if let kind {
      switch kind {
      case .inner: return false
      case .final:
        if lexicon.timesOfDay.contains(key) {
          return startsSentenceAfterTime(
            next, tokenStart: tokenStart, sentenceStart: start, in: text)
        }
        return next.clearlyStartsSentence(lexicon)
      case .beforeNumber:
        if next.startsWithDigit { return false }
      }
    }
    let scalars = word.unicodeScalars
    let number = word.drop { $0 == "-" || $0 == "–" }
    if !number.isEmpty && number.unicodeScalars.allSatisfy({ ParagraphText.isDigit($0) }) {
      return keepsBoundaryAfterNumber(Array(number.utf8), tokenStart: tokenStart, next: next, in: text)
    }
    if scalars.count == 1, let letter = scalars.first, ParagraphText.isLetter(letter) {
      if lexicon.pronounI && word == "I" && !followsName(tokenStart, sentenceStart: start, in: text) {
        return true  // "you and I. Did", not "Albert I. Jones"
      }
      return next.clearlyStartsSentence(lexicon)  // an initial: "Joe R. Biden"
    }
    if isDottedLetters(scalars) || isVowelless(scalars) {
      return next.clearlyStartsSentence(lexicon)
    }
    return true
  }

  /// Fast path: 2 to 8 ASCII letters with a vowel (or all capitals) that are no abbreviation and
  /// no part of a spaced one ("hat", "Ukraine", "USA", but not "Dr", "bzw" or the "z" of "z. B.").
  func isOrdinaryASCIIWord(_ word: Range<Int>, position: Int, in text: ParagraphText) -> Bool {
    guard let letters = ASCIIWord(text.bytes[word]) else { return false }
    return isOrdinaryASCIIWord(letters, at: word, position: position, in: text)
  }

  /// `isOrdinaryASCIIWord(_:position:in:)` for the letters at `word`, already read.
  func isOrdinaryASCIIWord(
    _ letters: ASCIIWord, at word: Range<Int>, position: Int, in text: ParagraphText
  ) -> Bool {
    guard letters.count >= 2, !lexicon.isPackedAbbreviation(letters.key) else { return false }
    // A vowel, or no small letter ("USA").
    guard letters.hasVowel || !letters.hasSmallLetter else { return false }
    // A period and a space before the word: a spaced abbreviation may end here ("u. a").
    if word.lowerBound >= 2, text.bytes[word.lowerBound - 2] == UInt8(ascii: "."),
      text.isSpace(at: word.lowerBound - 1)
    {
      return false
    }
    // A short dotted word after it: a spaced abbreviation may start here ("z. | B.").
    if word.count <= 4 {
      var end = position
      while end < text.count && end - position <= 9 && text.bytes[end] > 0x20 { end += 1 }
      if end - position <= 9 && end > position && text.bytes[end - 1] == UInt8(ascii: ".") {
        return false
      }
    }
    return true
  }

  /// Whether `next`, after "a.m." or "p.m.", starts a sentence.
  ///
  /// A capitalised word does ("He left at 6 p.m. Travelers who …", "… at 6 P.M. Mr. Smith then
  /// went"), unless it goes with the time (a weekday, a month, a time zone: "5 p.m. Monday",
  /// "9 a.m. EST") or the time opens the sentence ("At 5 a.m. Mr. Smith went": at most three
  /// words before the abbreviation).
  func startsSentenceAfterTime(
    _ next: NextWord, tokenStart: Int, sentenceStart start: Int, in text: ParagraphText
  ) -> Bool {
    guard next.startsUppercase else { return false }
    let word = next.word
    if lexicon.wordsAfterTime.contains(word) || lexicon.months.contains(word) { return false }
    var words = 0
    var index = tokenStart
    while index > start && words <= 3 {
      let end = text.skippingSpaces(backFrom: index, to: start)
      guard end > start else { break }
      index = text.tokenStart(endingAt: end, notBefore: start)
      words += 1
    }
    return words > 3
  }

  /// Fast path for words with Latin-1 letters ("Büro", "Fuß", "ÖVP"): what `isOrdinaryASCIIWord`
  /// is for ASCII words, read as bytes. Letters are ASCII ones or two-byte forms C3 80–C3 BF
  /// (À–ÿ without × and ÷); the word is lower-cased byte by byte and looked up among the
  /// abbreviations of at most eight bytes, and needs a vowel of `SegmentationLexicon.vowels`
  /// or no small letter, like the slow path's `isVowelless`.
  func isOrdinaryLatinWord(_ word: Range<Int>, position: Int, in text: ParagraphText) -> Bool {
    guard word.count >= 3 else { return false }
    let bytes = text.bytes
    var key: UInt64 = 0
    var hasVowel = false
    var hasLower = false
    var hasLatin = false
    var index = word.lowerBound
    while index < word.upperBound {
      let byte = bytes[index]
      if byte < 0x80 {
        let lower = byte | 0x20
        guard (0x61...0x7A).contains(lower) else { return false }
        switch lower {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
          UInt8(ascii: "u"), UInt8(ascii: "y"):
          hasVowel = true
        default: break
        }
        if byte >= 0x61 { hasLower = true }
        key = key << 8 | UInt64(lower)
        index += 1
        continue
      }
      guard byte == 0xC3, index + 1 < word.upperBound else { return false }
      let second = bytes[index + 1]
      guard (0x80...0xBF).contains(second), second != 0x97, second != 0xB7 else { return false }
      hasLatin = true
      switch second {
      // ä ö ü é è á à ó í ú, Ä Ö Ü É: the vowels of `SegmentationLexicon.vowels`.
      case 0xA4, 0xB6, 0xBC, 0xA9, 0xA8, 0xA1, 0xA0, 0xB3, 0xAD, 0xBA, 0x84, 0x96, 0x9C, 0x89:
        hasVowel = true
      default: break
      }
      if second >= 0x9F { hasLower = true }
      key = key << 16 | 0xC300 | UInt64(second >= 0x9F ? second : second + 0x20)
      index += 2
    }
    guard hasLatin, hasVowel || !hasLower else { return false }
    if word.count <= 8 {
      if lexicon.isPackedAbbreviation(key) { return false }
    } else if word.count <= lexicon.longestAbbreviation {
      return false
    }
    // A period and a space before the word: a spaced abbreviation may end here ("u. a").
    if word.lowerBound >= 2, bytes[word.lowerBound - 2] == UInt8(ascii: "."),
      text.isSpace(at: word.lowerBound - 1)
    {
      return false
    }
    return true
  }

  /// German ordinals and dates: "am 24. Februar", "im 19. Jahrhundert", "der 2. Weltkrieg", "1. -3.".
  ///
  /// - Parameter digits: the number's ASCII digits.
  func keepsBoundaryAfterNumber(
    _ digits: some Collection<UInt8>, tokenStart: Int, next: NextWord, in text: ParagraphText
  ) -> Bool {
    guard !lexicon.ordinalNouns.isEmpty, digits.count <= 3 else { return true }
    if digits.count <= 2 && next.startsWithNumber { return false }
    // Months and ordinal nouns are capitalised (`SegmentationLexicon.numberWordsAreCapitalised`):
    // other words need no lookup.
    if next.startsUppercase || !lexicon.numberWordsAreCapitalised {
      let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
      let isDay = digits.count <= 2 && (1...31).contains(value)
      let key = next.lookupKey
      if isDay && lexicon.months.contains(key) || lexicon.ordinalNouns.contains(key) { return false }
    }
    let previousEnd = text.skippingSpaces(backFrom: tokenStart, to: 0)
    guard previousEnd < tokenStart, previousEnd > 0 else { return true }
    let previousStart = text.tokenStart(endingAt: previousEnd)
    guard previousEnd - previousStart <= 12 else { return true }
    if let previous = ASCIIWord(text.bytes[previousStart..<previousEnd]) {
      return !lexicon.packedOrdinalContext.contains(previous.key)
    }
    guard let previous = text.string(previousStart..<previousEnd, limit: 12) else { return true }
    return !lexicon.ordinalContext.contains(previous.lowercased())
  }

  /// What the String rules of `keepsBoundary(afterPeriodAt:…)` decide for one to eight ASCII
  /// letters ("Dr", "ca", "usw", "J", "Std"), read as bytes; nil when they are to decide: another
  /// word, a period and a space before the token (a spaced abbreviation may end here: "z. B"), or a
  /// short dotted token after a short word (one may start here: "z. | B.").
  func keepsBoundary(
    afterShortASCIIWord letters: ASCIIWord, at word: Range<Int>, tokenStart: Int, next: NextWord,
    position: Int, sentenceStart start: Int, in text: ParagraphText
  ) -> Bool? {
    let bytes = text.bytes
    let key = letters.key
    if tokenStart >= 2 + start, text.isSpace(at: tokenStart - 1),
      bytes[tokenStart - 2] == UInt8(ascii: ".")
    {
      return nil
    }
    if word.count <= 4 {
      let end = text.tokenEnd(from: position)
      if (2...9).contains(end - position), bytes[end - 1] == UInt8(ascii: ".") { return nil }
    }
    if let kind = lexicon.packedKinds[key] {
      switch kind {
      case .inner: return false
      case .final:
        if lexicon.packedTimesOfDay.contains(key) { return nil }
        return next.clearlyStartsSentence(lexicon)
      case .beforeNumber:
        if next.startsWithDigit { return false }
      }
    }
    if word.count == 1 {
      if lexicon.pronounI && bytes[word.lowerBound] == UInt8(ascii: "I")
        && !followsName(tokenStart, sentenceStart: start, in: text)
      {
        return true  // "you and I. Did", not "Albert I. Jones"
      }
      return next.clearlyStartsSentence(lexicon)  // an initial: "Joe R. Biden"
    }
    // `isVowelless`: two to five letters, none a vowel, one small.
    if word.count <= 5 && !letters.hasVowel && letters.hasSmallLetter {
      return next.clearlyStartsSentence(lexicon)
    }
    return true
  }

  /// A boundary after a period standing alone: inside or after a spaced ellipsis (". . .").
  func keepsBoundaryAfterLoneDot(_ period: Int, position: Int, in text: ParagraphText) -> Bool {
    if isLoneDot(at: position, in: text) { return false }
    // Walk back over the lone dots: after "compounds. . . . The" the break came before them
    // (`spacedEllipsisAfterPeriod`).
    var index = period
    var dots = 1
    while true {
      let before = text.skippingSpaces(backFrom: index, to: 0)
      guard before < index, before > 0, text.bytes[before - 1] == UInt8(ascii: ".") else { break }
      let tokenStart = text.tokenStart(endingAt: before)
      guard before - tokenStart == 1 else { return false }
      index = tokenStart
      dots += 1
    }
    // "the thing is . . . I didn't": three dots after a word mark an omission inside the
    // sentence; a fourth is the sentence's own period ("with a period . . . . Next"), and a
    // single one is a period after a space ("survive . That's").
    return dots != 3
  }

  @inline(__always)
  func isLoneDot(at index: Int, in text: ParagraphText) -> Bool {
    index < text.count && text.bytes[index] == UInt8(ascii: ".")
      && (index + 1 == text.count || text.isSpace(at: index + 1))
  }

  func lastLoneDot(from index: Int, in text: ParagraphText) -> Int {
    var index = index
    while true {
      let next = text.skippingSpaces(from: index + 1)
      guard next > index + 1, isLoneDot(at: next, in: text) else { return index }
      index = next
    }
  }

  /// The short dotted word ending just before `index` ("z." before " B."), read lower-case.
  func previousDottedPart(before index: Int, notBefore lower: Int, in text: ParagraphText)
    -> (word: String, start: Int)?
  {
    let end = text.skippingSpaces(backFrom: index, to: lower)
    guard end < index, index - end <= 3, end > lower, text.bytes[end - 1] == UInt8(ascii: ".")
    else { return nil }
    let start = text.tokenStart(endingAt: end - 1, notBefore: lower)
    guard end - 1 - start <= 8, start < end - 1, let word = text.string(start..<(end - 1)),
      word.unicodeScalars.allSatisfy({ ParagraphText.isLetter($0) || $0 == "." })
    else { return nil }
    return (word.lowercased(), start)
  }

  /// The short dotted word starting at `index` ("B." in "z. B."), lower-case, and where the word
  /// after it starts.
  func dottedPart(at index: Int, in text: ParagraphText) -> (word: String, next: Int)? {
    let end = text.tokenEnd(from: index)
    guard end - index >= 2, end - index <= 9, text.bytes[end - 1] == UInt8(ascii: "."),
      let word = text.string(index..<(end - 1)),
      word.unicodeScalars.allSatisfy({ ParagraphText.isLetter($0) || $0 == "." })
    else { return nil }
    return (word.lowercased(), text.skippingSpaces(from: end))
  }

  /// "U.S", "J.C", "i.v": single letters joined by periods.
  func isDottedLetters(_ scalars: String.UnicodeScalarView) -> Bool {
    var expectLetter = true
    var letters = 0
    for scalar in scalars {
      if expectLetter {
        guard ParagraphText.isLetter(scalar) else { return false }
        letters += 1
      } else if scalar != "." {
        return false
      }
      expectLetter.toggle()
    }
    return letters >= 2 && !expectLetter
  }

  /// Two to five letters without a vowel, not all capitals: "Std", "bzw", "Mrd", "Nr" (but not
  /// "SPD" or "RFP").
  func isVowelless(_ scalars: String.UnicodeScalarView) -> Bool {
    (2...5).contains(scalars.count)
      && scalars.allSatisfy { ParagraphText.isLetter($0) && !SegmentationLexicon.vowels.contains($0) }
      && scalars.contains { ParagraphText.isLower($0) }
  }

  /// Whether the word before `tokenStart` in the sentence is capitalised (a name before an initial).
  func followsName(_ tokenStart: Int, sentenceStart start: Int, in text: ParagraphText) -> Bool {
    let previousEnd = text.skippingSpaces(backFrom: tokenStart, to: start)
    guard previousEnd < tokenStart, previousEnd > start else { return false }
    let previousStart = text.tokenStart(endingAt: previousEnd, notBefore: start)
    return ParagraphText.isUpper(text.scalar(at: previousStart).scalar)
  }

  // MARK: - Lists

  /// Where the item after the one `marker` starts, if it follows within `listWindow` bytes on
  /// the same line of text: " 2. The second item", " b) another".
  ///
  /// Every label ends in "." or ")": the scan stops only there and looks back for a successor's
  /// label after a space.
  func nextItem(after marker: ListMarker, in text: ParagraphText) -> Int? {
    guard !marker.hasBullet else { return nil }  // bullets are boundaries of their own
    let patterns = marker.successorPatterns
    var longest = 0
    for pattern in patterns { longest = max(longest, pattern.count) }
    guard longest > 0 else { return nil }
    let lower = marker.range.upperBound
    // A candidate follows a space at `lower..<limit`.
    let limit = min(text.count, lower + Self.listWindow)
    var index = lower + 1
    while let end = text.periodOrParenthesis(from: index, before: limit + longest) {
      index = end + 1
      for pattern in patterns {
        let candidate = end + 1 - pattern.count
        guard candidate - 1 >= lower, candidate - 1 < limit,
          candidate + pattern.count < text.count, text.bytes[candidate - 1] == 0x20,
          pattern.matches(text.bytes, at: candidate),
          text.isSpace(at: candidate + pattern.count)
        else { continue }
        if marker.style == .period && marker.isNumber {
          // "2. The second item", not "2. bis 3." or "der 2. Weltkrieg".
          let after = text.skippingSpaces(from: candidate + pattern.count)
          guard after < text.count, NextWord(at: after, in: text).startsUppercase else { continue }
        }
        return candidate
      }
    }
    return nil
  }

  /// Inside a list (the sentence starts with `marker`), where the next list starts.
  ///
  /// Within `listWindow` bytes, a first label ("1.)", "a.", "(i)") whose successor follows
  /// ("… 2.) The second item 1.) The first item. 2.) …", "⁃10. The second item a. The first item
  /// b. …"), but not an initial after a name ("John A. Smith … Jane B. Smith"). `starts` keeps the
  /// labels found for earlier markers of the paragraph, which must come in text order: the
  /// paragraph is scanned once, not once per list item.
  func nextList(after marker: ListMarker, in text: ParagraphText, starts: inout ListStarts) -> Int? {
    let lower = marker.range.upperBound
    // A label follows a space at `lower..<limit`.
    let limit = min(text.count - 1, lower + Self.listWindow)
    findListStarts(upTo: limit, from: lower, in: text, into: &starts)
    while starts.next < starts.found.count && starts.found[starts.next].position <= lower {
      starts.next += 1
    }
    for label in starts.found[starts.next...] {
      guard label.position <= limit else { break }
      // "John A. Smith … Jane B. Smith": initials after names.
      if label.isLetterWithPeriod && followsName(label.position, sentenceStart: lower, in: text) {
        continue
      }
      return label.position
    }
    return nil
  }

  /// The first labels of lists found so far in one paragraph, by `findListStarts`.
  struct ListStarts {
    struct Label {
      /// Where the label starts, after a space.
      var position: Int
      /// "a.", "B.": a label that may be an initial after a name.
      var isLetterWithPeriod: Bool
    }
    /// The labels found, ascending.
    var found: [Label] = []
    /// The first label in `found` after the sentence start of the last query.
    var next = 0
    /// Every label that starts at or before this position is in `found` (nil: nothing scanned).
    var scannedTo: Int?
  }

  /// Adds to `starts` the first labels after a space that start in `lower + 1...limit` and are not
  /// yet there, and whose successor follows. A label of at most seven bytes ends in "." or ")": the
  /// scan stops only there and looks back.
  func findListStarts(
    upTo limit: Int, from lower: Int, in text: ParagraphText, into starts: inout ListStarts
  ) {
    var checked = max(starts.scannedTo ?? lower, lower)  // labels up to here are done
    guard checked < limit else { return }
    defer { starts.scannedTo = limit }
    var index = checked + 1
    while let end = text.periodOrParenthesis(from: index, before: min(text.count, limit + 7)) {
      index = end + 1
      var candidate = max(checked + 1, end - 6)
      while candidate <= end && candidate <= limit {
        defer { candidate += 1 }
        guard text.bytes[candidate - 1] == 0x20 else { continue }
        switch text.bytes[candidate] {
        case UInt8(ascii: "1"), UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "i"),
          UInt8(ascii: "I"), UInt8(ascii: "("):
          guard let start = ListMarker(at: candidate, in: text), start.isFirstLabel,
            nextItem(after: start, in: text) != nil
          else { continue }
          starts.found.append(
            ListStarts.Label(
              position: candidate, isLetterWithPeriod: start.style == .period && !start.isNumber))
        default: continue
        }
      }
      checked = max(checked, min(end, limit))
    }
  }
}

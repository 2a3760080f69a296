extension BoundaryRules {
  /// Boundaries ICU does not find, from the paragraph's periods and bytes 0xE2 (the first byte of
  /// bullets and "…"), which `marks` holds (`markedBytes`).
  ///
  /// - "world.Today", "1,000.That": a period between a word and a capitalised word, no space.
  /// - "martyr.[1] The", "consultation.11 12 Take": footnote marks after a sentence.
  /// - "… Wasser • Saft": a bullet after white space starts a list item.
  /// - "Er kam… Dann": an ellipsis character before a clear sentence start.
  func additions(in text: ParagraphText, marks: ByteMarks, into result: inout [Int]) {
    result.removeAll(keepingCapacity: true)
    let count = text.count
    guard count > 2 else { return }
    let bytes = text.bytes
    marks.forEach(in: 1..<count - 1) { index in
      let byte = bytes[index]
      if byte == 0x2E {
        if bytes[index + 1] == 0x20 {
          // Cheap tests on the byte after the space first: most periods end a sentence.
          let after = index + 2 < count ? bytes[index + 2] : 0
          if (0x61...0x7A).contains(after) {
            if let boundary = listAfterPeriod(index, in: text) {
              result.append(boundary)
            } else if !lexicon.smallSentenceStarters.isEmpty,
              let boundary = smallStartAfterPeriod(index, in: text)
            {
              result.append(boundary)
            }
          } else if after == UInt8(ascii: "."),
            let boundary = spacedEllipsisAfterPeriod(index, in: text)
          {
            result.append(boundary)
          } else if (0x30...0x39).contains(after),
            let boundary = numberAfterPeriod(index, in: text)
          {
            result.append(boundary)
          }
        } else if let boundary = boundaryAfterGluedPeriod(index, in: text) {
          result.append(boundary)
        }
      } else if byte == 0xE2 {
        // Spaces, dashes and quotation marks (U+2000–U+201F), the commonest, are neither.
        if index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] < 0xA0 { return }
        let scalar = text.scalar(at: index).scalar
        if ParagraphText.isBullet(scalar) && text.isSpace(before: index) {
          result.append(index)
        } else if scalar == "…" {
          let after = text.skippingSpaces(from: index + 3)
          if after > index + 3, after < count,
            NextWord(at: after, in: text).clearlyStartsSentence(lexicon)
          {
            result.append(after)
          }
        }
      }
    }
  }

  /// Top-level domains that make "Newsfeed.Com" a name, not two sentences.
  static let domains: Set<String> = ["com", "org", "net", "de", "uk", "gov", "edu", "info", "eu"]

  /// "Smith. a. here it is b. another": a list starting after a sentence, in lower case (which
  /// ICU does not take for a sentence start); only when the list's next item follows.
  func listAfterPeriod(_ period: Int, in text: ParagraphText) -> Int? {
    let start = period + 2
    guard start + 2 < text.count else { return nil }
    let second = text.bytes[start + 1]
    guard second == UInt8(ascii: ".") || second == UInt8(ascii: ")"),
      ParagraphText.isLower(text.scalar(at: start).scalar),
      let marker = ListMarker(at: start, in: text), nextItem(after: marker, in: text) != nil
    else { return nil }
    return start
  }

  /// A sentence starting in a small letter after a period: "… the taco bell dog. i want it".
  ///
  /// Informal English starts sentences in small letters; after the period of an ordinary word
  /// (three or more letters, no abbreviation), a word that starts sentences ("i", "they", "the",
  /// "maybe") starts one. Only for languages with such a list.
  func smallStartAfterPeriod(_ period: Int, in text: ParagraphText) -> Int? {
    let start = period + 2
    guard !lexicon.smallSentenceStarters.isEmpty, start < text.count,
      (0x61...0x7A).contains(text.bytes[start])
    else { return nil }
    let next = text.word(at: start)
    let end = start + next.utf8.count
    guard end < text.count, text.bytes[end] == 0x20 || text.bytes[end] == UInt8(ascii: "'"),
      lexicon.smallSentenceStarters.contains(next)
    else { return nil }
    guard isOrdinaryWord(endingAt: period, minimumLength: 3, latin: false, in: text) else {
      return nil
    }
    return start
  }

  /// A sentence that starts with a number after an ordinary word's period: "… verabschiedet. 14
  /// der 15 Mitglieder …", "… in the vote. 14 of the 15 members …" (ICU reads the small letter
  /// after the number as the same sentence going on). The word before has four letters or more and
  /// is no abbreviation ("S. 14", "Nr. 3", "oct. 1956"); a word in small letters follows the
  /// number.
  func numberAfterPeriod(_ period: Int, in text: ParagraphText) -> Int? {
    let start = period + 2
    var end = start
    while end < text.count, (0x30...0x39).contains(text.bytes[end]) { end += 1 }
    guard end + 1 < text.count, text.bytes[end] == 0x20,
      (0x61...0x7A).contains(text.bytes[end + 1])
    else { return nil }
    guard isOrdinaryWord(endingAt: period, minimumLength: 4, latin: true, in: text) else {
      return nil
    }
    return start
  }

  /// Whether the token before the period at `period` is an ordinary word of at least
  /// `minimumLength` bytes: ASCII letters that are no abbreviation (`isOrdinaryASCIIWord`; longer
  /// than eight, too long for one), or, when `latin`, Latin-1 letters (`isOrdinaryLatinWord`).
  func isOrdinaryWord(endingAt period: Int, minimumLength: Int, latin: Bool, in text: ParagraphText)
    -> Bool
  {
    let word = text.tokenStart(endingAt: period)..<period
    guard word.count >= minimumLength else { return false }
    if text.bytes[word].allSatisfy({ (0x61...0x7A).contains($0 | 0x20) }) {
      return word.count > 8 || isOrdinaryASCIIWord(word, position: period + 2, in: text)
    }
    return latin && isOrdinaryLatinWord(word, position: period + 2, in: text)
  }

  /// The boundary before a spaced ellipsis that follows a sentence's period.
  ///
  /// "compounds. . . . The practice": the ellipsis opens the next sentence.
  func spacedEllipsisAfterPeriod(_ period: Int, in text: ParagraphText) -> Int? {
    let start = period + 2
    guard start + 1 < text.count, text.bytes[start] == UInt8(ascii: "."),
      let before = text.scalar(before: period), ParagraphText.isLetter(before),
      isLoneDot(at: start, in: text)
    else { return nil }
    let last = lastLoneDot(from: start, in: text)
    guard last > start else { return nil }
    let after = text.skippingSpaces(from: last + 1)
    return after < text.count && NextWord(at: after, in: text).startsUppercase ? start : nil
  }

  /// The boundary after the period at `period` when nothing separates it from the next sentence
  /// but, perhaps, a footnote mark.
  func boundaryAfterGluedPeriod(_ period: Int, in text: ParagraphText) -> Int? {
    let next = text.bytes[period + 1]
    let isUpperStart = (0x41...0x5A).contains(next) || next == 0xC3
    let isFootnote = (0x30...0x39).contains(next) || next == UInt8(ascii: "[")
    guard isUpperStart || isFootnote, let before = text.scalar(before: period) else { return nil }
    let tokenStart = text.tokenStart(endingAt: period)
    guard period - tokenStart >= 2, period - tokenStart <= 40 else { return nil }
    // The tests below that need no String first ("1.000": a digit before the period).
    if isUpperStart {
      let digits = text.bytes[tokenStart..<period].allSatisfy {
        (0x30...0x39).contains($0) || $0 == UInt8(ascii: ",")
      }
      guard ParagraphText.isLower(before) || digits && period - tokenStart >= 3 else { return nil }
      // "Today" in "world.Today": a capital, then a small letter; the token goes on as a word.
      let first = text.scalar(at: period + 1)
      guard ParagraphText.isUpper(first.scalar),
        period + 1 + first.length < text.count,
        ParagraphText.isLower(text.scalar(at: period + 1 + first.length).scalar)
      else { return nil }
    } else {
      guard ParagraphText.isLower(before) || before == ")" || before == "]" else { return nil }
    }
    // Dotted, a path or an address: "z.B.Der", "example.com/Seite", "mail@example.Com".
    if text.bytes[tokenStart..<period].contains(where: {
      $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "@")
        || $0 == UInt8(ascii: ":")
    }) {
      return nil
    }
    guard let word = text.string(tokenStart..<period) else { return nil }
    if lexicon.abbreviations[word.lowercased()] != nil { return nil }
    if isUpperStart {
      let end = text.tokenEnd(from: period + 1)
      if Self.domains.contains(text.word(at: period + 1).lowercased()) { return nil }
      var index = period + 1
      while index < end - 1 {
        let byte = text.bytes[index]
        if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "@") { return nil }
        if byte == UInt8(ascii: ".") && ParagraphText.isLetter(text.scalar(at: index + 1).scalar) {
          return nil  // "testurl.Awesome.com"
        }
        index += 1
      }
      return period + 1
    }
    // Footnotes: ".[7][8] This", ".11 12 Take", ").10 This".
    guard ParagraphText.isLower(before) || before == ")" || before == "]" else { return nil }
    var index = period + 1
    if next == UInt8(ascii: "[") {
      while index < text.count && text.bytes[index] == UInt8(ascii: "[") {
        var close = index + 1
        while close < text.count && close - index <= 8 && text.bytes[close] != UInt8(ascii: "]") {
          close += 1
        }
        guard close < text.count, text.bytes[close] == UInt8(ascii: "]") else { return nil }
        index = close + 1
      }
    } else {
      while true {
        let digitsStart = index
        while index < text.count && (0x30...0x39).contains(text.bytes[index]) { index += 1 }
        guard index > digitsStart, index - digitsStart <= 3 else { return nil }
        guard index + 1 < text.count, text.bytes[index] == 0x20,
          (0x30...0x39).contains(text.bytes[index + 1])
        else { break }
        index += 1
      }
    }
    guard index < text.count, text.isSpace(at: index) else { return nil }
    let start = text.skippingSpaces(from: index)
    guard start < text.count else { return nil }
    let following = NextWord(at: start, in: text)
    return following.startsUppercase && !following.hasOpener ? start : nil
  }
}

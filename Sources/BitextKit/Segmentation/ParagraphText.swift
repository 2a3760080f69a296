/// Character-level reading of one paragraph's UTF-8 bytes around a position, for the boundary rules.
///
/// All positions are UTF-8 byte offsets into `bytes`. Nothing here decodes more than a few
/// characters either side of the position it is asked about. `bytes` points at memory the caller
/// keeps alive and unchanged while the value is in use.
struct ParagraphText {
  let bytes: UnsafeBufferPointer<UInt8>

  var count: Int { bytes.count }

  // MARK: - Scalars

  // The rules call the small helpers below a few times for every boundary: they are inlined,
  // with the rare non-ASCII cases kept out of line.

  /// The scalar starting at `index` and its UTF-8 length (a stray byte reads as U+FFFD, length 1).
  @inline(__always)
  func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    return decodedScalar(at: index)
  }

  /// `scalar(at:)` for a lead byte of 0x80 or more.
  @inline(never)
  private func decodedScalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = bytes[index]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard length > 1, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for next in (index + 1)..<(index + length) { value = value << 6 | UInt32(bytes[next] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The start of the scalar that ends at `index` (`index` > 0).
  @inline(__always)
  func scalarStart(before index: Int) -> Int {
    var start = index - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 && index - start < 4 { start -= 1 }
    return start
  }

  /// The scalar that ends at `index`, or nil at the start.
  @inline(__always)
  func scalar(before index: Int) -> Unicode.Scalar? {
    index > 0 ? scalar(at: scalarStart(before: index)).scalar : nil
  }

  // MARK: - White space and tokens

  @inline(__always)
  func isSpace(at index: Int) -> Bool {
    guard index < bytes.count else { return false }
    return TextScanner.whitespaceLength(in: bytes, at: index) > 0
  }

  @inline(__always)
  func isSpace(before index: Int) -> Bool {
    guard index > 0 else { return false }
    let byte = bytes[index - 1]
    if byte < 0x80 { return TextScanner.isASCIIWhitespace(byte) }
    return isSpace(at: scalarStart(before: index))
  }

  /// The first position at or after `index` that is not white space.
  @inline(__always)
  func skippingSpaces(from index: Int) -> Int {
    var index = index
    while index < bytes.count {
      let length = TextScanner.whitespaceLength(in: bytes, at: index)
      if length == 0 { break }
      index += length
    }
    return index
  }

  /// The last position at or before `index`, not before `lower`, that follows no white space.
  @inline(__always)
  func skippingSpaces(backFrom index: Int, to lower: Int) -> Int {
    var index = index
    while index > lower && isSpace(before: index) { index = scalarStart(before: index) }
    return index
  }

  /// The start of the run of non-white-space that ends at `index`.
  @inline(__always)
  func tokenStart(endingAt index: Int, notBefore lower: Int = 0) -> Int {
    var index = index
    while index > lower {
      let byte = bytes[index - 1]
      if byte <= 0x20 { break }
      if byte < 0x80 {
        index -= 1
        continue
      }
      let start = scalarStart(before: index)
      if start < lower || TextScanner.whitespaceLength(in: bytes, at: start) > 0 { break }
      index = start
    }
    return index
  }

  /// The end of the run of non-white-space that starts at `index`.
  func tokenEnd(from index: Int) -> Int {
    var index = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte <= 0x20 { break }
      if byte < 0x80 {
        index += 1
        continue
      }
      if TextScanner.whitespaceLength(in: bytes, at: index) > 0 { break }
      index += scalar(at: index).length
    }
    return index
  }

  /// The first position in `index..<limit` holding "." or ")", where list labels end; eight bytes
  /// at a time (the windows are short and periods frequent: cheaper than two `memchr`s).
  func periodOrParenthesis(from index: Int, before limit: Int) -> Int? {
    var index = index
    let limit = min(limit, bytes.count)
    if let base = bytes.baseAddress {
      while index + 8 <= limit {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let mask = TextScanner.byteMask(word, 0x2E) | TextScanner.byteMask(word, 0x29)
        if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
        index += 8
      }
    }
    while index < limit {
      if bytes[index] == 0x2E || bytes[index] == 0x29 { return index }
      index += 1
    }
    return nil
  }

  /// The text of a short range, or nil when it is longer than `limit` bytes.
  func string(_ range: Range<Int>, limit: Int = 40) -> String? {
    guard range.count <= limit, range.lowerBound >= 0, range.upperBound <= bytes.count else {
      return nil
    }
    return String(decoding: bytes[range], as: UTF8.self)
  }

  /// The letters (and inner apostrophes or hyphens) starting at `index`, at most 30 bytes.
  func word(at index: Int) -> String {
    var end = index
    while end < bytes.count && end - index < 30 {
      let byte = bytes[end]
      if byte < 0x80 {
        // ASCII: only the letters are alphabetic.
        guard (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) else { break }
        end += 1
        continue
      }
      let (scalar, length) = self.scalar(at: end)
      guard scalar.properties.isAlphabetic else { break }
      end += length
    }
    return String(decoding: bytes[index..<end], as: UTF8.self)
  }

  // MARK: - Punctuation classes

  /// Quotation marks and brackets that may follow a sentence's final punctuation.
  @inline(__always)
  static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", ")", "]", "}", "»", "«", "“", "”", "‘", "’", "›", "‹": true
    default: false
    }
  }

  /// Quotation marks and brackets that may open a sentence.
  @inline(__always)
  static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "(", "[", "{", "»", "«", "“", "„", "‘", "‚", "›", "‹", "¿", "¡": true
    default: false
    }
  }

  /// Brackets and opening quotes that cannot end a sentence.
  @inline(__always)
  static func isOpeningOnly(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "(", "[", "{", "„", "‚": true
    default: false
    }
  }

  static func isSentenceTerminal(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "!", "?", "‼", "⁇", "⁈", "⁉", "！", "？", "。", "．": true
    default: false
    }
  }

  /// List bullets: •, ‣, ⁃, ▪, ■, ●, ◦, ►, ➢.
  static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "•", "‣", "⁃", "▪", "■", "●", "◦", "►", "➢": true
    default: false
    }
  }

  @inline(__always)
  static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
  }

  @inline(__always)
  static func isLower(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80 ? (0x61...0x7A).contains(scalar.value) : scalar.properties.isLowercase
  }

  @inline(__always)
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

  @inline(__always)
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x80
      ? (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
      : scalar.properties.isAlphabetic
  }
}

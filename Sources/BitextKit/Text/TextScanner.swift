/// Byte-level helpers over UTF-8 text: white space and trimming, without decoding to `String`.
public enum TextScanner {
  /// Whether any of the eight bytes of `word` equals `byte` (SWAR zero-byte test).
  @inline(__always)
  static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
    byteMask(word, byte) != 0
  }

  /// The high bit of each byte of `word` (loaded little-endian) that equals `byte`, and perhaps of
  /// bytes above such a one: the lowest set bit marks the first match exactly.
  @inline(__always)
  static func byteMask(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
  }

  /// The UTF-8 length of the white-space character at `index`, or 0 when there is none.
  ///
  /// White space here: ASCII spaces and line ends, NBSP, the Unicode spaces U+2000–U+200B, the line
  /// and paragraph separators, narrow NBSP, the medium mathematical space, the ideographic space and
  /// U+FEFF (byte-order mark / zero-width no-break space).
  @inlinable @inline(__always)
  public static func whitespaceLength<Bytes: RandomAccessCollection<UInt8>>(
    in bytes: Bytes, at index: Int
  ) -> Int where Bytes.Index == Int {
    // ASCII, by far the commonest, inline; the rest out of line.
    let byte = bytes[index]
    if byte < 0x80 { return isASCIIWhitespace(byte) ? 1 : 0 }
    return nonASCIIWhitespaceLength(in: bytes, at: index)
  }

  /// Whether an ASCII `byte` is white space: the space, tab and line ends (0x09–0x0D).
  @inlinable @inline(__always)
  static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  /// `whitespaceLength(in:at:)` for a byte of 0x80 or more.
  @usableFromInline @inline(never)
  static func nonASCIIWhitespaceLength<Bytes: RandomAccessCollection<UInt8>>(
    in bytes: Bytes, at index: Int
  ) -> Int where Bytes.Index == Int {
    switch bytes[index] {
    case 0xC2:
      return index + 1 < bytes.endIndex && bytes[index + 1] == 0xA0 ? 2 : 0
    case 0xE2:
      guard index + 2 < bytes.endIndex else { return 0 }
      let (second, third) = (bytes[index + 1], bytes[index + 2])
      if second == 0x80 && (0x80...0x8B ~= third || third == 0xA8 || third == 0xA9 || third == 0xAF) {
        return 3
      }
      return second == 0x81 && third == 0x9F ? 3 : 0
    case 0xE3:
      return index + 2 < bytes.endIndex && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
    case 0xEF:
      return index + 2 < bytes.endIndex && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF ? 3 : 0
    default: return 0
    }
  }

  /// `range` without leading and trailing white space.
  @inlinable
  public static func trimmed<Bytes: RandomAccessCollection<UInt8>>(
    _ range: Range<Int>, in bytes: Bytes
  ) -> Range<Int> where Bytes.Index == Int {
    var lower = range.lowerBound
    while lower < range.upperBound {
      let space = whitespaceLength(in: bytes, at: lower)
      if space == 0 { break }
      lower += space
    }
    var upper = range.upperBound
    while upper > lower {
      // Step back to the start of the last character.
      var start = upper - 1
      while start > lower && bytes[start] & 0xC0 == 0x80 { start -= 1 }
      if whitespaceLength(in: bytes, at: start) != upper - start { break }
      upper = start
    }
    return lower..<upper
  }

  /// True when `range` holds nothing but white space.
  @inlinable
  public static func isBlank<Bytes: RandomAccessCollection<UInt8>>(
    _ range: Range<Int>, in bytes: Bytes
  ) -> Bool where Bytes.Index == Int {
    trimmed(range, in: bytes).isEmpty
  }
}

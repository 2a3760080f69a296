import CByteScan

/// Where two chosen bytes occur in a paragraph: one bit per byte, from one vectorised pass
/// (`scan(_:marking:_:into:)`) that also finds the paragraph's first line end.
///
/// The boundary rules stop only at periods and at 0xE2 bytes (`BoundaryRules.markedBytes`); reading
/// their positions from the bits spares a second search through the paragraph.
struct ByteMarks {
  /// Bit `i % 64` of `words[i / 64]` is set when byte `i` is marked.
  let words: UnsafeBufferPointer<UInt64>

  /// Marks the bytes of `text` equal to `first` or `second` in `words` (grown when too short) and
  /// returns the offset of the first byte from 0x0A to 0x0D (line feed, vertical tab, form feed,
  /// carriage return), or `text.count`.
  static func scan(
    _ text: UnsafeBufferPointer<UInt8>, marking first: UInt8, _ second: UInt8,
    into words: inout [UInt64]
  ) -> Int {
    guard let base = text.baseAddress, !text.isEmpty else { return 0 }
    let needed = (text.count + 63) / 64
    if words.count < needed { words = Array(repeating: 0, count: max(needed, words.count * 2)) }
    return words.withUnsafeMutableBufferPointer {
      Int(byte_scan_marks(base, Int64(text.count), first, second, $0.baseAddress))
    }
  }

  /// Calls `body` with each marked position in `range`, ascending.
  @inline(__always)
  func forEach(in range: Range<Int>, _ body: (Int) -> Void) {
    guard !range.isEmpty else { return }
    var index = range.lowerBound >> 6
    let last = (range.upperBound - 1) >> 6
    var word = words[index] & (~0 << UInt64(range.lowerBound & 63))
    while true {
      while word != 0 {
        let position = index << 6 | word.trailingZeroBitCount
        guard position < range.upperBound else { return }
        body(position)
        word &= word &- 1
      }
      index += 1
      guard index <= last else { return }
      word = words[index]
    }
  }
}

/// A list item's label at the start of a sentence: "1.", "2.)", "3)", "(4)", "a.", "b)", "(iv)",
/// optionally after a bullet ("• 9.").
struct ListMarker: Hashable, Sendable {
  enum Style: Hashable, Sendable {
    /// "1."
    case period
    /// "1.)"
    case periodParenthesis
    /// "1)"
    case parenthesis
    /// "(1)"
    case enclosed
  }

  /// The label without punctuation: "12", "b", "iv" (packed bytes, so that a marker is a plain
  /// value that costs no reference counting to pass around).
  var label: Pattern
  var style: Style
  var hasBullet: Bool
  /// UTF-8 offsets of the marker, bullet and punctuation included.
  var range: Range<Int>

  /// The marker at `index` followed by white space, if there is one.
  ///
  /// Most sentences start with a word of two letters or more that are not both Roman ("Die",
  /// "In"): that is ruled out here, inline, before the full reading.
  @inline(__always)
  init?(at index: Int, in text: ParagraphText) {
    guard index + 1 < text.count else { return nil }
    let (first, second) = (text.bytes[index], text.bytes[index + 1])
    if (0x61...0x7A).contains(first | 0x20) && (0x61...0x7A).contains(second | 0x20)
      && !(Self.isRomanLetter(first) && Self.isRomanLetter(second))
    {
      return nil
    }
    self.init(reading: index, in: text)
  }

  /// `init(at:in:)` after its quick test.
  @inline(never)
  private init?(reading index: Int, in text: ParagraphText) {
    var position = index
    hasBullet = false
    guard position < text.count else { return nil }
    // Every bullet's UTF-8 form starts with 0xE2.
    if text.bytes[position] == 0xE2, ParagraphText.isBullet(text.scalar(at: position).scalar) {
      hasBullet = true
      position = text.skippingSpaces(from: position + text.scalar(at: position).length)
    }
    // Cheap checks first: most sentences start with a word, not a marker.
    guard position < text.count else { return nil }
    let first = text.bytes[position]
    guard (0x30...0x39).contains(first) || (0x41...0x5A).contains(first)
      || (0x61...0x7A).contains(first) || first == UInt8(ascii: "(")
    else { return nil }
    // A label that starts with a letter is one letter ("a.", "b)") or a Roman number ("iv."),
    // so "Die", "Er", "In" or "Vor" is ruled out by its second byte.
    // (Digits and "(" lie below "A".)
    if first >= UInt8(ascii: "A") {
      guard position + 1 < text.count else { return nil }
      let second = text.bytes[position + 1]
      guard second == UInt8(ascii: ".") || second == UInt8(ascii: ")")
        || Self.isRomanLetter(first) && Self.isRomanLetter(second)
      else { return nil }
    }
    var end = position + 1
    while end < text.count && end - position <= 7 && text.bytes[end] > 0x20 && text.bytes[end] < 0x80 {
      end += 1
    }
    guard end - position <= 7, end == text.count || text.isSpace(at: end) else { return nil }
    // The label between the punctuation, read as bytes (all ASCII here): a String only for a
    // marker.
    let bytes = text.bytes
    var coreStart = position
    var coreEnd = end
    if bytes[position] == UInt8(ascii: "("), end - position >= 2,
      bytes[end - 1] == UInt8(ascii: ")")
    {
      style = .enclosed
      coreStart += 1
      coreEnd -= 1
    } else if end - position >= 2, bytes[end - 2] == UInt8(ascii: "."),
      bytes[end - 1] == UInt8(ascii: ")")
    {
      style = .periodParenthesis
      coreEnd -= 2
    } else if bytes[end - 1] == UInt8(ascii: ")") {
      style = .parenthesis
      coreEnd -= 1
    } else if bytes[end - 1] == UInt8(ascii: ".") {
      style = .period
      coreEnd -= 1
    } else {
      return nil
    }
    // "5." followed by nothing is not a marker; neither is a number with more than three digits.
    guard coreEnd > coreStart, coreEnd - coreStart <= 3, end < text.count else { return nil }
    let core = UnsafeBufferPointer(rebasing: bytes[coreStart..<coreEnd])
    let isLetter = core.count == 1 && (0x61...0x7A).contains(core[0] | 0x20)
    guard
      isLetter || core.allSatisfy({ (0x30...0x39).contains($0) }) || Self.romanValue(core) != nil
    else { return nil }
    label = Pattern()
    label.append(contentsOf: core)
    range = index..<end
  }

  /// Whether the label is a number ("12"; the others are letters: "b", "iv").
  var isNumber: Bool { (0x30...0x39).contains(label.byte(at: 0)) }

  /// Whether the label is one a list starts with: "1", "a", "A", "i" or "I".
  var isFirstLabel: Bool {
    guard label.count == 1 else { return false }
    switch label.byte(at: 0) {
    case UInt8(ascii: "1"), UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "i"),
      UInt8(ascii: "I"):
      return true
    default: return false
    }
  }

  /// At most eight ASCII bytes packed into an integer, first byte lowest: a label ("12", "iv")
  /// or a label written in a marker's form ("2.)", "(b)").
  struct Pattern: Hashable, Sendable {
    var word: UInt64 = 0
    var count = 0

    mutating func append(_ byte: UInt8) {
      assert(count < 8, "a list label pattern holds at most eight bytes")
      word |= UInt64(byte) << (8 * UInt64(count))
      count += 1
    }

    mutating func append(contentsOf bytes: some Sequence<UInt8>) {
      for byte in bytes { append(byte) }
    }

    /// The byte at `offset` (`offset < count`).
    func byte(at offset: Int) -> UInt8 {
      UInt8(truncatingIfNeeded: word >> (8 * UInt64(offset)))
    }

    /// The bytes, first to last.
    var bytes: [UInt8] { (0..<count).map(byte(at:)) }

    /// Whether `bytes` hold the pattern at `index` (`index + count <= bytes.count`).
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
      for offset in 0..<count where bytes[index + offset] != byte(at: offset) {
        return false
      }
      return true
    }
  }

  /// The labels that may follow this one in the same list, written in its form: "2.)" after
  /// "1.)", "(b)" after "(a)", "ii." or "j." after "i.".
  var successorPatterns: [Pattern] {
    var result: [Pattern] = []
    result.reserveCapacity(3)
    let first = label.byte(at: 0)
    if isNumber {
      var value = 0
      for offset in 0..<label.count { value = value * 10 + Int(label.byte(at: offset) - 0x30) }
      // The digits of value + 1, most significant first.
      var digits: [UInt8] = []
      var rest = value + 1
      repeat {
        digits.append(UInt8(rest % 10) + 0x30)
        rest /= 10
      } while rest > 0
      result.append(pattern(digits.reversed()))
    }
    if label.count == 1 && (0x61...0x7A).contains(first | 0x20) {
      result.append(pattern([first + 1]))
    }
    if Self.isRomanLetter(first), let value = Self.romanValue(label.bytes), value < 39 {
      let roman = Self.roman(value + 1)
      result.append(pattern((first < 0x60 ? roman.uppercased() : roman).utf8))
    }
    return result
  }

  /// `label` in this marker's form: "2" → "2.)" for "1.)".
  private func pattern(_ label: some Sequence<UInt8>) -> Pattern {
    var pattern = Pattern()
    if style == .enclosed { pattern.append(UInt8(ascii: "(")) }
    pattern.append(contentsOf: label)
    switch style {
    case .period: pattern.append(UInt8(ascii: "."))
    case .periodParenthesis: pattern.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: ")")])
    case .parenthesis, .enclosed: pattern.append(UInt8(ascii: ")"))
    }
    return pattern
  }

  /// Whether the letter `byte` is one Roman numbers are written with: i, v, x, I, V or X.
  static func isRomanLetter(_ byte: UInt8) -> Bool {
    switch byte | 0x20 {
    case UInt8(ascii: "i"), UInt8(ascii: "v"), UInt8(ascii: "x"): true
    default: false
    }
  }

  /// The value of a Roman number of at most six letters i, v, x (either case), or nil.
  static func romanValue(_ bytes: some Collection<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 6, bytes.allSatisfy({ "ivxIVX".utf8.contains($0) }) else {
      return nil
    }
    return romanValues[String(decoding: bytes, as: UTF8.self)]
  }

  static let romanValues: [String: Int] = {
    var values: [String: Int] = [:]
    for value in 1...39 {
      values[roman(value)] = value
      values[roman(value).uppercased()] = value
    }
    return values
  }()

  static func roman(_ value: Int) -> String {
    let tens = ["", "x", "xx", "xxx"][value / 10]
    let units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][value % 10]
    return tens + units
  }
}

/// Numbers as alignment anchors: one canonical form for the ways languages write the same number.
///
/// A group of exactly three digits after a separator is a thousands group, any other last group a
/// decimal fraction (trailing zeros dropped), so that
///
///     NumberAnchor.normalize("1.000") == "1000"   // also "1,000", "1'000", "1000"
///     NumberAnchor.normalize("3,5") == "3.5"      // also "3.5", "3,50"
///     NumberAnchor.normalize("1.000,5") == "1000.5"
///
/// Separators are ".", ",", "'" and "’" (Swiss thousands).
public enum NumberAnchor {
  /// The canonical form of a number token, or nil when it holds no digit or a character that is
  /// neither a digit nor a separator.
  public static func normalize(_ text: some StringProtocol) -> String? {
    var groups: [[UInt8]] = [[]]
    for scalar in text.unicodeScalars {
      switch scalar {
      case "0"..."9": groups[groups.count - 1].append(UInt8(scalar.value))
      case ".", ",", "'", "’":
        if groups[groups.count - 1].isEmpty { return nil }
        groups.append([])
      default: return nil
      }
    }
    if groups[groups.count - 1].isEmpty {
      // A trailing separator ("8848." at a sentence end) is punctuation, not part of the number.
      groups.removeLast()
      if groups.isEmpty { return nil }
    }
    var integer: [UInt8] = []
    var fraction: [UInt8] = []
    if groups.count == 1 || groups.last!.count == 3 {
      integer = groups.flatMap { $0 }
    } else {
      integer = groups.dropLast().flatMap { $0 }
      fraction = groups.last!
    }
    while integer.count > 1 && integer.first == UInt8(ascii: "0") { integer.removeFirst() }
    while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
    let whole = String(decoding: integer, as: UTF8.self)
    return fraction.isEmpty ? whole : whole + "." + String(decoding: fraction, as: UTF8.self)
  }
}

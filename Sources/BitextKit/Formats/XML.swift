/// XML text helpers shared by the TMX, TBX and HTML writers.
public enum XML {
  /// `text` escaped for element content and attribute values (`&`, `<`, `>`, `"`, `'`).
  ///
  /// Characters XML 1.0 forbids (C0 controls other than tab and line ends, U+FFFE, U+FFFF) are
  /// dropped, since no escape can carry them.
  public static func escape(_ text: some StringProtocol) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

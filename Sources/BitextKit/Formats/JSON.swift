/// Minimal JSON writing: bitext's JSON outputs are flat records whose key order is part of the format.
public enum JSON {
  /// `text` as a JSON string literal, quotes included.
  public static func quote(_ text: some StringProtocol) -> String {
    var result = "\""
    result.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// A JSON object from key–value pairs whose values are already JSON.
  public static func object(_ fields: KeyValuePairs<String, String>) -> String {
    "{" + fields.map { "\(quote($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
  }

  /// A JSON array from values that are already JSON.
  public static func array(_ values: some Sequence<String>) -> String {
    "[" + values.joined(separator: ", ") + "]"
  }

  /// A JSON array of integers.
  public static func array(_ values: some Sequence<Int>) -> String {
    array(values.map(String.init))
  }
}

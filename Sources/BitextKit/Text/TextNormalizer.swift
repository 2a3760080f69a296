import CICUShim

/// Comparison keys: the form in which bitext compares text, never the form it prints.
///
/// A key is ICU's NFKC_Casefold of the text (NFKC, full case folding, default-ignorable code points
/// such as soft hyphens and zero-width spaces removed, NBSP and the narrow and thin spaces made plain
/// spaces), with one form for double quotes (`"`), one for single quotes and apostrophes (`'`) and one
/// for dashes and hyphens (`-`). With `foldsUmlauts`, "ä", "ö" and "ü" become "ae", "oe" and "ue", so
/// that "Muenchen" and "München" compare equal.
///
///     TextNormalizer().key("STRASSE") == TextNormalizer().key("Straße")  // true
public struct TextNormalizer: Hashable, Sendable {
  public var foldsUmlauts: Bool

  public init(foldsUmlauts: Bool = false) {
    self.foldsUmlauts = foldsUmlauts
  }

  /// The comparison key of `text`.
  public func key(_ text: some StringProtocol) -> String {
    if let ascii = Self.asciiKey(text) { return ascii }
    let folded = ICU.normalize(text, form: Int32(CICU_FORM_NFKC_CASEFOLD)) ?? String(text).lowercased()
    var key = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
      switch scalar {
      case "„", "“", "”", "»", "«", "″", "‟": key.append("\"")
      case "‚", "‘", "’", "‹", "›", "′", "ʼ", "‛", "`", "´": key.append("'")
      case "–", "—", "‑", "‐", "‒", "−", "―": key.append("-")
      case "ä" where foldsUmlauts: key.append(contentsOf: "ae".unicodeScalars)
      case "ö" where foldsUmlauts: key.append(contentsOf: "oe".unicodeScalars)
      case "ü" where foldsUmlauts: key.append(contentsOf: "ue".unicodeScalars)
      default: key.append(scalar)
      }
    }
    return String(key)
  }

  /// The key of printable ASCII text without calling ICU (lower-casing is all it needs), or nil.
  private static func asciiKey(_ text: some StringProtocol) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      guard byte >= 0x20, byte < 0x7F else { return nil }
      bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `text` in Unicode Normalisation Form C (ICU).
  public static func nfc(_ text: some StringProtocol) -> String {
    ICU.normalize(text, form: Int32(CICU_FORM_NFC)) ?? String(text)
  }

  /// `text` with full Unicode case folding (ICU): "Straße" → "strasse".
  public static func foldCase(_ text: some StringProtocol) -> String {
    ICU.foldCase(text) ?? String(text).lowercased()
  }
}

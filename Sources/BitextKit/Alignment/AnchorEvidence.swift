/// Evidence that needs no dictionary: numbers, names and cognates, punctuation, URLs.
///
/// Each anchor is a hashed feature (`FeatureHash`); two sentences share evidence when they share
/// features. Words are compared after accent folding ("Lhotsé" → "lhotse"):
/// - `#` + the normalised number (`NumberAnchor`);
/// - `~` + the first four letters of a word of at least four letters (Simard-style cognates:
///   "Peskow"/"Peskov", "Himalaya"/"himalayens"), and `=` + the whole word of at least five letters
///   (names: "Ukraine", "Everest");
/// - `p` + one of `?`, `!`, `"` (any double quote or guillemet), `(`, `)`;
/// - `u` + a URL ("http://", "https://" or "www." up to the next space).
enum AnchorEvidence {
  static let cognatePrefixLength = 4
  static let wholeWordLength = 5

  /// Adds the anchors of one sentence's tokens to `features`.
  static func collect(tokens: [Token], text: String, into features: inout [UInt64]) {
    for token in tokens {
      switch token.kind {
      case .number:
        if let number = NumberAnchor.normalize(token.text) {
          features.append(FeatureHash.hash("#", number))
        }
      case .word:
        let folded = foldAccents(token.key)
        let letters = folded.unicodeScalars.count
        if letters >= cognatePrefixLength {
          features.append(FeatureHash.hash("~", folded.unicodeScalars.prefix(cognatePrefixLength)))
        }
        if letters >= wholeWordLength {
          features.append(FeatureHash.hash("=", folded.unicodeScalars))
        }
      case .punctuation:
        switch token.key {
        case "?", "!", "\"", "(", ")":
          features.append(FeatureHash.hash("p", token.key.unicodeScalars))
        default: break
        }
      }
    }
    collectURLs(in: text, into: &features)
  }

  /// `key` (lower case) with the accents of Latin letters removed and ligatures spelt out.
  static func foldAccents(_ key: String) -> String {
    guard key.utf8.contains(where: { $0 >= 0x80 }) else { return key }
    var folded = String.UnicodeScalarView()
    for scalar in key.unicodeScalars {
      switch scalar {
      case "à", "á", "â", "ã", "ä", "å", "ā": folded.append("a")
      case "è", "é", "ê", "ë", "ē", "ė", "ę": folded.append("e")
      case "ì", "í", "î", "ï", "ī": folded.append("i")
      case "ò", "ó", "ô", "õ", "ö", "ø", "ō": folded.append("o")
      case "ù", "ú", "û", "ü", "ū": folded.append("u")
      case "ç", "č", "ć": folded.append("c")
      case "ñ", "ń": folded.append("n")
      case "ý", "ÿ": folded.append("y")
      case "š", "ś": folded.append("s")
      case "ž", "ź", "ż": folded.append("z")
      case "ł": folded.append("l")
      case "ß": folded.append(contentsOf: "ss".unicodeScalars)
      case "æ": folded.append(contentsOf: "ae".unicodeScalars)
      case "œ": folded.append(contentsOf: "oe".unicodeScalars)
      default: folded.append(scalar)
      }
    }
    return String(folded)
  }

  private static func collectURLs(in text: String, into features: inout [UInt64]) {
    guard text.contains("http") || text.contains("www.") else { return }
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      let lower = word.lowercased()
      guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
      else { continue }
      let trimmed = lower.reversed().drop(while: { ".,;:!?)»\"'".contains($0) }).reversed()
      features.append(FeatureHash.hash("u", String(trimmed).unicodeScalars))
    }
  }
}

/// Deterministic 64-bit FNV-1a hashes of tagged strings (Swift's `Hasher` is seeded per process).
enum FeatureHash {
  static func hash(_ tag: Unicode.Scalar, _ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    hash = (hash ^ UInt64(tag.value)) &* 0x100_0000_01b3
    for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
    return hash
  }

  static func hash(_ tag: Unicode.Scalar, _ text: String) -> UInt64 {
    hash(tag, text.unicodeScalars)
  }
}

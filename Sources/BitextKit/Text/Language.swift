import Foundation

/// A language, named by its ISO 639-1 code ("de", "en", "fr").
///
/// German and English get bitext's full treatment (abbreviations, stemming, the dictionary); any other
/// code still works with the language-independent parts.
public struct Language: Hashable, Sendable, RawRepresentable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// The lower-case ISO code, e.g. "de".
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue.lowercased() }
  public init(stringLiteral value: String) { self.init(rawValue: value) }

  /// A language code as users write it: an ISO 639 code known to the system's locale data, with
  /// any region or script after it dropped ("de-CH", "en_GB" → "de", "en"); nil for anything else
  /// ("xx", "german", "d e"). The rule of the CLI's `--lang` and of batch records.
  public init?(code: String) {
    let language = code.lowercased().prefix { $0 != "-" && $0 != "_" }
    guard Self.isoCodes.contains(String(language)) else { return nil }
    self.init(rawValue: String(language))
  }

  /// ISO 639 codes ("de", "en", "gsw").
  public static let isoCodes = Set(Locale.LanguageCode.isoLanguageCodes.map(\.identifier))

  public static let german: Language = "de"
  public static let english: Language = "en"
  public static let french: Language = "fr"

  /// The ICU locale ID for break iteration.
  public var icuLocale: String { rawValue }

  /// The name of the Snowball stemmer for this language, if libstemmer has one bitext uses.
  public var snowballName: String? {
    switch rawValue {
    case "de": "german"
    case "en": "english"
    case "fr": "french"
    case "es": "spanish"
    case "it": "italian"
    case "nl": "dutch"
    case "pt": "portuguese"
    default: nil
    }
  }

  public var description: String { rawValue }
}

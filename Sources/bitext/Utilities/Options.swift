import ArgumentParser
import BitextKit

extension SegmentFormat: ExpressibleByArgument {}

/// `--lang`: an ISO code or `auto`.
enum LanguageOption: ExpressibleByArgument, Equatable {
  case auto
  case fixed(Language)

  init?(argument: String) {
    let code = argument.lowercased()
    guard !code.isEmpty, code.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) else { return nil }
    self = code == "auto" ? .auto : .fixed(Language(rawValue: code))
  }

  func resolve(for document: Document) -> Language {
    switch self {
    case .auto: LanguageDetector().detect(document)
    case .fixed(let language): language
    }
  }
}

extension LanguageOption: CustomStringConvertible {
  /// As the user writes it, for `--help`'s defaults.
  var description: String {
    switch self {
    case .auto: "auto"
    case .fixed(let language): language.rawValue
    }
  }
}

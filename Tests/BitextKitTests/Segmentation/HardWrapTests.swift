import BitextKit
import Foundation
import Testing

/// A single line break inside a paragraph is soft: hard-wrapped text segments like unwrapped text.
@Suite struct HardWrapTests {
  /// `text` with every paragraph wrapped at `width` columns (greedy, at spaces).
  static func wrap(_ text: String, width: Int, lineEnd: String = "\n") -> String {
    text.components(separatedBy: "\n\n").map { paragraph in
      var lines: [String] = []
      var line = ""
      for word in paragraph.split(separator: " ") {
        if !line.isEmpty && line.count + 1 + word.count > width {
          lines.append(line)
          line = String(word)
        } else {
          line += line.isEmpty ? String(word) : " " + word
        }
      }
      if !line.isEmpty { lines.append(line) }
      return lines.joined(separator: lineEnd)
    }.joined(separator: lineEnd + lineEnd)
  }

  static func flattened(_ sentence: String) -> String {
    sentence.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ")
      .replacingOccurrences(of: "\n", with: " ")
  }

  static let samples = [
    "ukraine-nato.de.txt", "ukraine-nato.en.txt",
  ]

  @Test(arguments: samples, ["\n", "\r\n", "\r"])
  func wrappedFixtureSegmentsLikeUnwrapped(name: String, lineEnd: String) throws {
    let text = try String(contentsOfFile: SegmentationFixtures.path(name), encoding: .utf8)
    let language: Language = name.contains(".de.") ? .german : .english
    let wrapped = Self.wrap(text, width: 72, lineEnd: lineEnd)
    #expect(wrapped.split(separator: Character(lineEnd)).allSatisfy { $0.count <= 72 })
    #expect(wrapped != text)
    let unwrappedSentences = sentences(Self.wrap(text, width: 100_000), language)
    let wrappedSentences = sentences(wrapped, language).map(Self.flattened)
    #expect(wrappedSentences == unwrappedSentences)
    // Both split the Macron quotation (two sentences in each language).
    #expect(unwrappedSentences.count == 20)
  }

  @Test func streamedRangesAreTheSentencesRanges() throws {
    // `forEachSentenceRange(in:of:_:)`, paragraph by paragraph, gives what `split` gives.
    let text = try String(
      contentsOfFile: SegmentationFixtures.path("ukraine-nato.de.txt"), encoding: .utf8)
    let document = Document(text: Self.wrap(text, width: 60, lineEnd: "\r\n"))
    let splitter = SentenceSplitter(language: .german)
    var streamed: [Range<Int>] = []
    document.utf8.withUnsafeBufferPointer { bytes in
      for paragraph in document.paragraphs {
        splitter.forEachSentenceRange(in: paragraph.utf8Range, of: bytes) { streamed.append($0) }
      }
    }
    #expect(streamed == splitter.split(document).map(\.utf8Range))
    #expect(streamed.count == 20)
  }

  @Test func wrappedRuleCasesSegmentLikeUnwrapped() {
    let text = """
      Wir brauchen Getränke, z. B. Wasser, Saft, Bier usw. Die Kinder trinken am 24. Februar \
      Saft, im 19. Jahrhundert trank man Bier. Prof. Dr. Kühn sagte: „Nichts sollte \
      ausgeschlossen werden. Wir werden alles tun“, sagte er. Die Lage im Jahr 2022. Das war's.
      """
    for width in [20, 40, 72] {
      let wrapped = Self.wrap(text, width: width)
      #expect(sentences(wrapped).map(Self.flattened) == sentences(text), "width \(width)")
    }
  }
}

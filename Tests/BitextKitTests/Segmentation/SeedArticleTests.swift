import BitextKit
import Foundation
import Testing

/// The seed article of the issue: its 20 sentences and their byte offsets.
@Suite struct SeedArticleTests {
  static func load() throws -> Document {
    try TextReader.read(path: SegmentationFixtures.path("ukraine-nato.de.txt"))
  }

  @Test func segmentsIntoTwentySentences() throws {
    let found = SentenceSplitter(language: .german).split(try Self.load()).map(\.text)
    #expect(found.count == 20)
    #expect(found.contains("UKRAINE-STRATEGIE?"))
    #expect(found.contains("\"Nichts sollte ausgeschlossen werden."))
    #expect(
      found.contains(
        "Wir werden alles tun, was wir tun müssen, damit Russland nicht gewinnt\", sagte Macron."))
  }

  @Test func sentenceRangesSliceTheFileBytes() throws {
    let document = try Self.load()
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: SegmentationFixtures.path(
      "ukraine-nato.de.txt"))))
    for sentence in SentenceSplitter(language: .german).split(document) {
      #expect(Array(bytes[sentence.utf8Range]) == Array(sentence.text.utf8))
    }
  }

  @Test func jsonlOffsetsSliceTheFileBytes() throws {
    let document = try Self.load()
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: SegmentationFixtures.path(
      "ukraine-nato.de.txt"))))
    let jsonl = SentenceFormatter.render(
      SentenceSplitter(language: .german).split(document), as: .jsonl)
    let lines = jsonl.split(separator: "\n")
    #expect(lines.count == 20)
    for (number, line) in lines.enumerated() {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let start = try #require(object["start"] as? Int)
      let end = try #require(object["end"] as? Int)
      let text = try #require(object["text"] as? String)
      #expect(object["index"] as? Int == number)
      #expect(String(decoding: bytes[start..<end], as: UTF8.self) == text)
    }
  }

  @Test func offsetsCountTheByteOrderMark() throws {
    var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    bytes += Array("Er kam. Sie ging.".utf8)
    let document = try TextReader.decode(bytes, name: "bom.txt")
    let found = SentenceSplitter(language: .german).split(document)
    #expect(found.map(\.utf8Range) == [3..<10, 11..<20])
  }
}

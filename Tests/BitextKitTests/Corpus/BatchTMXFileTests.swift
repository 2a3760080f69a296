import BitextKit
import Foundation
import Testing

@Suite struct BatchTMXFileTests {
  private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-tmx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private var pair: BatchPair {
    let source = [
      Sentence(index: 0, paragraph: 0, utf8Range: 0..<8, text: "Es regnet."),
      Sentence(index: 1, paragraph: 0, utf8Range: 9..<20, text: "Nur hier."),
    ]
    let target = [Sentence(index: 0, paragraph: 0, utf8Range: 0..<10, text: "It rains & pours.")]
    let beads = [
      AlignmentBead(source: 0..<1, target: 0..<1, confidence: 0.9),
      AlignmentBead(source: 1..<2, target: 1..<1, confidence: 0.2),
    ]
    return BatchPair(
      id: BatchID("doc<1>"), source: Document(text: "Es regnet. Nur hier."),
      target: Document(text: "It rains & pours."), sourceLanguage: .german,
      targetLanguage: .english,
      alignment: Alignment(source: source, target: target, beads: beads))
  }

  @Test func writesOneUnitPerTwoSidedBeadAndAppearsOnlyOnCommit() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("corpus.tmx").path
    let file = try BatchTMXFile(path: path)
    try file.add(pair)
    #expect(!FileManager.default.fileExists(atPath: path))
    try file.commit()
    #expect(file.unitCount == 1)
    let xml = try String(contentsOfFile: path, encoding: .utf8)
    #expect(xml.contains(#"srclang="*all*""#))
    #expect(xml.contains(#"<tu tuid="doc&lt;1&gt;:1">"#))
    #expect(xml.contains("<seg>It rains &amp; pours.</seg>"))
    #expect(!xml.contains("Nur hier."))
    #expect(xml.hasSuffix("</tmx>\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["corpus.tmx"])
  }

  @Test func discardLeavesNothingBehind() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = try BatchTMXFile(path: directory.appendingPathComponent("corpus.tmx").path)
    try file.add(pair)
    file.discard()
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }
}

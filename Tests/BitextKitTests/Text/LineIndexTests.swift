import BitextKit
import Foundation
import Testing

@Suite struct LineIndexTests {
  static let texts: [(String, [UInt8])] = [
    ("LF", Array("eins\nzwei drei\n\nvier".utf8)),
    ("CRLF and CR", Array("a\r\nbé\rc\r\n\rdü\r".utf8)),
    ("BOM", [0xEF, 0xBB, 0xBF] + Array("Straße\nÜbel ✓\n".utf8)),
    (
      "long lines",
      Array(
        (String(repeating: "äöü x ", count: 1000) + "\n" + String(repeating: "y", count: 9000)).utf8
      )
    ),
  ]

  @Test(arguments: texts.map(\.0))
  func agreesWithTheDocumentAtEveryOffset(name: String) {
    let bytes = Self.texts.first { $0.0 == name }!.1
    let document = Document(
      name: "t.txt", utf8: bytes, contentStart: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
    let index = LineIndex(document)
    for offset in Swift.stride(from: document.contentStart, through: bytes.count, by: 3) {
      #expect(index.location(ofByte: offset) == document.location(ofByte: offset), "\(offset)")
    }
  }

  /// 20,000 findings in a 2 MB target: linear, where a scan per finding took minutes.
  @Test func manyFindingsAreLocatedInLinearTime() {
    let line = "The war in Ukraine goes on, and nobody knows how long it will take.\n"
    let target = Document(name: "en.txt", text: String(repeating: line, count: 30_000))
    let source = Document(name: "de.txt", text: "Krieg.\n")
    let count = 20_000
    let step = target.utf8.count / count
    let findings = (0..<count).map { number in
      Finding(
        kind: .termMissing, severity: .warning, sourceSentences: [0], targetSentences: [number],
        targetRange: number * step..<number * step + 3, message: "m")
    }
    let formatter = FindingFormatter(source: source, target: target)
    let start = ContinuousClock.now
    let text = formatter.render(findings, as: .text)
    let json = formatter.render(findings, as: .json)
    let elapsed = ContinuousClock.now - start
    #expect(text.split(separator: "\n").count == count)
    let last = target.location(ofByte: findings[count - 1].targetRange!.lowerBound)
    #expect(json.contains("\"\(last)\""))
    #expect(elapsed < .seconds(10), "\(elapsed)")
  }
}

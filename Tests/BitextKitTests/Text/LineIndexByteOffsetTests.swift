import BitextKit
import Testing

/// `LineIndex.byteOffset(line:column:)` inverts `location(ofByte:)`, on long lines too.
@Suite struct LineIndexByteOffsetTests {
  /// Lines of mixed one- to four-byte scalars, some far longer than a checkpoint stride, with LF,
  /// CRLF and CR line ends.
  static let text: String = {
    let pieces = ["a", "ä", "€", "😀", " ", "<x/>"]
    var text = ""
    var state: UInt64 = 2026
    for line in 0..<12 {
      let length = line % 3 == 0 ? 9_000 : 40
      for _ in 0..<length {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += pieces[Int(state >> 33) % pieces.count]
      }
      text += ["\n", "\r\n", "\r"][line % 3]
    }
    return text
  }()

  @Test func invertsLocationAtEveryScalarStart() {
    let document = Document(name: "t.xml", text: Self.text)
    let index = LineIndex(document)
    var offset = 0
    var checked = 0
    var previous: Unicode.Scalar = " "
    var mismatches: [Int] = []
    for (number, scalar) in Self.text.unicodeScalars.enumerated() {
      // Every third scalar start, except the LF of a CRLF, which is no place of its own.
      if number % 3 == 0 && !(scalar == "\n" && previous == "\r") {
        let location = index.location(ofByte: offset)
        if index.byteOffset(line: location.line, column: location.column) != offset {
          mismatches.append(offset)
        }
        checked += 1
      }
      offset += String(scalar).utf8.count
      previous = scalar
    }
    #expect(mismatches.isEmpty)
    #expect(checked > 10_000)
  }

  @Test func columnPastTheLineEndGivesTheLineEnd() {
    let document = Document(name: "t.xml", text: "ab\ncd\n")
    let index = LineIndex(document)
    #expect(index.byteOffset(line: 1, column: 99) == 2)
    #expect(index.byteOffset(line: 2, column: 1) == 3)
    #expect(index.byteOffset(line: 9, column: 1) == 6)
  }
}

import BitextKit
import Foundation
import Testing

/// Reading never crashes and never loses text: every encoding problem is an `InputError`.
@Suite struct TextReaderTests {
  static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
      let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
      bytes += bigEndian ? [high, low] : [low, high]
    }
    return bytes
  }

  /// A temporary directory, removed after `body`.
  static func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-reader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
  }

  // MARK: - Encodings

  @Test func utf8WithoutBOM() throws {
    let document = try TextReader.decode(Array("Grüße aus Köln.".utf8), name: "a.txt")
    #expect(document.encoding == .utf8)
    #expect(document.contentStart == 0)
    #expect(document.text(0..<document.utf8.count) == "Grüße aus Köln.")
  }

  @Test func utf8WithBOMKeepsFileOffsets() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Grüße.".utf8)
    let document = try TextReader.decode(bytes, name: "bom.txt")
    #expect(document.encoding == .utf8WithBOM)
    #expect(document.contentStart == 3)
    #expect(document.utf8 == bytes)
    #expect(document.paragraphs.map(\.utf8Range) == [3..<bytes.count])
  }

  @Test(arguments: [false, true])
  func utf16WithBOM(bigEndian: Bool) throws {
    let text = "Grüße aus Köln 😀.\r\nZweite Zeile."
    let document = try TextReader.decode(Self.utf16(text, bigEndian: bigEndian), name: "u16.txt")
    #expect(document.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
    #expect(document.utf8 == Array(text.utf8))
  }

  @Test(arguments: [false, true])
  func utf16WithAnUnpairedSurrogateIsRefused(bigEndian: Bool) {
    var bytes = Self.utf16("ab", bigEndian: bigEndian)
    bytes += bigEndian ? [0xD8, 0x00] : [0x00, 0xD8]  // a lone high surrogate
    bytes += Self.utf16("c", bigEndian: bigEndian).dropFirst(2)
    #expect(throws: InputError.self) { try TextReader.decode(bytes, name: "bad16.txt") }
  }

  @Test func utf16WithAnOddByteIsRefused() {
    let bytes = Self.utf16("abc", bigEndian: false) + [0x41]
    #expect {
      try TextReader.decode(bytes, name: "odd.txt")
    } throws: { error in
      guard case .invalidEncoding(_, let offset, _) = error as? InputError else { return false }
      return offset == bytes.count - 1
    }
  }

  // MARK: - Line ends

  @Test(arguments: ["\n", "\r\n", "\r"])
  func lineEndsSeparateParagraphsAndLines(lineEnd: String) throws {
    let text = "Erste Zeile\(lineEnd)noch eins.\(lineEnd)\(lineEnd)Zweiter Absatz."
    let document = try TextReader.decode(Array(text.utf8), name: "ends.txt")
    let paragraphs = document.paragraphs.map { document.text($0.utf8Range) }
    #expect(paragraphs == ["Erste Zeile\(lineEnd)noch eins.", "Zweiter Absatz."])
    let secondParagraph = document.paragraphs[1].utf8Range.lowerBound
    #expect(document.location(ofByte: secondParagraph).line == 4)
    #expect(document.location(ofByte: secondParagraph).column == 1)
  }

  // MARK: - Bad input

  @Test func invalidUTF8NamesLineColumnAndByteOffset() {
    var bytes = Array("Zeile eins\nZä".utf8)
    bytes += [0xFF]
    bytes += Array("x".utf8)
    #expect(throws: InputError.invalidEncoding(
      SourceLocation(file: "bad.txt", line: 2, column: 3), byteOffset: 14, encoding: "UTF-8")) {
      try TextReader.decode(bytes, name: "bad.txt")
    }
  }

  @Test(arguments: [
    [0xC3] as [UInt8],  // truncated sequence at the end
    [0xE2, 0x82],
    [0xC0, 0xAF],  // overlong
    [0xED, 0xA0, 0x80],  // surrogate
    [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
    [0x80],  // lone continuation byte
  ])
  func malformedSequencesAreRefusedAtTheirFirstByte(bad: [UInt8]) {
    let bytes = Array("ok ".utf8) + bad + Array(" ok".utf8)
    #expect {
      try TextReader.decode(bytes, name: "bad.txt")
    } throws: { error in
      guard case .invalidEncoding(let location, let offset, _) = error as? InputError else {
        return false
      }
      return offset == 3 && location.line == 1 && location.column == 4
    }
  }

  @Test(arguments: ["", " ", "\n\n", " \t\r\n \u{00A0}"])
  func emptyOrBlankInputIsRefused(text: String) {
    #expect(throws: InputError.empty(path: "blank.txt")) {
      try TextReader.decode(Array(text.utf8), name: "blank.txt")
    }
  }

  @Test func aBOMAloneIsEmpty() {
    #expect(throws: InputError.empty(path: "bom.txt")) {
      try TextReader.decode([0xEF, 0xBB, 0xBF], name: "bom.txt")
    }
  }

  @Test func nulBytesMeanABinaryFile() {
    let bytes = Array("text".utf8) + [0x00] + Array("more".utf8)
    #expect(throws: InputError.binary(path: "bin.dat", byteOffset: 4)) {
      try TextReader.decode(bytes, name: "bin.dat")
    }
  }

  @Test func aDirectoryIsRefused() throws {
    try Self.withTemporaryDirectory { directory in
      #expect(throws: InputError.isDirectory(path: directory.path)) {
        try TextReader.read(path: directory.path)
      }
    }
  }

  @Test func aMissingFileIsRefused() throws {
    try Self.withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("missing.txt").path
      #expect(throws: InputError.notFound(path: path)) { try TextReader.read(path: path) }
    }
  }

  @Test func readsAFileFromDisk() throws {
    try Self.withTemporaryDirectory { directory in
      let url = directory.appendingPathComponent("a.txt")
      try Data(Self.utf16("Hallo Welt.", bigEndian: true)).write(to: url)
      let document = try TextReader.read(path: url.path)
      #expect(document.name == url.path)
      #expect(document.text(0..<document.utf8.count) == "Hallo Welt.")
    }
  }

  @Test func everyErrorIsOneLineNamingTheFile() {
    let errors: [InputError] = [
      .notFound(path: "x.txt"), .isDirectory(path: "x.txt"), .empty(path: "x.txt"),
      .binary(path: "x.txt", byteOffset: 3),
      .invalidEncoding(SourceLocation(file: "x.txt", line: 2, column: 5), byteOffset: 9,
        encoding: "UTF-8"),
      .unreadable(path: "x.txt", reason: "permission denied"),
    ]
    for error in errors {
      #expect(error.description.hasPrefix("x.txt"))
      #expect(!error.description.contains("\n"))
    }
    #expect(
      InputError.invalidEncoding(
        SourceLocation(file: "x.txt", line: 2, column: 5), byteOffset: 9, encoding: "UTF-8"
      ).description == "x.txt:2:5: invalid UTF-8 at byte offset 9")
  }
}

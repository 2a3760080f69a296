import BitextKit
import Foundation
import Testing

@Suite struct LineReaderTests {
  private func withFile(_ bytes: [UInt8], _ body: (String) throws -> Void) throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-lines-\(UUID().uuidString)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
  }

  @Test func splitsOnLineFeedsDropsCarriageReturnsAndKeepsTheLastLine() throws {
    let long = String(repeating: "x", count: 100)
    let text = "a\r\n\nb\n\(long)\nlast"
    try withFile(Array(text.utf8)) { path in
      let reader = try LineReader(path: path, bufferSize: 16)
      var lines: [String] = []
      while let line = try reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
      #expect(lines == ["a", "", "b", long, "last"])
      #expect(reader.lineCount == 5)
      #expect(reader.bytesRead == text.utf8.count)
      #expect(reader.size == text.utf8.count)
    }
  }

  @Test func aFinalLineFeedDoesNotMakeAnExtraLine() throws {
    try withFile(Array("one\ntwo\n".utf8)) { path in
      let reader = try LineReader(path: path)
      var count = 0
      while try reader.next() != nil { count += 1 }
      #expect(count == 2)
    }
  }

  @Test func missingFilesAndDirectoriesAreInputErrors() {
    #expect(throws: InputError.notFound(path: "/nonexistent/corpus.jsonl")) {
      _ = try LineReader(path: "/nonexistent/corpus.jsonl")
    }
    let directory = FileManager.default.temporaryDirectory.path
    #expect(throws: InputError.isDirectory(path: directory)) {
      _ = try LineReader(path: directory)
    }
  }
}

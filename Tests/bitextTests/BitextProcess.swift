import Foundation

/// The repository's `Fixtures/` folder.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// Runs the `bitext` executable built beside the test bundle.
enum BitextProcess {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static var executable: URL {
    // The test bundle lives in .build/<config>/; the executable beside it.
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("bitext")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory.deleteLastPathComponent()
    }
    return Bundle.main.bundleURL.appendingPathComponent("bitext")
  }

  /// Runs `bitext` with `arguments`, feeding `stdin`, in `directory` (default: the current one);
  /// output goes through temporary files so that no pipe can fill up and block the child.
  static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL? = nil) throws
    -> Result
  {
    let workingDirectory = directory
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let paths = ["in", "out", "err"].map { directory.appendingPathComponent($0) }
    try (stdin ?? Data()).write(to: paths[0])
    _ = FileManager.default.createFile(atPath: paths[1].path, contents: nil)
    _ = FileManager.default.createFile(atPath: paths[2].path, contents: nil)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    // Lexical evidence unless a test asks for embeddings with --similarity: the debug build's
    // encoder is slow, and most tests are about what comes after the alignment.
    var environment = ProcessInfo.processInfo.environment
    environment["BITEXT_SIMILARITY"] = environment["BITEXT_SIMILARITY"] ?? "lexical"
    process.environment = environment
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    process.standardInput = try FileHandle(forReadingFrom: paths[0])
    process.standardOutput = try FileHandle(forWritingTo: paths[1])
    process.standardError = try FileHandle(forWritingTo: paths[2])
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: paths[1]), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: paths[2]), as: UTF8.self))
  }
}

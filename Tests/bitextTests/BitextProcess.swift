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

  /// Runs `bitext` with `arguments`, feeding `stdin`; output goes through temporary files so that
  /// no pipe can fill up and block the child.
  ///
  /// - Parameters:
  ///   - directory, currentDirectory: the child's working directory (default: the current one).
  ///   - stdoutPath, stderrPath: write the child's stdout or stderr there instead (a device or a
  ///     FIFO made by the test); that stream is then empty in the result.
  static func run(
    _ arguments: [String], stdin: Data? = nil, in directory: URL? = nil,
    stdoutPath: String? = nil, stderrPath: String? = nil, currentDirectory: String? = nil
  ) throws -> Result {
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
    process.standardOutput = try FileHandle(
      forWritingTo: URL(fileURLWithPath: stdoutPath ?? paths[1].path))
    process.standardError = try FileHandle(
      forWritingTo: URL(fileURLWithPath: stderrPath ?? paths[2].path))
    if let currentDirectory {
      process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory)
    }
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: paths[1]), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: paths[2]), as: UTF8.self))
  }
}

/// A temporary folder for one test, removed at the end; device nodes and FIFOs are made in it,
/// never taken from the machine's /dev.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-folder-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }

  /// Writes `text` to `name` and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    return file(name)
  }

  /// A character device node like /dev/null (1, 3), /dev/zero (1, 5) or /dev/full (1, 7).
  func device(_ name: String, major: UInt32, minor: UInt32) throws -> String {
    let path = file(name)
    guard mknod(path, S_IFCHR | 0o666, makedev(major, minor)) == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPERM)
    }
    return path
  }

  func full() throws -> String { try device("full", major: 1, minor: 7) }

  /// A FIFO (named pipe).
  func fifo(_ name: String) throws -> String {
    let path = file(name)
    guard mkfifo(path, 0o666) == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPERM)
    }
    return path
  }

  /// The names in the folder, hidden ones included.
  var names: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? [] }
}

/// glibc's makedev, which Swift does not import (a macro).
func makedev(_ major: UInt32, _ minor: UInt32) -> dev_t {
  let major = dev_t(major)
  let minor = dev_t(minor)
  return (major & 0xfff) << 8 | (major & ~0xfff) << 32 | (minor & 0xff) | (minor & ~0xff) << 12
}

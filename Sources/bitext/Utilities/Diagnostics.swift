import Foundation

/// Messages on standard error.
enum Diagnostics {
  /// Prints `bitext: message` on stderr and exits with code 2 (bad usage or bad input).
  static func fail(_ message: String) -> Never {
    printError("bitext: \(message)")
    exit(2)
  }

  static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// True when stderr is a terminal: the only case in which progress is shown.
  static var showsProgress: Bool { isatty(STDERR_FILENO) == 1 }
}

/// One line of progress on stderr, rewritten in place: "bitext: embedding 120/2000 (6%)".
enum PhaseProgress {
  @Sendable static func report(_ phase: String, _ done: Int, _ total: Int) {
    let percent = total > 0 ? 100 * done / total : 100
    let end = done >= total ? "\n" : ""
    FileHandle.standardError.write(Data("\rbitext: \(phase) \(done)/\(total) (\(percent)%)\(end)".utf8))
  }
}

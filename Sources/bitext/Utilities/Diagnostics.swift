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

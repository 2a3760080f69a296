import BitextKit
import Foundation

/// Messages on standard error.
enum Diagnostics {
  /// Prints `bitext: message` on stderr and exits with code 2 (bad usage or bad input).
  static func fail(_ message: String) -> Never {
    printError("bitext: \(message)")
    exit(2)
  }

  /// Prints a glossary warning: `bitext: file:line:column: warning: message`.
  static func warn(_ warning: GlossaryWarning) {
    printError("bitext: \(warning)")
  }

  static func printError(_ line: String) {
    writeError(line + "\n")
  }

  /// Writes `text` as it is on stderr; when stderr cannot be written the message is lost, and the
  /// command exits with 2 rather than go on as if it had been seen.
  static func writeError(_ text: String) {
    do {
      try StandardStream.error.write(text)
    } catch {
      exit(2)
    }
  }

  /// True when stderr is a terminal: the only case in which progress is shown.
  static var showsProgress: Bool { isatty(STDERR_FILENO) == 1 }
}

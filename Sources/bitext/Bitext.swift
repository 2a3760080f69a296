import ArgumentParser
import BitextKit
import Foundation

@main
struct Bitext: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bitext",
    abstract: "Segment, align and terminology-check German/English translations.",
    discussion: """
      Exit codes: 0 success; 1 findings at or above --fail-on (check), error lines (batch);
      2 bad usage or bad input.
      """,
    version: BitextKit.version,
    subcommands: [
      Segment.self, GlossaryCommand.self, Align.self, Check.self, Terms.self, Eval.self, Batch.self,
    ]
  )

  /// Runs the command; bad input and bad usage print one line on stderr and exit 2.
  static func main() {
    Interruption.install()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as InputError {
      Diagnostics.fail(error.description)
    } catch let error as EmbeddingError {
      Diagnostics.fail(error.description)
    } catch let error as ExitCode {
      Foundation.exit(error.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {  // --help, --version: written so that a failed write is seen
        do {
          try Output.print(fullMessage(for: error))
        } catch {
          Diagnostics.fail(error.description)
        }
        Foundation.exit(0)
      }
      // ArgumentParser's message, first line only, without its "Error: " prefix.
      var message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? ""
      if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
      Diagnostics.fail(message.isEmpty ? "\(error)" : message)
    }
  }
}

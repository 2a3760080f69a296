import BitextKit
import Foundation

/// Where a command's result goes: standard output, or a file written atomically with `-o`.
struct Output {
  var path: String?
  var inputs: [String]

  /// Refuses an output path that names an input, before any work is done.
  func validate() throws(InputError) {
    if let path { try OutputFile.refuseOverwriting(inputs, with: path) }
  }

  func write(_ text: String) throws(InputError) {
    if let path {
      try OutputFile.write(text, to: path, inputs: inputs)
    } else {
      try StandardStream.output.write(text)
    }
  }

  /// Writes `text` and a line end to standard output; a failed write is an error, not a loss.
  static func print(_ text: String, terminator: String = "\n") throws(InputError) {
    try StandardStream.output.write(text + terminator)
  }
}

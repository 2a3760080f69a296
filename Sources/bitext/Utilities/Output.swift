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
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}

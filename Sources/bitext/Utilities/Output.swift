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

  /// A destination written piece by piece: the `-o` file (`OutputFile.Stream`, put in place by
  /// `commit`), or standard output in blocks of 64 KiB.
  func stream() throws(InputError) -> Stream {
    if let path { return Stream(file: try OutputFile.Stream(path: path, inputs: inputs)) }
    return Stream(file: nil)
  }

  final class Stream {
    private let file: OutputFile.Stream?
    private var buffer = ""

    init(file: OutputFile.Stream?) { self.file = file }

    func write(_ text: String) throws(InputError) {
      if let file { return try file.write(text) }
      buffer += text
      if buffer.utf8.count >= 1 << 16 { try flush() }
    }

    func commit() throws(InputError) {
      if let file { return try file.commit() }
      try flush()
    }

    func discard() { file?.discard() }

    private func flush() throws(InputError) {
      try StandardStream.output.write(buffer)
      buffer = ""
    }
  }

  /// Writes `text` and a line end to standard output; a failed write is an error, not a loss.
  static func print(_ text: String, terminator: String = "\n") throws(InputError) {
    try StandardStream.output.write(text + terminator)
  }
}

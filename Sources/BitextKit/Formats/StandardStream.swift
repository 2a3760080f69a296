import Foundation

/// Standard output or standard error, written with `write(2)` so that a failed write is an error.
///
/// Foundation's `FileHandle.write(_:)` traps when the write fails and `print` buffers and drops
/// errors; a full disk or a closed pipe behind `>` must instead end the command with one line.
///
///     try StandardStream.output.write("done\n")
public enum StandardStream: Sendable {
  case output, error

  /// The name used in messages: `<stdout>` or `<stderr>`.
  public var name: String { self == .output ? "<stdout>" : "<stderr>" }

  var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

  /// Writes `text` as UTF-8, all of it.
  ///
  /// - Throws: `InputError.unwritable` naming the stream, with the system's reason.
  public func write(_ text: String) throws(InputError) {
    try FileDescriptor.writeAll(Array(text.utf8), to: descriptor, name: name)
  }
}

/// Whole writes and reads on a file descriptor, retried after interruptions.
enum FileDescriptor {
  /// Writes every byte of `bytes` to `descriptor`.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(InputError) {
    var failure: InputError?
    bytes.withUnsafeBytes { raw in
      do throws(InputError) {
        try writeAll(raw, to: descriptor, name: name)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }

  /// Writes every byte of `bytes` to `descriptor`.
  ///
  /// - Throws: `InputError.unwritable(path: name, …)` with the system's reason.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String)
    throws(InputError)
  {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw .unwritable(path: name, reason: String(cString: strerror(errno)))
      }
      offset += written
    }
  }
}

import Foundation

/// Writes an output file whole or not at all: to a temporary file beside it, then renamed into place.
///
/// Only a regular file, or a path that does not exist yet, is replaced by a rename; the new file
/// keeps the old one's mode and (where the process may) owner, and a symbolic link stays a link to
/// the file it names. A FIFO or a character device (`/dev/null`, `/dev/stdout`) is written to
/// directly, as `>` would; block devices and directories are refused.
public enum OutputFile {
  /// Writes `bytes` to `path` atomically.
  ///
  /// - Parameter inputs: paths of the inputs; writing over one of them is refused.
  /// - Throws: `InputError.outputOverwritesInput` or `InputError.unwritable`; the target is unchanged.
  public static func write(_ bytes: some Collection<UInt8>, to path: String, inputs: [String] = [])
    throws(InputError)
  {
    let stream = try Stream(path: path, inputs: inputs)
    try stream.write(bytes: bytes)
    try stream.commit()
  }

  /// Writes `text` as UTF-8 to `path` atomically; see `write(_:to:inputs:)`.
  public static func write(_ text: String, to path: String, inputs: [String] = [])
    throws(InputError)
  {
    try write(Array(text.utf8), to: path, inputs: inputs)
  }

  /// Throws when `output` names the same file as one of `inputs` (same path or same inode).
  public static func refuseOverwriting(_ inputs: [String], with output: String) throws(InputError) {
    let outputPath = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
    var outputStat = stat()
    let outputExists = stat(output, &outputStat) == 0
    for input in inputs where input != "-" {
      let inputPath = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
      var inputStat = stat()
      let sameFile =
        outputExists && stat(input, &inputStat) == 0 && inputStat.st_dev == outputStat.st_dev
        && inputStat.st_ino == outputStat.st_ino
      if inputPath == outputPath || sameFile { throw .outputOverwritesInput(path: output) }
    }
  }

  /// Removes every temporary file not yet renamed into place: for a signal handler, before the
  /// process ends (the targets stay as they were).
  public static func removeTemporaryFiles() {
    TemporaryFiles.shared.removeAll()
  }
}

/// The temporary output files that exist now, so that an interrupted process can remove them.
final class TemporaryFiles: @unchecked Sendable {
  static let shared = TemporaryFiles()
  private let lock = NSLock()
  private var paths: Set<String> = []
  /// Set by `removeAll`: the process is ending, no new temporary file may appear.
  private var closed = false

  /// Creates the temporary file `path` and registers it, in one step under the lock, so that a
  /// signal's clean-up sees every file that exists.
  ///
  /// - Returns: the descriptor, or -1 with `errno` set (`EINTR` once the process is ending).
  func create(_ path: String) -> Int32 {
    lock.withLock {
      if closed {
        errno = EINTR
        return -1
      }
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 { paths.insert(path) }
      return descriptor
    }
  }

  func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }

  func removeAll() {
    lock.withLock {
      closed = true
      for path in paths { unlink(path) }
      paths.removeAll()
    }
  }
}

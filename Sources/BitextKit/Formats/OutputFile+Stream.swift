import Foundation

extension OutputFile {
  /// An output file written piece by piece, then put in place whole by `commit()`.
  ///
  /// Writes go (buffered) to a temporary file beside the target; `commit()` renames it into place,
  /// so that readers see the old file or the complete new one, never a part. Without a commit the
  /// temporary file is removed and the target stays as it was. Memory use is the buffer, whatever
  /// the size of the output.
  ///
  ///     let tmx = try OutputFile.Stream(path: "corpus.tmx")
  ///     try tmx.write(header)
  ///     …
  ///     try tmx.commit()
  ///
  /// Not thread-safe.
  public final class Stream {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// Creates the temporary file.
    ///
    /// - Parameter inputs: paths of the inputs; writing over one of them is refused.
    /// - Throws: `InputError.outputOverwritesInput` or `InputError.unwritable`.
    public init(path: String, inputs: [String] = [], bufferSize: Int = 1 << 16) throws(InputError) {
      try OutputFile.refuseOverwriting(inputs, with: path)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        throw .unwritable(path: path, reason: "is a directory")
      }
      let url = URL(fileURLWithPath: path)
      self.path = path
      self.temporary =
        url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
      self.capacity = max(bufferSize, 1)
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if descriptor < 0 { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
      buffer.reserveCapacity(capacity)
    }

    deinit { discard() }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws(InputError) {
      buffer.append(contentsOf: text.utf8)
      if buffer.count >= capacity { try flush() }
    }

    /// Writes the rest, closes the file and renames it into place.
    ///
    /// - Throws: `InputError.unwritable`; the target is then unchanged.
    public func commit() throws(InputError) {
      do throws(InputError) {
        try flush()
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: "already closed") }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
          descriptor = -1
          throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        descriptor = -1
        if rename(temporary, path) != 0 {
          throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
      } catch {
        discard()
        throw error
      }
    }

    /// Closes and removes the temporary file; the target stays as it was.
    public func discard() {
      if descriptor >= 0 {
        close(descriptor)
        descriptor = -1
        unlink(temporary)
      } else if FileManager.default.fileExists(atPath: temporary) {
        unlink(temporary)
      }
      buffer.removeAll()
    }

    private func flush() throws(InputError) {
      guard descriptor >= 0 else { throw .unwritable(path: path, reason: "already closed") }
      var offset = 0
      while offset < buffer.count {
        let written = buffer.withUnsafeBytes { bytes in
          Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        }
        if written < 0 {
          if errno == EINTR { continue }
          throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        offset += written
      }
      buffer.removeAll(keepingCapacity: true)
    }
  }
}

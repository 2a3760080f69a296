import Foundation

extension OutputFile {
  /// An output file written piece by piece, then put in place whole by `commit()`.
  ///
  /// Writes go (buffered) to a temporary file beside the target; `commit()` renames it into place,
  /// so that readers see the old file or the complete new one, never a part. Without a commit the
  /// temporary file is removed and the target stays as it was. Memory use is the buffer, whatever
  /// the size of the output. A target that is a FIFO or a character device is written to
  /// directly (see `OutputFile`).
  ///
  ///     let tmx = try OutputFile.Stream(path: "corpus.tmx")
  ///     try tmx.write(header)
  ///     …
  ///     try tmx.commit()
  ///
  /// Not thread-safe.
  public final class Stream {
    public let path: String
    /// The temporary file, or nil when the target is written directly.
    private var temporary: String?
    /// Where the temporary file is renamed to: `path`, or the file a symbolic link names.
    private let destination: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// Creates the temporary file (or opens a FIFO or character device).
    ///
    /// - Parameter inputs: paths of the inputs; writing over one of them is refused.
    /// - Throws: `InputError.outputOverwritesInput` or `InputError.unwritable`.
    public init(path: String, inputs: [String] = [], bufferSize: Int = 1 << 16) throws(InputError) {
      try OutputFile.refuseOverwriting(inputs, with: path)
      self.path = path
      self.capacity = max(bufferSize, 1)
      var existing = stat()
      if stat(path, &existing) == 0 {
        switch existing.st_mode & S_IFMT {
        case S_IFREG:
          break
        case S_IFDIR:
          throw .unwritable(path: path, reason: "is a directory")
        case S_IFBLK:
          throw .unwritable(path: path, reason: "is a block device, not a file")
        default:  // FIFO, character device, socket: no rename, write to it as `>` would
          let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
          if descriptor < 0 {
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
          }
          self.descriptor = descriptor
          self.temporary = nil
          self.destination = path
          buffer.reserveCapacity(capacity)
          return
        }
      }
      // A symbolic link stays a link: the file it names is replaced.
      let destination =
        existing.st_mode & S_IFMT == S_IFREG
        ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : path
      let url = URL(fileURLWithPath: destination)
      let directory = url.deletingLastPathComponent().path
      var directoryStat = stat()
      guard stat(directory, &directoryStat) == 0, directoryStat.st_mode & S_IFMT == S_IFDIR else {
        throw .unwritable(path: path, reason: "no such directory")
      }
      let temporary = directory + "/.\(url.lastPathComponent).\(UUID().uuidString).tmp"
      let descriptor = TemporaryFiles.shared.create(temporary)
      if descriptor < 0 { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
      if existing.st_mode & S_IFMT == S_IFREG {
        // Keep the old file's owner (where the process may) and mode; owner first, since a change
        // of owner clears the set-user-ID bit.
        _ = fchown(descriptor, existing.st_uid, existing.st_gid)
        _ = fchmod(descriptor, existing.st_mode & 0o7777)
      }
      self.descriptor = descriptor
      self.temporary = temporary
      self.destination = destination
      buffer.reserveCapacity(capacity)
    }

    deinit { discard() }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws(InputError) {
      buffer.append(contentsOf: text.utf8)
      if buffer.count >= capacity { try flush() }
    }

    /// Appends bytes.
    public func write(bytes: some Collection<UInt8>) throws(InputError) {
      buffer.append(contentsOf: bytes)
      if buffer.count >= capacity { try flush() }
    }

    /// Writes the rest, closes the file and renames it into place.
    ///
    /// - Throws: `InputError.unwritable`; the target is then unchanged.
    public func commit() throws(InputError) {
      do throws(InputError) {
        try flush()
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: "already closed") }
        let synced = temporary == nil || fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        descriptor = -1
        if !synced || !closed {
          throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        if let temporary {
          if rename(temporary, destination) != 0 {
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
          }
          TemporaryFiles.shared.remove(temporary)
          self.temporary = nil
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
      }
      if let temporary {
        unlink(temporary)
        TemporaryFiles.shared.remove(temporary)
        self.temporary = nil
      }
      buffer.removeAll()
    }

    private func flush() throws(InputError) {
      guard descriptor >= 0 else { throw .unwritable(path: path, reason: "already closed") }
      try FileDescriptor.writeAll(buffer, to: descriptor, name: path)
      buffer.removeAll(keepingCapacity: true)
    }
  }
}

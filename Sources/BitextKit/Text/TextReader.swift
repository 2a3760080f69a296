import Foundation

/// Reads text files safely: any encoding problem is an `InputError` naming the file and the place.
///
/// Accepts UTF-8 with or without a byte-order mark and UTF-16 (LE or BE) with one; any line ends.
/// Refuses empty or blank input, directories, binary files (NUL bytes) and invalid UTF-8 or UTF-16,
/// before any output is produced.
public enum TextReader {
  /// Reads and decodes the file at `path`; `-` reads standard input.
  public static func read(path: String) throws(InputError) -> Document {
    let name = path == "-" ? "<stdin>" : path
    return try decode(try readBytes(path: path), name: name)
  }

  /// The raw bytes of the file at `path` (`-`: standard input), with file-system errors as `InputError`.
  ///
  /// Reads regular files and streams alike: a pipe, a FIFO, `<(command)`, a terminal. Devices
  /// that are not terminals (`/dev/zero`, `/dev/null`, disks) are refused: they are not text.
  public static func readBytes(path: String) throws(InputError) -> [UInt8] {
    if path == "-" { return try readAll(STDIN_FILENO, name: "<stdin>") }
    let descriptor = try open(path: path)
    defer { close(descriptor) }
    return try readAll(descriptor, name: path)
  }

  /// Opens `path` for reading, refusing what is not a text: directories and devices other than
  /// terminals.
  ///
  /// - Throws: `InputError.notFound`, `.isDirectory` or `.unreadable` with the reason.
  public static func open(path: String) throws(InputError) -> Int32 {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    if info.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path: path) }
    let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
    if descriptor < 0 {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    let type = info.st_mode & S_IFMT
    if (type == S_IFCHR && isatty(descriptor) == 0) || type == S_IFBLK {
      close(descriptor)
      let kind = type == S_IFCHR ? "a character device" : "a block device"
      throw .unreadable(path: path, reason: "\(kind), not a text file")
    }
    return descriptor
  }

  /// Every byte until the end of the stream.
  private static func readAll(_ descriptor: Int32, name: String) throws(InputError) -> [UInt8] {
    var info = stat()
    let size = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
      ? Int(info.st_size) : 0
    var bytes = [UInt8](repeating: 0, count: max(size + 1, 1 << 16))
    var count = 0
    while true {
      if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
      let read = bytes.withUnsafeMutableBytes { buffer in
        Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
      }
      if read > 0 {
        count += read
      } else if read == 0 {
        break
      } else if errno != EINTR {
        throw .unreadable(path: name, reason: String(cString: strerror(errno)))
      }
    }
    bytes.removeSubrange(count...)
    return bytes
  }

  /// Decodes bytes read from a file called `name`.
  public static func decode(_ bytes: [UInt8], name: String) throws(InputError) -> Document {
    let document: Document
    if bytes.starts(with: [0xFF, 0xFE]) {
      document = try decodeUTF16(bytes, bigEndian: false, name: name)
    } else if bytes.starts(with: [0xFE, 0xFF]) {
      document = try decodeUTF16(bytes, bigEndian: true, name: name)
    } else {
      let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
      document = Document(
        name: name, encoding: hasBOM ? .utf8WithBOM : .utf8, utf8: bytes, contentStart: hasBOM ? 3 : 0)
      if let nul = bytes.firstIndex(of: 0) { throw .binary(path: name, byteOffset: nul) }
      if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
        throw .invalidEncoding(document.location(ofByte: bad), byteOffset: bad, encoding: "UTF-8")
      }
    }
    if TextScanner.isBlank(document.contentStart..<document.utf8.count, in: document.utf8) {
      throw .empty(path: name)
    }
    return document
  }

  private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, name: String) throws(InputError)
    -> Document
  {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(bytes.count)
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var offset = 2
    while offset + 1 < bytes.count {
      let (first, second) = (UInt16(bytes[offset]), UInt16(bytes[offset + 1]))
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      offset += 2
    }
    // Byte offset of each code unit in the file, for messages.
    func fileOffset(ofUnit unit: Int) -> Int { 2 + unit * 2 }
    var parser = UTF16.ForwardParser()
    var iterator = units.makeIterator()
    var unit = 0
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        let scalar = UTF16.decode(encoded)
        if scalar.value == 0 { throw .binary(path: name, byteOffset: fileOffset(ofUnit: unit)) }
        utf8.append(contentsOf: UTF8.encode(scalar)!)
        unit += encoded.count
      case .error:
        let partial = Document(name: name, encoding: .utf16LittleEndian, utf8: utf8)
        let location = partial.location(ofByte: utf8.count)
        throw .invalidEncoding(
          location, byteOffset: fileOffset(ofUnit: unit), encoding: bigEndian ? "UTF-16BE" : "UTF-16LE")
      case .emptyInput:
        break loop
      }
    }
    if bytes.count % 2 == 1 {
      let partial = Document(name: name, utf8: utf8)
      throw .invalidEncoding(
        partial.location(ofByte: utf8.count), byteOffset: bytes.count - 1,
        encoding: bigEndian ? "UTF-16BE" : "UTF-16LE")
    }
    return Document(
      name: name, encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian, utf8: utf8)
  }
}

/// UTF-8 validation that reports where it fails.
enum UTF8Validation {
  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or nil.
  ///
  /// - Complexity: O(*n*); ASCII runs are skipped eight bytes at a time.
  static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      let count = buffer.count
      var index = 0
      while index < count {
        // Fast path: eight ASCII bytes at once.
        if index + 8 <= count {
          let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 == 0 {
            index += 8
            continue
          }
        }
        let lead = buffer[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, lower) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, upper) = (3, 0x9F)  // no surrogates
        case 0xF0: (length, lower) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, upper) = (4, 0x8F)
        default: return index
        }
        guard index + length <= count else { return index }
        guard lower...upper ~= buffer[index + 1] else { return index }
        for next in (index + 2)..<(index + length) where buffer[next] & 0xC0 != 0x80 {
          return index
        }
        index += length
      }
      return nil
    }
  }
}

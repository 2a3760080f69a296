import Foundation

/// Reads a byte stream line by line with a fixed-size buffer, so that input of any size streams.
///
/// Lines end at LF; a CR before the LF is dropped, and a last line without a line end still counts.
/// Lines are returned as raw bytes: validating them (UTF-8, JSON) is the caller's business, so that
/// a bad line can be reported instead of stopping the stream.
///
///     let reader = try LineReader(path: "corpus.jsonl")
///     while let line = try reader.next() { … }
///
/// Not thread-safe: use it from one thread at a time.
public final class LineReader {
  /// The name used in messages: the path, or `<stdin>`.
  public let name: String
  /// The size of the input in bytes when it is a regular file, else nil (a pipe, a terminal).
  public let size: Int?
  /// Bytes consumed so far, line ends included.
  public private(set) var bytesRead = 0
  /// Lines returned so far.
  public private(set) var lineCount = 0
  /// The longest line kept, in bytes; nil: no limit. A longer line is read to its end but not
  /// kept: `next()` returns it empty and sets `lastLineOversize`, so memory stays bounded.
  public var maximumLineLength: Int?
  /// The length in bytes of the last line returned when it was over `maximumLineLength`, else nil.
  public private(set) var lastLineOversize: Int?

  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var atEnd = false

  /// A reader of the file at `path`; `-` reads standard input.
  ///
  /// - Throws: `InputError.notFound`, `.isDirectory` or `.unreadable`.
  public convenience init(path: String, bufferSize: Int = 1 << 16) throws(InputError) {
    if path == "-" {
      self.init(
        descriptor: STDIN_FILENO, name: "<stdin>", ownsDescriptor: false, bufferSize: bufferSize)
      return
    }
    let descriptor = try TextReader.open(path: path)
    self.init(descriptor: descriptor, name: path, ownsDescriptor: true, bufferSize: bufferSize)
  }

  /// A reader of an open file descriptor, which it closes at the end when `ownsDescriptor` is true.
  public init(
    descriptor: Int32, name: String, ownsDescriptor: Bool = false, bufferSize: Int = 1 << 16
  ) {
    self.descriptor = descriptor
    self.name = name
    self.ownsDescriptor = ownsDescriptor
    self.buffer = [UInt8](repeating: 0, count: max(bufferSize, 16))
    var info = stat()
    if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
      size = Int(info.st_size)
    } else {
      size = nil
    }
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// The next line without its line end, or nil at the end of the input.
  ///
  /// - Throws: `InputError.unreadable` when reading fails.
  public func next() throws(InputError) -> [UInt8]? {
    var line: [UInt8] = []
    var length = 0
    let limit = maximumLineLength ?? Int.max
    func take(_ range: Range<Int>) {
      length += range.count
      if length <= limit { line.append(contentsOf: buffer[range]) } else { line = [] }
    }
    while true {
      if start < end {
        let found = buffer.withUnsafeBufferPointer { bytes -> Int? in
          bytes[start..<end].firstIndex(of: 0x0A)
        }
        if let newline = found {
          take(start..<newline)
          bytesRead += newline + 1 - start
          start = newline + 1
          return finish(line, length: length)
        }
        take(start..<end)
        bytesRead += end - start
        start = end
      }
      if atEnd {
        return length == 0 ? nil : finish(line, length: length)
      }
      try fill()
    }
  }

  private func finish(_ line: [UInt8], length: Int) -> [UInt8] {
    lineCount += 1
    if let limit = maximumLineLength, length > limit {
      lastLineOversize = length
      return []
    }
    lastLineOversize = nil
    return line.last == 0x0D ? Array(line.dropLast()) : line
  }

  private func fill() throws(InputError) {
    start = 0
    end = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        end = count
        return
      }
      if count == 0 {
        atEnd = true
        return
      }
      if errno == EINTR { continue }
      throw .unreadable(path: name, reason: String(cString: strerror(errno)))
    }
  }
}

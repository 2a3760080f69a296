/// A text read from a file, as UTF-8 bytes whose offsets are the file's own.
///
/// For a UTF-8 file `utf8` holds the file's bytes exactly (a byte-order mark included, so that every
/// offset bitext reports slices the file itself); for a UTF-16 file it holds the text transcoded to
/// UTF-8, and offsets refer to that transcoding. Line ends are kept as they were (LF, CRLF or CR).
public struct Document: Hashable, Sendable {
  /// The name used in messages: the path as given, or `<stdin>`.
  public var name: String
  public var encoding: TextEncoding
  /// The text as UTF-8; see the type's description for what offsets into it mean.
  public var utf8: [UInt8]
  /// Where the text starts in `utf8`: 3 after a UTF-8 byte-order mark, else 0.
  public var contentStart: Int

  public init(name: String, encoding: TextEncoding = .utf8, utf8: [UInt8], contentStart: Int = 0) {
    self.name = name
    self.encoding = encoding
    self.utf8 = utf8
    self.contentStart = contentStart
  }

  /// A document made from a string, as if read from a UTF-8 file called `name`.
  public init(name: String = "<text>", text: String) {
    self.init(name: name, utf8: Array(text.utf8))
  }

  /// The text of a UTF-8 byte range.
  public func text(_ range: Range<Int>) -> String {
    String(decoding: utf8[range], as: UTF8.self)
  }

  /// The 1-based line and column of a UTF-8 byte offset (columns count Unicode scalars; CRLF, CR and
  /// LF each end a line).
  public func location(ofByte offset: Int) -> SourceLocation {
    var line = 1
    var lineStart = contentStart
    var index = contentStart
    let end = min(offset, utf8.count)
    while index < end {
      let byte = utf8[index]
      if byte == 0x0A || (byte == 0x0D && (index + 1 >= utf8.count || utf8[index + 1] != 0x0A)) {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    // Continuation bytes (10xxxxxx) do not start a scalar.
    let column = 1 + utf8[lineStart..<end].count { $0 & 0xC0 != 0x80 }
    return SourceLocation(file: name, line: line, column: column)
  }
}

/// How a file's text was encoded.
public enum TextEncoding: String, Hashable, Sendable {
  case utf8 = "UTF-8"
  case utf8WithBOM = "UTF-8 with BOM"
  case utf16LittleEndian = "UTF-16LE"
  case utf16BigEndian = "UTF-16BE"
}

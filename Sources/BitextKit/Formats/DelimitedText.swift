/// Rows of a tab- or comma-separated file, each cell with its place in the file.
///
/// TSV: one record a line (LF, CRLF or CR), cells separated by tabs, no quoting (escapes such as
/// `\t` are left to the caller). CSV: RFC 4180, cells separated by commas, a cell in double quotes may
/// hold commas, line breaks and doubled quotes (`""`). Blank lines are skipped in both.
///
///     let text = "de,en\n\"Staats-, Regierungschef\",leader\n"
///     let rows = try DelimitedText.parse(Document(text: text), dialect: .csv)
///     // rows[1].cells[0].text == "Staats-, Regierungschef"
public enum DelimitedText {
  /// The two flavours of delimited text.
  public enum Dialect: String, Hashable, Sendable {
    case tsv
    case csv

    /// The cell separator: a tab or a comma.
    public var separator: UInt8 { self == .tsv ? 0x09 : 0x2C }
  }

  /// One cell: its text (quotes removed in CSV, otherwise as in the file) and where it starts.
  public struct Cell: Hashable, Sendable {
    public var text: String
    /// UTF-8 byte offset of the cell's first byte (its opening quote, if quoted) in the document.
    public var byteOffset: Int

    public init(text: String, byteOffset: Int) {
      self.text = text
      self.byteOffset = byteOffset
    }
  }

  /// One record.
  public struct Row: Hashable, Sendable {
    public var cells: [Cell]
    /// UTF-8 byte offset of the record's first byte in the document.
    public var byteOffset: Int

    public init(cells: [Cell], byteOffset: Int) {
      self.cells = cells
      self.byteOffset = byteOffset
    }

    /// True when every cell is empty.
    public var isBlank: Bool { cells.allSatisfy { $0.text.isEmpty } }
  }

  // MARK: - Reading

  /// Splits `document` into rows, starting at byte `start` (default: the text's start); blank lines
  /// are left out.
  ///
  /// - Throws: `InputError.malformed` at the offending character for a CSV quote that is not
  ///   closed, a character after a closing quote, or a quote inside an unquoted cell.
  /// - Complexity: O(*n*) in the UTF-8 length of the document.
  public static func parse(_ document: Document, dialect: Dialect, from start: Int? = nil)
    throws(InputError) -> [Row]
  {
    let bytes = document.utf8
    var rows: [Row] = []
    var index = start ?? document.contentStart
    let separator = dialect.separator
    func error(_ offset: Int, _ reason: String) -> InputError {
      .malformed(document.location(ofByte: offset), reason: reason)
    }
    while index < bytes.count {
      let rowStart = index
      var cells: [Cell] = []
      var atRowEnd = false
      while !atRowEnd {
        let cellStart = index
        var text: [UInt8] = []
        if dialect == .csv && index < bytes.count && bytes[index] == 0x22 {
          index += 1
          var closed = false
          while index < bytes.count {
            if bytes[index] == 0x22 {
              if index + 1 < bytes.count && bytes[index + 1] == 0x22 {
                text.append(0x22)
                index += 2
                continue
              }
              index += 1
              closed = true
              break
            }
            text.append(bytes[index])
            index += 1
          }
          if !closed { throw error(cellStart, "quoted CSV field is not closed") }
          if index < bytes.count && bytes[index] != separator && bytes[index] != 0x0A
            && bytes[index] != 0x0D
          {
            throw error(index, "unexpected character after the closing quote of a CSV field")
          }
        } else {
          while index < bytes.count && bytes[index] != separator && bytes[index] != 0x0A
            && bytes[index] != 0x0D
          {
            if dialect == .csv && bytes[index] == 0x22 {
              throw error(index, "quote inside an unquoted CSV field (quote the whole field)")
            }
            text.append(bytes[index])
            index += 1
          }
        }
        cells.append(Cell(text: String(decoding: text, as: UTF8.self), byteOffset: cellStart))
        if index < bytes.count && bytes[index] == separator {
          index += 1
        } else {
          atRowEnd = true
          if index < bytes.count && bytes[index] == 0x0D { index += 1 }
          if index < bytes.count && bytes[index] == 0x0A { index += 1 }
        }
      }
      let row = Row(cells: cells, byteOffset: rowStart)
      if !(cells.count == 1 && row.isBlank) { rows.append(row) }
    }
    return rows
  }

  // MARK: - Writing

  /// Renders rows; TSV cells must not contain tabs or line ends (escape them first).
  ///
  /// CSV cells are quoted when they hold a comma, a quote, a line end or leading or trailing
  /// spaces; CSV records end in CRLF (RFC 4180), TSV records in LF.
  public static func render(_ rows: [[String]], dialect: Dialect) -> String {
    var output = ""
    for row in rows {
      switch dialect {
      case .tsv:
        output += row.joined(separator: "\t") + "\n"
      case .csv:
        output += row.map(csvField).joined(separator: ",") + "\r\n"
      }
    }
    return output
  }

  /// One CSV field, quoted when it has to be.
  public static func csvField(_ text: String) -> String {
    let needsQuotes =
      text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
      || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

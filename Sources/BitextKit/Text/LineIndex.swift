/// Where each line of a document starts, for turning many byte offsets into line and column.
///
/// `Document.location(ofByte:)` scans from the start of the text, O(*n*) per call; a report of
/// thousands of findings needs thousands of locations. Built once in O(*n*), the index answers in
/// O(log *lines* + `stride`): a binary search for the line, then the scalars counted from the
/// line's start or from the last checkpoint (every `stride` bytes), whichever is nearer, so that
/// a single very long line costs no more than many short ones.
///
///     let index = LineIndex(document)
///     let place = index.location(ofByte: finding.targetRange!.lowerBound)
///     // place == document.location(ofByte: finding.targetRange!.lowerBound)
public struct LineIndex: Sendable {
  /// Bytes between two column checkpoints: 512 costs an `Int` per 512 bytes of text (1.6 %) and
  /// bounds the scalars counted per call, which matters for XML written on one line, where every
  /// element of a file is on the same line.
  static let stride = 512

  public let document: Document
  /// UTF-8 byte offsets where lines start, ascending; the first is `contentStart`.
  private let lineStarts: [Int]
  /// For each multiple *k* of `stride`: the scalars between the start of the line holding byte
  /// *k* and *k*.
  private let columnAtCheckpoint: [Int]

  /// - Complexity: O(*n*) in the UTF-8 length of the document.
  public init(_ document: Document) {
    self.document = document
    let bytes = document.utf8
    var lineStarts = [document.contentStart]
    var checkpoints: [Int] = []
    checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
    var column = 0
    for index in bytes.indices {
      if index % Self.stride == 0 { checkpoints.append(index < document.contentStart ? 0 : column) }
      guard index >= document.contentStart else { continue }
      let byte = bytes[index]
      if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
        lineStarts.append(index + 1)
        column = 0
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    self.lineStarts = lineStarts
    self.columnAtCheckpoint = checkpoints
  }

  /// The UTF-8 byte offset of a 1-based line and column (columns in Unicode scalars), the inverse
  /// of `location(ofByte:)`; a column past the line's end gives the line's end.
  ///
  /// - Complexity: O(log *n* + `stride`): the last checkpoint of the line before the column is
  ///   found by binary search, and the scalars after it are counted.
  public func byteOffset(line: Int, column: Int) -> Int {
    let bytes = document.utf8
    guard line >= 1 else { return document.contentStart }
    guard line <= lineStarts.count else { return bytes.count }
    let lineStart = lineStarts[line - 1]
    let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
    let wanted = column - 1  // scalars before the offset on its line
    var index = lineStart
    var scalars = 0
    // Checkpoints inside the line have non-decreasing columns: take the last one at or before
    // the wanted column.
    var low = (lineStart + Self.stride - 1) / Self.stride
    var high = min((lineEnd - 1) / Self.stride, columnAtCheckpoint.count - 1)
    if low <= high && columnAtCheckpoint[low] <= wanted {
      while low < high {
        let middle = (low + high + 1) / 2
        if columnAtCheckpoint[middle] <= wanted { low = middle } else { high = middle - 1 }
      }
      index = low * Self.stride
      scalars = columnAtCheckpoint[low]
      // A checkpoint inside a scalar: that scalar is counted already.
      while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
    }
    while scalars < wanted && index < bytes.count && bytes[index] != 0x0A && bytes[index] != 0x0D {
      index += 1
      while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
      scalars += 1
    }
    return index
  }

  /// The 1-based line and column of a UTF-8 byte offset, as `Document.location(ofByte:)` gives it.
  public func location(ofByte offset: Int) -> SourceLocation {
    let bytes = document.utf8
    let end = max(min(offset, bytes.count), document.contentStart)
    // The last line start at or before `end`.
    var low = 0
    var high = lineStarts.count
    while high - low > 1 {
      let middle = (low + high) / 2
      if lineStarts[middle] <= end { low = middle } else { high = middle }
    }
    let lineStart = lineStarts[low]
    var from = lineStart
    var column = 1
    let checkpoint = end / Self.stride * Self.stride
    if checkpoint > lineStart && checkpoint / Self.stride < columnAtCheckpoint.count {
      from = checkpoint
      column += columnAtCheckpoint[checkpoint / Self.stride]
    }
    var index = from
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(file: document.name, line: low + 1, column: column)
  }
}

/// A run of non-blank lines; blank lines (empty or white space only) separate paragraphs.
public struct Paragraph: Hashable, Sendable {
  /// 0-based position among the document's paragraphs.
  public var index: Int
  /// UTF-8 byte range in the document, without surrounding blank lines or trailing line end.
  public var utf8Range: Range<Int>

  public init(index: Int, utf8Range: Range<Int>) {
    self.index = index
    self.utf8Range = utf8Range
  }
}

extension Document {
  /// The document's paragraphs, in order.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of the document.
  public var paragraphs: [Paragraph] {
    var paragraphs: [Paragraph] = []
    forEachParagraph { paragraphs.append($0) }
    return paragraphs
  }

  /// Calls `body` with each of the document's paragraphs, in order, without building an array.
  func forEachParagraph(_ body: (Paragraph) -> Void) {
    utf8.withUnsafeBufferPointer { utf8 in
      var count = 0
      // Trailing white space of the last line is trimmed so that ranges end on text.
      func emit(_ range: Range<Int>) {
        body(Paragraph(index: count, utf8Range: TextScanner.trimmed(range, in: utf8)))
        count += 1
      }
      var start: Int? = nil  // first byte of the current paragraph's first non-blank line
      var end = contentStart  // end of the last non-blank line seen
      var lineStart = contentStart
      var lineIsBlank = true
      var index = contentStart
      func closeLine(at lineEnd: Int) {
        if lineIsBlank {
          if let paragraphStart = start {
            emit(paragraphStart..<end)
            start = nil
          }
        } else {
          if start == nil { start = lineStart }
          end = lineEnd
        }
      }
      while index < utf8.count {
        if !lineIsBlank, index + 8 <= utf8.count, let base = utf8.baseAddress {
          // Inside a line: skip eight bytes at a time while none ends the line.
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          if !TextScanner.hasByte(word, 0x0A) && !TextScanner.hasByte(word, 0x0D) {
            index += 8
            continue
          }
        }
        let byte = utf8[index]
        if byte == 0x0A || byte == 0x0D {
          closeLine(at: index)
          if byte == 0x0D && index + 1 < utf8.count && utf8[index + 1] == 0x0A { index += 1 }
          index += 1
          lineStart = index
          lineIsBlank = true
          continue
        }
        if lineIsBlank {
          let space = TextScanner.whitespaceLength(in: utf8, at: index)
          if space > 0 {
            index += space
            continue
          }
          lineIsBlank = false
        }
        index += 1
      }
      closeLine(at: utf8.count)
      if let paragraphStart = start { emit(paragraphStart..<end) }
    }
  }
}

/// The quotations of one paragraph: from each opening quotation mark to its closing mark, for the
/// `keep` quotation policy (no sentence boundary inside a quotation) and for quotations broken off
/// by a dash (`interruptions`).
///
/// Marks are paired left to right with a small stack, so that a quotation inside a quotation
/// ("…, 'Who am I?' Ah, …") belongs to the outer one. Only quotations that close in the paragraph
/// count: an opening mark never closed (a quotation that goes on in the next paragraph, a stray
/// mark, the elision in "'round") suppresses nothing, and a closed quotation inside it still does.
///
/// - `"` opens after white space, an opening bracket or a dash and before a non-space; it closes an
///   open `"` when it follows a non-space.
/// - `“` opens, or closes a German `„`; `”` closes `“` and `„`; `„` opens.
/// - `»…«` and `«…»`: the first of the two opens.
/// - Single marks (`'`, `‘`, `’`, `‚`, `‹`, `›`) pair the same way, but an apostrophe between
///   letters ("don't", "dragon’s") is neither, and `’` never opens.
struct QuotationSpans {
  /// UTF-8 ranges from just after an opening mark to just after its closing mark.
  ///
  /// A boundary at a position in one of them falls inside a quotation. Ascending, not
  /// overlapping.
  private(set) var ranges: [Range<Int>] = []
  /// Where quotations broken off by a dash end (UTF-8 offsets just after the closing mark).
  ///
  /// `"… afore she comes, to--" At this moment`. Ascending.
  private(set) var interruptions: [Int] = []

  private struct Open {
    var index: Int
    var mark: Unicode.Scalar
  }

  init(in text: ParagraphText) {
    var stack: [Open] = []
    var index = 0
    let bytes = text.bytes
    while index < bytes.count {
      let byte = bytes[index]
      // The bytes a quotation mark starts with: `"`, `'`, 0xE2 (“ ” „ ‘ ’ ‚ ‹ ›), 0xC2 (« »).
      guard byte == 0x22 || byte == 0x27 || byte == 0xE2 || byte == 0xC2 else {
        index += 1
        continue
      }
      let (mark, length) = text.scalar(at: index)
      defer { index += length }
      guard Self.isQuote(mark) else { continue }
      let before = text.scalar(before: index)
      let after = index + length < bytes.count ? text.scalar(at: index + length).scalar : nil
      if Self.isSingle(mark), let before, let after, ParagraphText.isLetter(before),
        ParagraphText.isLetter(after)
      {
        continue  // an apostrophe: "don't", "dragon’s"
      }
      let spaceBefore = before.map(Self.isSpace) ?? true  // the paragraph's start counts as space
      let spaceAfter = after.map(Self.isSpace) ?? true
      let leadingBefore = before.map(Self.isLeading) ?? false
      let depth = stack.lastIndex { Self.closes(mark, $0.mark) }
      let canOpen =
        Self.opens(mark) && !spaceAfter
        && (spaceBefore || leadingBefore || !Self.isAmbiguous(mark))
      // Both possible ("to--\" At", "„Nein“, sagte"): after a dash or bracket a mark opens.
      if let depth, !spaceBefore, !(canOpen && leadingBefore) {
        let open = stack[depth]
        stack.removeSubrange(depth...)
        ranges.append((open.index + 1)..<(index + length))
        if let before, before == "-" || before == "–" || before == "—" {
          interruptions.append(index + length)
        }
      } else if canOpen {
        if stack.count == 4 { stack.removeFirst() }
        stack.append(Open(index: index, mark: mark))
      }
    }
    // Inner quotations close first; an outer one that closed covers them.
    ranges.sort { $0.lowerBound < $1.lowerBound }
    var merged: [Range<Int>] = []
    for range in ranges {
      if let last = merged.last, range.lowerBound < last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    ranges = merged
  }

  static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "“", "”", "„", "‘", "’", "‚", "«", "»", "‹", "›": true
    default: false
    }
  }

  static func isSingle(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "'", "‘", "’", "‚", "‹", "›": true
    default: false
    }
  }

  /// Marks whose direction only the characters around them tell.
  static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\"" || scalar == "'"
  }

  /// Whether `scalar` can open a quotation.
  static func opens(_ scalar: Unicode.Scalar) -> Bool {
    scalar != "”" && scalar != "’"
  }

  /// Whether `mark` closes a quotation opened by `open`.
  static func closes(_ mark: Unicode.Scalar, _ open: Unicode.Scalar) -> Bool {
    switch open {
    case "\"": mark == "\""
    case "“": mark == "”"
    case "„": mark == "“" || mark == "”"
    case "«": mark == "»"
    case "»": mark == "«"
    case "'", "‘": mark == "'" || mark == "’"
    case "‚": mark == "‘" || mark == "’"
    case "‹": mark == "›"
    case "›": mark == "‹"
    default: false
    }
  }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace
  }

  /// What may stand right before an opening mark besides white space: brackets, dashes, other
  /// opening marks ("(\"", "--\"Pat!", "„‚").
  static func isLeading(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "(", "[", "{", "-", "–", "—", "/", "\"", "“", "„", "‘", "‚", "«", "»", "'": true
    default: false
    }
  }
}

/// How `bitext segment` prints sentences.
public enum SegmentFormat: String, CaseIterable, Sendable {
  /// One sentence a line (inner line breaks become spaces), a blank line between paragraphs.
  case text
  /// One JSON object a sentence: `{"index", "paragraph", "start", "end", "text"}`, UTF-8 byte offsets.
  case jsonl
}

/// Renders sentences in a `SegmentFormat`.
public enum SentenceFormatter {
  public static func render(_ sentences: [Sentence], as format: SegmentFormat) -> String {
    var output = ""
    var paragraph = sentences.first?.paragraph
    for sentence in sentences {
      output += render(sentence, after: paragraph, as: format)
      paragraph = sentence.paragraph
    }
    return output
  }

  /// One sentence's output, for streaming: `render(_:as:)` is these pieces in order.
  ///
  /// - Parameter previous: the paragraph of the sentence before (nil for the first); text output
  ///   puts a blank line between paragraphs.
  public static func render(_ sentence: Sentence, after previous: Int?, as format: SegmentFormat)
    -> String
  {
    switch format {
    case .text:
      let gap = previous != nil && sentence.paragraph != previous ? "\n" : ""
      return gap + oneLine(sentence.text) + "\n"
    case .jsonl:
      return JSON.object([
        "index": String(sentence.index),
        "paragraph": String(sentence.paragraph),
        "start": String(sentence.utf8Range.lowerBound),
        "end": String(sentence.utf8Range.upperBound),
        "text": JSON.quote(sentence.text),
      ]) + "\n"
    }
  }

  /// `text` on one line: each line break (CRLF, CR or LF) becomes one space.
  public static func oneLine(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
    return text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ")
      .replacingOccurrences(of: "\n", with: " ")
  }
}

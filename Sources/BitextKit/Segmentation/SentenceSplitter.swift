/// Splits documents into sentences: ICU's sentence break iterator, corrected by `BoundaryRules`.
///
/// Paragraphs (separated by blank lines) are split independently, so a sentence never spans a
/// paragraph break. A single line break inside a paragraph is soft: ICU sees it as a space, so that a
/// hard-wrapped text segments exactly like the same text unwrapped.
///
///     let sentences = SentenceSplitter(language: .german).split(Document(text: "Dr. Kühn kam. Er ging."))
///     // sentences.count == 2
///
/// Not thread-safe (it owns an ICU iterator): use one per task.
public final class SentenceSplitter {
  /// Which corrections run on top of ICU's sentence boundaries.
  public enum Rules: String, Hashable, Sendable, CaseIterable {
    /// bitext's boundary rules (abbreviations, ordinals, quotations, lists…): the default.
    case standard
    /// ICU's boundaries as they are, for comparison (paragraphs and soft line breaks still apply).
    case icuOnly
  }

  /// Whether sentences inside a quotation are sentences of their own: part of the rules; `split`
  /// unless asked otherwise (`standard(for:)`).
  ///
  ///     "Nichts sollte ausgeschlossen werden. Wir werden alles tun", sagte Macron.
  ///     "Nothing should be ruled out. We will do everything," Macron said.
  ///     // split: two sentences each, the attribution staying with the second
  ///     // keep: one sentence each
  ///
  /// A quotation runs from an opening to its closing mark inside one paragraph: "…", “…”, „…“,
  /// »…«, «…» and single marks ('…', ‘…’, ‚…‘); a mark never closed in the paragraph quotes
  /// nothing. Boundaries after the closing mark are not affected by the policy.
  public enum Quotations: String, Hashable, Sendable, CaseIterable {
    /// Split inside quotations where the rules would split outside them: what German and English
    /// corpora do (UD German GSD and English EWT, newswire test sets, the German golden rules),
    /// and what a translation memory wants, both sides split alike.
    case split
    /// No boundary inside a quotation, however many sentences it quotes: the convention of the
    /// English golden rules (pySBD, Pragmatic Segmenter).
    case keep

    /// The policy for `language` when none is given: `split`, for every language.
    public static func standard(for language: Language) -> Quotations { .split }
  }

  public let language: Language
  public let rules: Rules
  /// The quotation policy in use (`rules: .icuOnly` ignores it).
  public let quotations: Quotations
  private let iterator: BreakIterator
  private let boundaryRules: BoundaryRules?
  /// Scratch buffer: the current paragraph with line ends turned into spaces.
  private var buffer: [UInt8] = []
  /// Scratch buffer: the positions of `BoundaryRules.markedBytes` in the current paragraph
  /// (`ByteMarks`).
  private var marks: [UInt64] = []
  /// Scratch buffer: ICU's boundaries in the current paragraph.
  private var boundaries: [Int] = []
  /// Scratch buffers of the boundary rules: the boundaries kept, the boundaries added.
  private var kept: [Int] = []
  private var added: [Int] = []
  /// Scratch buffer: the sentence ranges of the current paragraph (`sentenceRanges(in:of:)`).
  private var ranges: [Range<Int>] = []

  /// A splitter for `language`; `rules: .icuOnly` gives ICU's boundaries uncorrected.
  ///
  /// - Parameter quotations: the quotation policy; nil takes the language's
  ///   (`Quotations.standard(for:)`).
  public init(language: Language, rules: Rules = .standard, quotations: Quotations? = nil) {
    self.language = language
    self.rules = rules
    self.quotations = quotations ?? .standard(for: language)
    self.iterator =
      BreakIterator(.sentence, locale: language.icuLocale) ?? BreakIterator(.sentence, locale: "")!
    self.boundaryRules =
      rules == .standard ? BoundaryRules(language: language, quotations: self.quotations) : nil
  }

  /// The sentences of `document`, numbered from 0.
  ///
  /// - Parameter progress: called with `.segmentation` and the UTF-8 bytes done after each
  ///   paragraph, on the calling thread; it does not change the result.
  /// - Complexity: O(*n*) in the UTF-8 length of the document.
  public func split(_ document: Document, progress: ProgressHandler? = nil) -> [Sentence] {
    var sentences: [Sentence] = []
    forEachSentence(in: document, progress: progress) { sentences.append($0) }
    return sentences
  }

  /// Calls `body` with each sentence of `document` in order, holding one paragraph at a time.
  ///
  /// - Parameter progress: see `split(_:progress:)`.
  public func forEachSentence(
    in document: Document, progress: ProgressHandler? = nil, _ body: (Sentence) -> Void
  ) {
    var index = 0
    var counter = ProgressCounter(progress, phase: .segmentation, total: document.utf8.count)
    document.utf8.withUnsafeBufferPointer { bytes in
      document.forEachParagraph { paragraph in
        forEachSentenceRange(in: paragraph.utf8Range, of: bytes) { range in
          let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
          body(Sentence(index: index, paragraph: paragraph.index, utf8Range: range, text: text))
          index += 1
        }
        counter.advance(by: paragraph.utf8Range.upperBound - counter.done)
      }
    }
    counter.finish()
  }

  /// The sentence ranges of one paragraph (absolute offsets into `bytes`).
  public func sentenceRanges(in paragraph: Range<Int>, of bytes: [UInt8]) -> [Range<Int>] {
    // Collected in a reused buffer, then copied once into an array of the right size.
    var ranges = self.ranges
    self.ranges = []
    defer { self.ranges = ranges }
    ranges.removeAll(keepingCapacity: true)
    bytes.withUnsafeBufferPointer { bytes in
      forEachSentenceRange(in: paragraph, of: bytes) { ranges.append($0) }
    }
    return ranges.withUnsafeBufferPointer { Array($0) }
  }

  /// Calls `body` with the sentence ranges of one paragraph (absolute UTF-8 offsets into `bytes`),
  /// building no array: the streaming form of `sentenceRanges(in:of:)`.
  ///
  /// The paragraph is read where it lies unless it holds line ends, which a copy turns into spaces.
  /// One pass over its bytes finds the first line end and marks what the rules look at.
  public func forEachSentenceRange(
    in paragraph: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void
  ) {
    let slice = UnsafeBufferPointer(rebasing: bytes[paragraph])
    var marks = self.marks
    self.marks = []
    defer { self.marks = marks }
    let lineEnd = ByteMarks.scan(
      slice, marking: BoundaryRules.markedBytes.period, BoundaryRules.markedBytes.threeByteLead,
      into: &marks)
    marks.withUnsafeBufferPointer { words in
      let marks = ByteMarks(words: words)
      guard lineEnd < slice.count else {
        sentenceRanges(in: slice, marks: marks, offset: paragraph.lowerBound, body)
        return
      }
      var buffer = self.buffer
      self.buffer = []
      defer { self.buffer = buffer }
      buffer.removeAll(keepingCapacity: true)
      buffer.append(contentsOf: slice)
      buffer.withUnsafeMutableBufferPointer { text in
        // One pass without branches (the compiler vectorises it) from the first line end on; the
        // marked bytes stay where they were.
        for index in lineEnd..<text.count {
          let byte = text[index]
          text[index] = byte == 0x0A || byte == 0x0D ? 0x20 : byte
        }
        sentenceRanges(
          in: UnsafeBufferPointer(text), marks: marks, offset: paragraph.lowerBound, body)
      }
    }
  }

  /// Whether `byte` is ASCII and no white space: a character of its own that trimming keeps.
  @inline(__always)
  private static func isPlainByte(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }

  /// The sentences of one paragraph's `text`, as ranges shifted by `offset`.
  private func sentenceRanges(
    in text: UnsafeBufferPointer<UInt8>, marks: ByteMarks, offset: Int,
    _ body: (Range<Int>) -> Void
  ) {
    var boundaries = self.boundaries
    self.boundaries = []
    defer { self.boundaries = boundaries }
    boundaries.removeAll(keepingCapacity: true)
    iterator.appendBoundaries(in: text, to: &boundaries)
    func emit(_ ends: [Int]) {
      var start = 0
      for end in ends {
        // Spaces first; any other white space at the edges goes to `TextScanner.trimmed`.
        var (lower, upper) = (start, end)
        while lower < upper && text[lower] == 0x20 { lower += 1 }
        while upper > lower && text[upper - 1] == 0x20 { upper -= 1 }
        if lower < upper && !(Self.isPlainByte(text[lower]) && Self.isPlainByte(text[upper - 1])) {
          let trimmed = TextScanner.trimmed(lower..<upper, in: text)
          (lower, upper) = (trimmed.lowerBound, trimmed.upperBound)
        }
        if lower < upper { body((lower + offset)..<(upper + offset)) }
        start = end
      }
    }
    guard let boundaryRules else { return emit(boundaries) }
    var kept = self.kept
    var added = self.added
    (self.kept, self.added) = ([], [])
    defer { (self.kept, self.added) = (kept, added) }
    boundaryRules.apply(to: boundaries, in: text, marks: marks, into: &kept, added: &added)
    emit(kept)
  }

  /// How raw ICU reads UTF-8 text in `forEachICUBoundary(in:reading:_:)`.
  public enum RawICUReading: String, Sendable, CaseIterable {
    /// ICU's UTF-8 text provider (`utext_openUTF8`), over the bytes where they lie; boundaries are
    /// UTF-8 offsets.
    case utf8Text
    /// ICU's own conversion to UTF-16 (`u_strFromUTF8`), then iteration over the UTF-16 text;
    /// boundaries are UTF-16 offsets.
    case convertedByICU
  }

  /// Runs ICU's sentence break iterator alone over `text` (no paragraphs, no rules, nothing of
  /// bitext's) and calls `body` with each boundary: the baselines bitext's speed is measured
  /// against.
  ///
  /// - Parameter text: UTF-8 bytes.
  public func forEachICUBoundary(
    in text: UnsafeBufferPointer<UInt8>, reading: RawICUReading = .utf8Text, _ body: (Int) -> Void
  ) {
    let reading: BreakIterator.Reading = reading == .utf8Text ? .utf8Text : .convertedByICU
    iterator.forEachBoundary(in: text, reading: reading, body)
  }

  /// Runs ICU's sentence break iterator alone over text already in UTF-16 and calls `body` with
  /// each boundary (a UTF-16 offset): ICU's speed with no conversion at all.
  public func forEachICUBoundary(inUTF16 text: UnsafeBufferPointer<UInt16>, _ body: (Int) -> Void) {
    iterator.forEachBoundary(inUTF16: text, body)
  }

  /// Sentences of a pre-segmented document: one sentence per non-blank line, paragraph 0, numbered
  /// by line order (blank lines are skipped and take no number).
  public static func lines(of document: Document) -> [Sentence] {
    var sentences: [Sentence] = []
    var lineStart = document.contentStart
    let bytes = document.utf8
    var index = lineStart
    func close(_ end: Int) {
      let range = TextScanner.trimmed(lineStart..<end, in: bytes)
      if !range.isEmpty {
        sentences.append(
          Sentence(index: sentences.count, paragraph: 0, utf8Range: range, text: document.text(range)))
      }
    }
    while index < bytes.count {
      if bytes[index] == 0x0A || bytes[index] == 0x0D {
        close(index)
        if bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
        lineStart = index + 1
      }
      index += 1
    }
    close(bytes.count)
    return sentences
  }
}

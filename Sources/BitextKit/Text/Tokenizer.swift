/// Cuts text into tokens with ICU's word break iterator.
///
/// Not thread-safe (it owns an ICU iterator): use one per task.
///
///     let tokens = Tokenizer(language: .german).tokens(in: "Die NATO-Truppen, 1.000 Mann.")
///     // words: Die, NATO, Truppen, Mann; number: 1.000; punctuation: -, ",", "."
public final class Tokenizer {
  public let language: Language
  public let normalizer: TextNormalizer
  private let iterator: BreakIterator

  public init(language: Language, normalizer: TextNormalizer = TextNormalizer()) {
    self.language = language
    self.normalizer = normalizer
    // ICU falls back to the root rules for any locale it lacks, so this does not fail in practice.
    self.iterator = BreakIterator(.word, locale: language.icuLocale) ?? BreakIterator(.word, locale: "")!
  }

  /// The tokens of `range` in `bytes`; token ranges are offsets into `bytes`.
  public func tokens(in bytes: [UInt8], range: Range<Int>) -> [Token] {
    var tokens: [Token] = []
    bytes.withUnsafeBufferPointer { buffer in
      let slice = UnsafeBufferPointer(rebasing: buffer[range])
      var start = 0
      iterator.forEachBoundaryAndStatus(in: slice) { end, status in
        defer { start = end }
        let absolute = (range.lowerBound + start)..<(range.lowerBound + end)
        let kind: Token.Kind
        switch status {
        case 100..<200: kind = .number
        case 200..<500: kind = .word
        default:
          if TextScanner.isBlank(absolute, in: bytes) { return }
          kind = .punctuation
        }
        let text = String(decoding: buffer[absolute], as: UTF8.self)
        tokens.append(Token(kind: kind, utf8Range: absolute, text: text, key: normalizer.key(text)))
      }
    }
    return tokens
  }

  /// The tokens of a string; ranges are UTF-8 offsets into it.
  public func tokens(in text: String) -> [Token] {
    let bytes = Array(text.utf8)
    return tokens(in: bytes, range: 0..<bytes.count)
  }
}

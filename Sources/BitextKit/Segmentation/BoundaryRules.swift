/// Corrections to ICU's sentence boundaries for news text.
///
/// Works on one paragraph at a time, as UTF-8 bytes in which line ends have become spaces.
struct BoundaryRules {
  let language: Language

  /// The boundaries to keep (UTF-8 offsets, ascending; the last one is the paragraph's end).
  func apply(to boundaries: [Int], in text: [UInt8]) -> [Int] {
    boundaries
  }
}

import BitextKit
import Testing

/// The boundaries ICU misses are found from a vectorised scan that marks each paragraph's periods
/// and 0xE2 bytes in 64-bit words, sixteen bytes at a time with a byte-wise tail: whatever the
/// offset of the byte, in a word, a block or the tail, the rule sees it.
@Suite struct MarkedBytesTests {
  /// Every offset of the glued period from 0 to 150, so that it falls on each bit of the first
  /// two words and in tails of every length.
  @Test func gluedPeriodIsFoundAtEveryOffset() {
    for padding in 0...140 {
      let lead = String(repeating: "x", count: padding)
      let text = "Ab\(lead) kam.Dann ging er."
      #expect(sentences(text) == ["Ab\(lead) kam.", "Dann ging er."], "padding \(padding)")
    }
  }

  /// The ellipsis character (E2 80 A6) and a bullet (E2 80 A2) at every offset, after a line end
  /// that the same scan finds.
  @Test func ellipsisAndBulletAreFoundAtEveryOffsetAfterALineEnd() {
    for padding in 0...80 {
      let lead = String(repeating: "y", count: padding)
      let text = "Sie\(lead) wartete\nlange… Dann kam er. Es gab • Brot"
      #expect(
        sentences(text) == ["Sie\(lead) wartete\nlange…", "Dann kam er.", "Es gab", "• Brot"],
        "padding \(padding)")
    }
  }

  /// Dashes and quotation marks share the bullets' first byte and are passed over.
  @Test func dashesAndQuotesAreNoAdditions() {
    #expect(
      sentences("Er sagte „Ja“ – und ging… dann kam sie.")
        == ["Er sagte „Ja“ – und ging… dann kam sie."])
  }
}

import BitextKit
import Testing

/// bitext hands ICU its text as UTF-16, transcoded from UTF-8 by the shim, and maps ICU's UTF-16
/// boundaries back to UTF-8 offsets. These tests hold that path to ICU's own UTF-8 reading.
@Suite struct ICUTranscodingTests {
  /// Sentence ranges the way `SentenceSplitter` forms them, from raw ICU reading UTF-8 in place.
  static func rangesFromUTF8Text(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    bytes.withUnsafeBufferPointer { text in
      SentenceSplitter(language: .german, rules: .icuOnly).forEachICUBoundary(
        in: text, reading: .utf8Text
      ) { end in
        let range = TextScanner.trimmed(start..<end, in: bytes)
        if !range.isEmpty { ranges.append(range) }
        start = end
      }
    }
    return ranges
  }

  @Test(arguments: [
    "Kurz. Ein Satz aus lauter ASCII-Zeichen, der länger ist als sechzehn Bytes. Noch einer!",
    "Über Nacht fiel die Entscheidung. Äußerst knapp: 51 zu 49. Öl und Gas?",
    "„Nichts sollte ausgeschlossen werden.“ Das sagte er. – Dann ging er.",
    "Emoji 😀 stehen außerhalb der Basisebene. 𝔘𝔫𝔡 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 auch. Ende.",
    "日本語の文です。次の文です。English follows. Done.",
  ])
  func wellFormedTextGivesICUsBoundaries(text: String) {
    let bytes = Array(text.utf8)
    let splitter = SentenceSplitter(language: .german, rules: .icuOnly)
    let ranges = splitter.sentenceRanges(in: 0..<bytes.count, of: bytes)
    #expect(ranges == Self.rangesFromUTF8Text(bytes))
    #expect(ranges.count >= 2)
  }

  @Test func charactersOfEveryLengthAtEveryPlaceOfABlock() {
    // The transcoder widens ASCII sixteen and eight bytes at a time: put each kind of character
    // at every offset of such blocks.
    let splitter = SentenceSplitter(language: .german, rules: .icuOnly)
    for character in ["ü", "„", "😀"] {
      for offset in 0..<40 {
        let text = String(repeating: "a", count: offset) + character + "b. Zweiter Satz. "
          + character + " Dritter."
        let bytes = Array(text.utf8)
        let ranges = splitter.sentenceRanges(in: 0..<bytes.count, of: bytes)
        #expect(ranges == Self.rangesFromUTF8Text(bytes), "\(character) at \(offset)")
        #expect(ranges.last?.upperBound == bytes.count)
      }
    }
  }

  @Test(arguments: [
    [0xC3, 0x28],  // a lead byte without its continuation
    [0xC0, 0xAF],  // overlong
    [0xED, 0xA0, 0x80],  // a surrogate
    [0xF5, 0x80, 0x80, 0x80],  // above U+10FFFF
    [0xE2, 0x80],  // cut off at the end
  ] as [[UInt8]])
  func illFormedTextFallsBackToICUsUTF8Reading(bad: [UInt8]) {
    let bytes = Array("Ein Satz. Noch ein Satz ".utf8) + bad + Array(" mit Fehler. Ende.".utf8)
    let splitter = SentenceSplitter(language: .german, rules: .icuOnly)
    #expect(splitter.sentenceRanges(in: 0..<bytes.count, of: bytes) == Self.rangesFromUTF8Text(bytes))
  }

  @Test func wordOffsetsAreUTF8OffsetsAfterCharactersOfEveryLength() {
    let text = "😀 Straße „Kreml-Sprecher“ 𝔘nd 1.000 Mann"
    let tokens = Tokenizer(language: .german).tokens(in: text)
    let bytes = Array(text.utf8)
    for token in tokens {
      #expect(String(decoding: bytes[token.utf8Range], as: UTF8.self) == token.text)
    }
    #expect(tokens.filter { $0.kind == .word }.map(\.text).contains("Mann"))
    #expect(tokens.contains { $0.text == "Straße" && $0.utf8Range == 5..<12 })
  }

  @Test func rawICUReadingsFindTheSameNumberOfBoundaries() {
    let bytes = Array("Eins. Zwei – drei? Vier! „Fünf.“ Sechs 😀. Sieben.".utf8)
    let splitter = SentenceSplitter(language: .german, rules: .icuOnly)
    var counts: [Int] = []
    for reading in SentenceSplitter.RawICUReading.allCases {
      var count = 0
      bytes.withUnsafeBufferPointer { text in
        splitter.forEachICUBoundary(in: text, reading: reading) { _ in count += 1 }
      }
      counts.append(count)
    }
    let utf16 = Array(String(decoding: bytes, as: UTF8.self).utf16)
    var utf16Count = 0
    utf16.withUnsafeBufferPointer { text in
      splitter.forEachICUBoundary(inUTF16: text) { _ in utf16Count += 1 }
    }
    #expect(counts.allSatisfy { $0 == utf16Count })
    #expect(utf16Count >= 6)
  }
}

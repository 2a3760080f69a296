/// One to eight ASCII letters, read in one pass without branches: the packed key the lexicon's
/// word lists are looked up by, and what the boundary rules ask of a short word.
struct ASCIIWord {
  /// The letters lower-cased, packed into an integer, first letter highest.
  let key: UInt64
  let count: Int
  /// Whether a letter is a vowel: a, e, i, o, u or y, in either case.
  let hasVowel: Bool
  /// Whether a letter is a small one.
  let hasSmallLetter: Bool

  /// Bit *n* set for the *n*-th letter of the alphabet that is a vowel.
  private static let vowelBits: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24

  /// The word `bytes` spell, or nil unless they are one to eight ASCII letters.
  @inline(__always)
  init?(_ bytes: some Collection<UInt8>) {
    guard (1...8).contains(bytes.count) else { return nil }
    var key: UInt64 = 0
    var nonLetters = 0
    var vowels: UInt32 = 0
    var bits: UInt8 = 0
    for byte in bytes {
      let lower = byte | 0x20
      let letter = lower &- 0x61
      nonLetters += letter > 25 ? 1 : 0
      key = key << 8 | UInt64(lower)
      vowels |= Self.vowelBits >> UInt32(letter & 31)
      bits |= byte
    }
    guard nonLetters == 0 else { return nil }
    self.key = key
    self.count = bytes.count
    self.hasVowel = vowels & 1 != 0
    // Small letters have bit 0x20 set, capitals do not.
    self.hasSmallLetter = bits & 0x20 != 0
  }
}

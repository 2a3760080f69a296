import Glibc

/// XLM-RoBERTa's SentencePiece unigram tokenizer, as multilingual-e5 uses it.
///
/// The method, in the order the text goes through it:
///
/// 1. Normalisation: each code point is replaced through the model file's map (NFKC-like folds;
///    control characters map to nothing), then every run of spaces becomes one space.
/// 2. Metaspace: a space is put in front unless the text starts with one, and every space becomes
///    "▁" (U+2581).
/// 3. Segmentation: Viterbi over the characters finds the split into vocabulary pieces with the
///    largest sum of piece scores. A character no piece covers becomes `<unk>`, scored the lowest
///    piece score − 10. Ties go to the split found first (shorter start, then shorter piece).
///
///     let ids = tokenizer.contentTokens("query: Hallo Welt")   // no <s>, </s>
///
/// Pieces are found through an open-addressing table keyed by FNV-1a hashes, which are extended
/// one character at a time as the candidate piece grows.
public struct UnigramTokenizer: Sendable {
  /// `<s>`, `</s>` and `<unk>`.
  public let beginToken: Int32, endToken: Int32, unknownToken: Int32
  private let file: ModelFile
  private let pieceOffsets: [UInt32]
  private let scores: [Float]
  private let unknownScore: Float
  private let longestPiece: Int
  /// Piece index + 1 per slot, 0 = empty; the size is a power of two.
  private let table: [Int32]
  private let normalization: [UInt32: [UInt32]]
  /// ASCII code points the map leaves alone.
  private let asciiIsIdentity: [Bool]

  init(file: ModelFile) {
    let vocabulary = file.vocabulary
    self.file = file
    beginToken = vocabulary.begin
    endToken = vocabulary.end
    unknownToken = vocabulary.unknown
    pieceOffsets = vocabulary.pieceOffsets
    scores = vocabulary.scores
    unknownScore = (vocabulary.scores.min() ?? 0) - 10
    normalization = vocabulary.normalization
    asciiIsIdentity = (0..<128).map { vocabulary.normalization[UInt32($0)] == nil }
    let pieceCount = vocabulary.scores.count
    var longest = 1
    var size = 2
    while size < pieceCount * 2 { size *= 2 }
    var table = [Int32](repeating: 0, count: size)
    let blob = file.base + vocabulary.blobOffset
    for piece in 0..<pieceCount {
      let start = Int(pieceOffsets[piece]), length = Int(pieceOffsets[piece + 1]) - start
      guard length > 0 else { continue }
      longest = max(longest, length)
      var hash = Self.fnvBasis
      for i in 0..<length { hash = Self.fnv(hash, blob.load(fromByteOffset: start + i, as: UInt8.self)) }
      var slot = Int(truncatingIfNeeded: hash) & (size - 1)
      while table[slot] != 0 { slot = (slot + 1) & (size - 1) }
      table[slot] = Int32(piece + 1)
    }
    self.table = table
    longestPiece = longest
  }

  // MARK: - Tokenizing

  /// The piece ids of `text`, without `<s>` and `</s>`.
  ///
  /// - Complexity: O(*n* · *k*) for *n* characters and pieces of up to *k* bytes (48 for XLM-R).
  public func contentTokens(_ text: String) -> [Int32] {
    let (bytes, starts) = metaspaced(normalized(text))
    return segment(bytes, characterStarts: starts)
  }

  /// Steps 1: the code points after the map, with runs of spaces collapsed.
  func normalized(_ text: String) -> [UInt32] {
    var codePoints: [UInt32] = []
    codePoints.reserveCapacity(text.utf8.count)
    func append(_ c: UInt32) {
      if c == 0x20, codePoints.last == 0x20 { return }
      codePoints.append(c)
    }
    for scalar in text.unicodeScalars {
      let c = scalar.value
      if c < 128, asciiIsIdentity[Int(c)] {
        append(c)
      } else if let replacement = normalization[c] {
        for r in replacement { append(r) }
      } else {
        append(c)
      }
    }
    return codePoints
  }

  /// Step 2: UTF-8 bytes with "▁" for spaces (one in front unless there is one), and the byte
  /// offset where each character starts, plus the end offset.
  func metaspaced(_ codePoints: [UInt32]) -> (bytes: [UInt8], characterStarts: [Int]) {
    var bytes: [UInt8] = []
    var starts: [Int] = []
    bytes.reserveCapacity(codePoints.count * 3 + 3)
    starts.reserveCapacity(codePoints.count + 2)
    let metaspace: UInt32 = 0x2581
    if codePoints.first != 0x20 {
      starts.append(0)
      Self.appendUTF8(metaspace, to: &bytes)
    }
    for c in codePoints {
      starts.append(bytes.count)
      Self.appendUTF8(c == 0x20 ? metaspace : c, to: &bytes)
    }
    starts.append(bytes.count)
    return (bytes, starts)
  }

  /// Step 3: the best-scoring split of `bytes` into pieces (Viterbi), as piece ids in text order.
  func segment(_ bytes: [UInt8], characterStarts starts: [Int]) -> [Int32] {
    let n = starts.count - 1
    guard n > 0 else { return [] }
    var best = [Float](repeating: -1e30, count: n + 1)
    var piece = [Int32](repeating: -1, count: n + 1)  // -1: the unknown fallback
    var from = [Int](repeating: 0, count: n + 1)
    best[0] = 0
    let blob = file.base + file.vocabulary.blobOffset
    let mask = table.count - 1
    bytes.withUnsafeBufferPointer { text in
      for i in 0..<n where best[i] > -1e29 {
        let start = starts[i]
        var hash = Self.fnvBasis
        var hashed = start
        for end in (i + 1)...n {
          let length = starts[end] - start
          if length > longestPiece { break }
          while hashed < starts[end] {
            hash = Self.fnv(hash, text[hashed])
            hashed += 1
          }
          var slot = Int(truncatingIfNeeded: hash) & mask
          while table[slot] != 0 {
            let candidate = Int(table[slot] - 1)
            let offset = Int(pieceOffsets[candidate])
            if Int(pieceOffsets[candidate + 1]) - offset == length,
              memcmp(blob + offset, text.baseAddress! + start, length) == 0
            {
              if candidate != Int(unknownToken) {
                let score = best[i] + scores[candidate]
                if score > best[end] {
                  best[end] = score
                  piece[end] = Int32(candidate)
                  from[end] = i
                }
              }
              break
            }
            slot = (slot + 1) & mask
          }
        }
        let fallback = best[i] + unknownScore
        if fallback > best[i + 1] {
          best[i + 1] = fallback
          piece[i + 1] = -1
          from[i + 1] = i
        }
      }
    }
    var ids: [Int32] = []
    var i = n
    while i > 0 {
      ids.append(piece[i] < 0 ? unknownToken : piece[i])
      i = from[i]
    }
    return ids.reversed()
  }

  // MARK: - Helpers

  private static let fnvBasis: UInt64 = 14_695_981_039_346_656_037

  private static func fnv(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* 1_099_511_628_211
  }

  private static func appendUTF8(_ c: UInt32, to bytes: inout [UInt8]) {
    switch c {
    case ..<0x80:
      bytes.append(UInt8(c))
    case ..<0x800:
      bytes.append(UInt8(0xC0 | (c >> 6)))
      bytes.append(UInt8(0x80 | (c & 0x3F)))
    case ..<0x10000:
      bytes.append(UInt8(0xE0 | (c >> 12)))
      bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (c & 0x3F)))
    default:
      bytes.append(UInt8(0xF0 | ((c >> 18) & 0x07)))
      bytes.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
      bytes.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (c & 0x3F)))
    }
  }
}

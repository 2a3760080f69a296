import CStemmer

/// A Snowball stemmer (libstemmer) for one language.
///
/// Stems keep the case of their input and map "ß" to "ss": stem comparison keys, not raw text.
///
///     Stemmer(language: .german)?.stem("krieges")  // "krieg"
///
/// Not thread-safe (libstemmer keeps state per stemmer): use one per task.
public final class Stemmer {
  public let language: Language
  private let handle: OpaquePointer

  /// A stemmer for `language`, or nil when libstemmer has none for it.
  public init?(language: Language) {
    guard let name = language.snowballName, let handle = sb_stemmer_new(name, "UTF_8") else {
      return nil
    }
    self.language = language
    self.handle = handle
  }

  deinit { sb_stemmer_delete(handle) }

  /// The stem of one word (pass a comparison key: lower-case, NFC).
  public func stem(_ word: some StringProtocol) -> String {
    var word = String(word)
    return word.withUTF8 { bytes -> String in
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
      guard let stemmed = sb_stemmer_stem(handle, base, Int32(bytes.count)) else {
        return String(decoding: bytes, as: UTF8.self)
      }
      let length = Int(sb_stemmer_length(handle))
      return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
    }
  }
}

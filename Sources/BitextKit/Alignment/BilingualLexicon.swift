/// Word translations as pairs of stem keys: what the aligner counts as lexical evidence.
///
/// Keys are Snowball stems of comparison keys (`TextNormalizer.key`, then `Stemmer.stem`), so that
/// inflected forms meet. Multi-word entries are stored word by word: each source word of an entry
/// points at each content word of its translations.
public struct BilingualLexicon: Hashable, Sendable {
  /// Source stem → target stems.
  public private(set) var translations: [String: Set<String>] = [:]

  public init() {}

  public mutating func add(source: String, target: String) {
    translations[source, default: []].insert(target)
  }

  /// Adds every pair of `other`.
  public mutating func merge(_ other: BilingualLexicon) {
    translations.merge(other.translations) { $0.union($1) }
  }

  public func targets(of source: String) -> Set<String> { translations[source] ?? [] }

  public var isEmpty: Bool { translations.isEmpty }
  public var count: Int { translations.count }
}

import Foundation

/// What every worker of a batch shares: the dictionary and the glossaries, each loaded once.
///
/// Thread-safe. A glossary file is read the first time a pair names it (or from `defaultGlossary`)
/// and cached by path; the lexicon the aligner then uses (dictionary plus glossary terms) is built
/// once per glossary and language pair. A glossary that fails to load is cached as that failure:
/// every pair naming it gets the same error line, without rereading the file.
public final class BatchResources: @unchecked Sendable {
  /// The dictionary's word translations for a language pair (source, target), or nil when it has
  /// none for that pair; called at most once per pair of languages.
  public typealias Dictionary = @Sendable (Language, Language) -> BilingualLexicon?

  /// The glossary of records that name none.
  public let defaultGlossary: String?

  private let dictionary: Dictionary
  private let lock = NSLock()
  private var dictionaryLexicons: [LanguagePair: BilingualLexicon] = [:]
  private var glossaries: [String: Result<Glossary, BatchError>] = [:]
  private var contexts: [ContextKey: BatchGlossary] = [:]
  private var loads = 0

  /// - Parameters:
  ///   - dictionary: word translations per language pair; by default none.
  ///   - defaultGlossary: the glossary of records that name none.
  public init(
    dictionary: @escaping Dictionary = { _, _ in nil }, defaultGlossary: String? = nil
  ) {
    self.dictionary = dictionary
    self.defaultGlossary = defaultGlossary
  }

  /// Reads a glossary now (for a default glossary: a bad one is then a usage error, not an error
  /// line per pair); later pairs naming `path` use it without reading it again.
  ///
  /// - Throws: `InputError` when the file cannot be read or parsed.
  public func preloadGlossary(_ path: String) throws(InputError) {
    lock.lock()
    defer { lock.unlock() }
    if case .success = glossaries[path] { return }
    loads += 1
    glossaries[path] = .success(try Glossary.read(path: path))
  }

  /// How many glossary files have been read so far (each path at most once).
  public var glossaryLoads: Int { lock.withLock { loads } }

  /// The glossary and aligner lexicon for a record.
  ///
  /// The lexicon is the dictionary's for the record's languages, merged with the word translations
  /// of the record's glossary (or the default one).
  ///
  /// - Throws: `BatchError` (with the record's id) when the glossary cannot be loaded.
  public func context(for record: BatchRecord) throws(BatchError) -> BatchGlossary {
    let key = ContextKey(
      path: record.glossary ?? defaultGlossary,
      languages: LanguagePair(source: record.sourceLanguage, target: record.targetLanguage))
    let result = lock.withLock { () -> Result<BatchGlossary, BatchError> in
      if let context = contexts[key] { return .success(context) }
      var glossary: Glossary?
      if let path = key.path {
        switch loadGlossary(path) {
        case .success(let loaded): glossary = loaded
        case .failure(let error): return .failure(error)
        }
      }
      let context = BatchGlossary(
        path: key.path, glossary: glossary,
        lexicon: lexicon(for: key.languages, glossary: glossary))
      contexts[key] = context
      return .success(context)
    }
    switch result {
    case .success(let context): return context
    case .failure(var error):
      error.id = record.id
      throw error
    }
  }

  // MARK: - Loading (under the lock)

  private func loadGlossary(_ path: String) -> Result<Glossary, BatchError> {
    if let cached = glossaries[path] { return cached }
    loads += 1
    let loaded = Result { () throws(InputError) -> Glossary in try Glossary.read(path: path) }
      .mapError { BatchError(id: nil, message: "glossary: \($0.description)") }
    glossaries[path] = loaded
    return loaded
  }

  private func lexicon(for languages: LanguagePair, glossary: Glossary?) -> BilingualLexicon {
    let base: BilingualLexicon
    if let cached = dictionaryLexicons[languages] {
      base = cached
    } else {
      base = dictionary(languages.source, languages.target) ?? BilingualLexicon()
      dictionaryLexicons[languages] = base
    }
    guard let glossary else { return base }
    var lexicon = base
    lexicon.merge(
      BatchGlossary.lexicon(of: glossary, source: languages.source, target: languages.target))
    return lexicon
  }

  private struct LanguagePair: Hashable {
    var source: Language
    var target: Language
  }

  private struct ContextKey: Hashable {
    var path: String?
    var languages: LanguagePair
  }
}

/// A pair's glossary as a batch uses it: the terms for the checker, the lexicon for the aligner.
public struct BatchGlossary: Sendable {
  /// The file it was read from; nil when the pair has no glossary.
  public var path: String?
  public var glossary: Glossary?
  /// Word translations for the aligner: the dictionary's, plus the glossary's terms.
  public var lexicon: BilingualLexicon

  public init(path: String?, glossary: Glossary?, lexicon: BilingualLexicon) {
    self.path = path
    self.glossary = glossary
    self.lexicon = lexicon
  }

  /// The word translations of a glossary's terms from `source` to `target`.
  ///
  /// The aligner's glossary lexicon (`GlossaryLexicon.lexicon(from:source:target:)`, issue 3)
  /// plugs in here; until it lands a glossary adds no word translations.
  static func lexicon(of glossary: Glossary, source: Language, target: Language)
    -> BilingualLexicon
  {
    BilingualLexicon()
  }
}

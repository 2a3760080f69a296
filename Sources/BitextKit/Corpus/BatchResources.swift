import Foundation

/// What every worker of a batch shares: the dictionary, and each glossary loaded once per process.
///
/// Thread-safe. A glossary is loaded the first time a pair names it (or from `defaultGlossary`) and
/// cached by path, together with the lexicon the aligner then uses (dictionary plus glossary), so
/// that neither is rebuilt per pair. A glossary that fails to load is cached as that failure: every
/// pair naming it gets the same error line.
public final class BatchResources: @unchecked Sendable {
  /// Word translations from the dictionary, source → target; empty without one.
  public let dictionary: BilingualLexicon
  /// The languages the dictionary translates between; it is used only for pairs in this direction.
  public let dictionaryLanguages: (source: Language, target: Language)
  /// The glossary of records that name none.
  public let defaultGlossary: String?

  private let lock = NSLock()
  private var glossaries: [String: Result<BatchGlossary, BatchError>] = [:]
  private var loads = 0

  public init(
    dictionary: BilingualLexicon = BilingualLexicon(),
    dictionaryLanguages: (source: Language, target: Language) = (.german, .english),
    defaultGlossary: String? = nil
  ) {
    self.dictionary = dictionary
    self.dictionaryLanguages = dictionaryLanguages
    self.defaultGlossary = defaultGlossary
  }

  /// How many glossary files have been read so far (each path at most once).
  public var glossaryLoads: Int { lock.withLock { loads } }

  /// The lexicon and glossary for a record.
  ///
  /// The lexicon is the dictionary when the record's languages match it, merged with the record's
  /// glossary (or the default one).
  ///
  /// - Throws: `BatchError` (with the record's id) when the glossary cannot be loaded.
  public func context(for record: BatchRecord) throws(BatchError) -> BatchGlossary {
    let usesDictionary =
      record.sourceLanguage == dictionaryLanguages.source
      && record.targetLanguage == dictionaryLanguages.target
    guard let path = record.glossary ?? defaultGlossary else {
      return BatchGlossary(path: nil, lexicon: usesDictionary ? dictionary : BilingualLexicon())
    }
    let key = (usesDictionary ? "d:" : "-:") + path
    let result = lock.withLock { () -> Result<BatchGlossary, BatchError> in
      if let cached = glossaries[key] { return cached }
      loads += 1
      let loaded = Result { () throws(InputError) -> BatchGlossary in
        var glossary = try BatchGlossary.load(path: path)
        if usesDictionary {
          var lexicon = dictionary
          lexicon.merge(glossary.lexicon)
          glossary.lexicon = lexicon
        }
        return glossary
      }.mapError { BatchError(id: nil, message: "glossary: \($0.description)") }
      glossaries[key] = loaded
      return loaded
    }
    switch result {
    case .success(let glossary): return glossary
    case .failure(var error):
      error.id = record.id
      throw error
    }
  }
}

/// A glossary as a batch uses it: the terms for the checker and the lexicon for the aligner.
public struct BatchGlossary: Sendable {
  /// The file it was read from; nil when the pair has no glossary.
  public var path: String?
  /// Word translations for the aligner (the dictionary's included when it applies).
  public var lexicon: BilingualLexicon

  public init(path: String?, lexicon: BilingualLexicon) {
    self.path = path
    self.lexicon = lexicon
  }

  /// Reads a glossary file.
  ///
  /// The glossary model and reader (issue 4) plug in here: read the terms, keep them for the
  /// checker, and turn them into lexicon entries. Until then the file is only checked to be
  /// readable text, so that a missing glossary is reported per pair.
  static func load(path: String) throws(InputError) -> BatchGlossary {
    _ = try TextReader.read(path: path)
    return BatchGlossary(path: path, lexicon: BilingualLexicon())
  }
}

import Foundation

/// What every worker of a batch shares: the dictionary and the glossaries, each loaded once.
///
/// Thread-safe. A glossary file is read the first time a pair names it (or from `defaultGlossary`)
/// and cached by path; its word translations for the aligner and its term index for the checker
/// (`GlossaryIndex`) are built once per glossary and language pair, and so is the dictionary's
/// lexicon. A glossary that fails to load is cached as
/// that failure: every pair naming it gets the same error line, without rereading the file.
public final class BatchResources: @unchecked Sendable {
  /// The dictionary's word translations for a language pair (source, target), or nil when it has
  /// none for that pair; called at most once per pair of languages.
  public typealias Dictionary = @Sendable (Language, Language) -> BilingualLexicon?

  /// The glossary of records that name none.
  public let defaultGlossary: String?
  /// The sentence embedder every pair's aligner uses (one model per process), or nil for lexical
  /// evidence only.
  public let embedder: (any SentenceEmbedder)?
  /// When set, each worker also extracts its pair's glossary (`BatchPair.extracted`), ranked
  /// with this termhood: `bitext batch --extract-glossary`.
  public let extractionTermhood: Termhood?
  /// The files the batch writes. A pair that names one as a text or glossary is noted (see
  /// `outputsRead`): the output, put in place at the end, would replace a file the batch read.
  public let outputs: [String]
  private var readOutputs: Set<String> = []
  /// Which files a record may name.
  public let pathPolicy: PathPolicy

  /// Which files the records of a batch may name: a corpus from others must not make bitext
  /// read (and copy into its output) whatever its user may read.
  public enum PathPolicy: Hashable, Sendable {
    /// Any path, relative to the current directory.
    case any
    /// No paths: texts inline only (`source_text`, `target_text`), no per-record glossary.
    case inlineOnly
    /// Paths inside this directory only, relative ones resolved against it; `..` and symbolic
    /// links that lead outside are refused.
    case baseDirectory(String)
  }

  private let dictionary: Dictionary
  private let lock = NSLock()
  private var dictionaryLexicons: [LanguagePair: BilingualLexicon] = [:]
  private var glossaries: [String: Result<Glossary, BatchError>] = [:]
  private var contexts: [ContextKey: BatchGlossary] = [:]
  private var loads = 0

  /// - Parameters:
  ///   - dictionary: word translations per language pair; by default none.
  ///   - defaultGlossary: the glossary of records that name none.
  ///   - outputs: the files the batch writes, which no pair may read.
  ///   - embedder: sentence vectors for every pair's aligner (a `CachedEmbedder` embeds a text
  ///     that recurs across pairs once).
  ///   - extractionTermhood: extract each pair's glossary too, ranked with this.
  public init(
    dictionary: @escaping Dictionary = { _, _ in nil }, defaultGlossary: String? = nil,
    outputs: [String] = [], pathPolicy: PathPolicy = .any,
    embedder: (any SentenceEmbedder)? = nil, extractionTermhood: Termhood? = nil
  ) {
    self.dictionary = dictionary
    self.embedder = embedder
    self.extractionTermhood = extractionTermhood
    self.defaultGlossary = defaultGlossary
    self.outputs = outputs
    if case .baseDirectory(let base) = pathPolicy {
      // The real path, so that a record's resolved path can be compared with it.
      self.pathPolicy = .baseDirectory(Self.realPath(base) ?? base)
    } else {
      self.pathPolicy = pathPolicy
    }
  }

  /// The path a record's `path` stands for under `pathPolicy`.
  ///
  /// - Throws: `InputError.unreadable` for a path the policy refuses, `.notFound` for one that
  ///   does not resolve under a base directory.
  public func resolve(_ path: String) throws(InputError) -> String {
    switch pathPolicy {
    case .any:
      return path
    case .inlineOnly:
      throw .unreadable(path: path, reason: "paths are not allowed (--inline-only)")
    case .baseDirectory(let base):
      let joined = path.hasPrefix("/") ? path : base + "/" + path
      guard let real = Self.realPath(joined) else { throw .notFound(path: path) }
      guard real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
        throw .unreadable(path: path, reason: "outside the base directory \(base)")
      }
      return real
    }
  }

  /// The absolute path without symbolic links, `.` or `..`; nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Notes that a pair reads `path`: when it is one of `outputs` (same path or same inode), that
  /// output may not be put in place.
  public func noteRead(_ path: String) {
    for output in outputs {
      do throws(InputError) {
        try OutputFile.refuseOverwriting([path], with: output)
      } catch {
        lock.withLock { _ = readOutputs.insert(output) }
      }
    }
  }

  /// The outputs that some pair read as a text or glossary so far (in the order of `outputs`).
  public var outputsRead: [String] { lock.withLock { outputs.filter(readOutputs.contains) } }

  /// Reads a glossary now (for a default glossary: a bad one is then a usage error, not an error
  /// line per pair); later pairs naming `path` use it without reading it again.
  ///
  /// - Throws: `InputError` when the file cannot be read or parsed.
  ///
  /// - Parameter warn: receives the glossary's warnings (see `Glossary.read`).
  public func preloadGlossary(_ path: String, warn: (GlossaryWarning) -> Void = { _ in })
    throws(InputError)
  {
    lock.lock()
    defer { lock.unlock() }
    if case .success = glossaries[path] { return }
    loads += 1
    glossaries[path] = .success(try Glossary.read(path: path, warn: warn))
  }

  /// How many glossary files have been read so far (each path at most once).
  public var glossaryLoads: Int { lock.withLock { loads } }

  /// The glossary and the lexicons for a record's languages.
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
        path: key.path, glossary: glossary, languages: key.languages,
        dictionary: dictionaryLexicon(for: key.languages),
        glossaryLexicon: glossary.map {
          GlossaryLexicon.lexicon(
            from: $0, source: key.languages.source, target: key.languages.target)
        } ?? BilingualLexicon())
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
    for output in outputs where (try? OutputFile.refuseOverwriting([path], with: output)) == nil {
      readOutputs.insert(output)  // under the lock already
    }
    let loaded = Result { () throws(InputError) -> Glossary in try Glossary.read(path: path) }
      .mapError { BatchError(id: nil, message: "glossary: \($0.description)") }
    glossaries[path] = loaded
    return loaded
  }

  private func dictionaryLexicon(for languages: LanguagePair) -> BilingualLexicon {
    if let cached = dictionaryLexicons[languages] { return cached }
    let lexicon = dictionary(languages.source, languages.target) ?? BilingualLexicon()
    dictionaryLexicons[languages] = lexicon
    return lexicon
  }

  private struct ContextKey: Hashable {
    var path: String?
    var languages: LanguagePair
  }
}

/// A source and a target language.
public struct LanguagePair: Hashable, Sendable {
  public var source: Language
  public var target: Language

  public init(source: Language, target: Language) {
    self.source = source
    self.target = target
  }
}

/// A pair's glossary and lexicons as a batch uses them: terms for the checker, word translations
/// for the aligner.
public struct BatchGlossary: Sendable {
  /// The file it was read from; nil when the pair has no glossary.
  public var path: String?
  public var glossary: Glossary?
  public var languages: LanguagePair
  /// The dictionary's word translations for the languages, whole (empty without a dictionary).
  public var dictionary: BilingualLexicon
  /// The glossary's term pairs as word translations (`GlossaryLexicon`).
  public var glossaryLexicon: BilingualLexicon
  /// The glossary compiled for the languages, shared by every pair that uses them.
  public var index: GlossaryIndex?

  /// - Parameter index: the glossary compiled for `languages`; built here when not given.
  public init(
    path: String?, glossary: Glossary?, languages: LanguagePair, dictionary: BilingualLexicon,
    glossaryLexicon: BilingualLexicon, index: GlossaryIndex? = nil
  ) {
    self.path = path
    self.glossary = glossary
    self.languages = languages
    self.dictionary = dictionary
    self.glossaryLexicon = glossaryLexicon
    self.index =
      index
      ?? glossary.map {
        GlossaryIndex(
          glossary: $0, sourceLanguage: languages.source, targetLanguage: languages.target)
      }
  }

  /// The aligner's lexicon, as `bitext align` builds it: a pair's `dictionaryLexicon` plus every
  /// glossary pair.
  public func alignerLexicon(dictionary: BilingualLexicon) -> BilingualLexicon {
    var lexicon = dictionary
    lexicon.merge(glossaryLexicon)
    return lexicon
  }

  /// The dictionary's pairs whose source stem occurs in the source sentences and target stem in
  /// the target sentences: what the checker uses, as `bitext check` does.
  ///
  /// Restricting keeps the per-pair cost proportional to the documents, not to the dictionary
  /// (hundreds of thousands of stems), and makes a pair align in a batch exactly as alone.
  ///
  /// - Complexity: O(*w* · *t*): the documents' distinct words times their translations.
  public func dictionaryLexicon(source: [Sentence], target: [Sentence]) -> BilingualLexicon {
    var lexicon = BilingualLexicon()
    if !dictionary.isEmpty {
      let vocabulary: (source: Set<String>, target: Set<String>)?
      switch (languages.source, languages.target) {
      case (.german, .english):
        let words = DingDictionary.Vocabulary(german: source, english: target)
        vocabulary = (words.german, words.english)
      case (.english, .german):
        let words = DingDictionary.Vocabulary(german: target, english: source)
        vocabulary = (words.english, words.german)
      default:
        vocabulary = nil
      }
      if let vocabulary {
        for stem in vocabulary.source {
          for translation in dictionary.targets(of: stem)
          where vocabulary.target.contains(translation) {
            lexicon.add(source: stem, target: translation)
          }
        }
      } else {
        lexicon = dictionary
      }
    }
    return lexicon
  }
}

import ArgumentParser
import Foundation
import BitextKit

/// What `bitext align`, `check` and `terms` read: two texts, their languages, a dictionary; and how
/// they turn them into an alignment, the same way in every command.
struct PairInputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The source text (UTF-8 or UTF-16 with BOM); - reads standard input. check and terms: "
        + "or one bilingual file (XLIFF 1.2/2.x, TMX, TSV/CSV with a language header) and no "
        + "TARGET."))
  var source: String

  @Argument(help: "The target text, the translation of the source.")
  var target: String?

  @Option(
    help: ArgumentHelp(
      "Source language: an ISO code, or auto (German/English detection); default: de, or a "
        + "bilingual file's own, which it must agree with.", valueName: "source-lang"))
  var sourceLang: LanguageOption?

  @Option(
    help: ArgumentHelp(
      "Target language: an ISO code, or auto (German/English detection); default: en, or a "
        + "bilingual file's own.", valueName: "target-lang"))
  var targetLang: LanguageOption?

  /// The source language option, German when not given.
  var sourceLanguageOption: LanguageOption { sourceLang ?? .fixed(.german) }
  /// The target language option, English when not given.
  var targetLanguageOption: LanguageOption { targetLang ?? .fixed(.english) }

  /// The message for a command that reads two texts and was given one.
  static let missingTarget =
    "Missing expected argument '<target>' (only check, terms and glossary extract read one bilingual file)"

  /// True when SOURCE is a bilingual file (no TARGET given).
  var isBilingual: Bool { target == nil }

  @Flag(help: "Both inputs have one sentence a line (blank lines skipped); no segmentation.")
  var presegmented = false

  @Option(help: SentenceSplitter.Quotations.help)
  var quotes: SentenceSplitter.Quotations?

  @Option(
    help: ArgumentHelp(
      "A German-English dictionary: Ding format (German :: English) or TSV (German<TAB>English); "
        + "default: \(DingDictionary.defaultPath) when installed.",
      valueName: "file"))
  var dictionary: String?

  @Flag(help: "Use no dictionary, not even the installed one.")
  var noDictionary = false

  @OptionGroup var meaning: SimilarityOptions

  /// Every file `load` reads: the two texts and the dictionary (named or installed), which no
  /// output may overwrite.
  var readPaths: [String] {
    [source, target, noDictionary ? nil : dictionary ?? DingDictionary.installedPath]
      .compactMap { $0 }
  }

  /// The languages of a glossary's `source`/`target` columns (and of one without header): the
  /// options' when fixed, else German and English.
  var glossaryLanguages: (source: Language, target: Language) {
    func fixed(_ option: LanguageOption, _ fallback: Language) -> Language {
      if case .fixed(let language) = option { return language }
      return fallback
    }
    return (fixed(sourceLanguageOption, .german), fixed(targetLanguageOption, .english))
  }

  /// Inputs at least this long (sentences, both sides) say on a terminal when the dictionary is
  /// read (which has no progress bar of its own).
  static let progressThreshold = 2_000

  func validate() throws {
    if dictionary != nil && noDictionary {
      throw ValidationError("--dictionary and --no-dictionary exclude each other")
    }
    if source == "-" && target == "-" {
      throw ValidationError("only one of SOURCE and TARGET can be standard input")
    }
  }

  /// The two documents, segmented and aligned with the dictionary's and the glossary's word
  /// translations as lexical evidence.
  ///
  /// - Parameters:
  ///   - progress: the bar that shows segmentation (both texts as one phase) and each alignment
  ///     pass; nil shows nothing.
  ///   - glossaryLexicon: the glossary's term pairs for the resolved languages.
  func load(
    progress: ProgressBar? = nil,
    glossaryLexicon: (Language, Language) throws(InputError) -> BilingualLexicon = { _, _ in
      BilingualLexicon()
    }
  ) throws -> Loaded {
    guard let target else {
      throw ValidationError(Self.missingTarget)
    }
    let encoder = try meaning.encoder()
    let sourceDocument = try TextReader.read(path: source)
    let targetDocument = try TextReader.read(path: target)
    let sourceLanguage = try sourceLanguageOption.resolve(
      for: sourceDocument, option: "--source-lang")
    let targetLanguage = try targetLanguageOption.resolve(
      for: targetDocument, option: "--target-lang")
    let bytes = sourceDocument.utf8.count + targetDocument.utf8.count
    let sourceSentences = sentences(
      of: sourceDocument, language: sourceLanguage,
      progress: progress?.handler(total: bytes))
    let targetSentences = sentences(
      of: targetDocument, language: targetLanguage,
      progress: progress?.handler(offset: sourceDocument.utf8.count, total: bytes))
    let showsProgress =
      progress != nil && sourceSentences.count + targetSentences.count >= Self.progressThreshold

    var dictionaryLexicon = BilingualLexicon()
    if let path = noDictionary ? nil : dictionary ?? DingDictionary.installedPath {
      if showsProgress {
        progress?.finish()
        Diagnostics.printError("bitext: reading the dictionary \(path)…")
      }
      dictionaryLexicon = try self.dictionaryLexicon(
        path: path, sourceLanguage, sourceSentences, targetLanguage, targetSentences)
    }
    var alignerLexicon = dictionaryLexicon
    alignerLexicon.merge(try glossaryLexicon(sourceLanguage, targetLanguage))

    let aligner = Aligner(
      configuration: .init(
        sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, lexicon: alignerLexicon),
      embedder: encoder)
    let alignment = aligner.align(
      sourceSentences, targetSentences, progress: progress?.handler())
    progress?.finish()
    return Loaded(
      source: sourceDocument, target: targetDocument, sourceLanguage: sourceLanguage,
      targetLanguage: targetLanguage, alignment: alignment, lexicon: dictionaryLexicon)
  }

  /// `load(progress:glossaryLexicon:)` with the term pairs of `glossary`.
  func load(glossary: Glossary, progress: ProgressBar? = nil) throws -> Loaded {
    try load(progress: progress) { source, target throws(InputError) in
      GlossaryLexicon.lexicon(from: glossary, source: source, target: target)
    }
  }

  struct Loaded {
    var source: Document
    var target: Document
    var sourceLanguage: Language
    var targetLanguage: Language
    var alignment: Alignment
    /// The dictionary's word translations (without the glossary's).
    var lexicon: BilingualLexicon
  }

  /// The bilingual file SOURCE, its languages checked against `--source-lang` and
  /// `--target-lang` when they name one (auto: the file's).
  func loadBilingual() throws(InputError) -> BilingualDocument {
    func fixed(_ option: LanguageOption?) -> Language? {
      if case .fixed(let language) = option { return language }
      return nil
    }
    let reader = BilingualReader(
      sourceLanguage: fixed(sourceLang), targetLanguage: fixed(targetLang))
    return try reader.read(TextReader.read(path: source))
  }

  /// The dictionary's word translations for the words of a bilingual file's units (see
  /// `load`); empty with --no-dictionary or when none is installed.
  ///
  /// - Parameter alignment: the file's units as sentence pairs (`pairedText()`), when the caller
  ///   has them already.
  func dictionaryLexicon(for file: BilingualDocument, alignment: Alignment? = nil)
    throws(InputError) -> BilingualLexicon
  {
    guard let path = noDictionary ? nil : dictionary ?? DingDictionary.installedPath else {
      return BilingualLexicon()
    }
    let alignment = alignment ?? file.pairedText().alignment
    return try dictionaryLexicon(
      path: path, file.sourceLanguage, alignment.source, file.targetLanguage, alignment.target)
  }

  private func sentences(of document: Document, language: Language, progress: ProgressHandler?)
    -> [Sentence]
  {
    presegmented
      ? SentenceSplitter.lines(of: document)
      : SentenceSplitter(language: language, quotations: quotes).split(
        document, progress: progress)
  }

  /// The dictionary's pairs for the two languages, restricted to the words of the two texts; an
  /// empty lexicon when the dictionary does not cover the languages (with a warning when the
  /// user named the file).
  private func dictionaryLexicon(
    path: String, _ sourceLanguage: Language, _ sourceSentences: [Sentence],
    _ targetLanguage: Language, _ targetSentences: [Sentence]
  ) throws(InputError) -> BilingualLexicon {
    let german: [Sentence]
    let english: [Sentence]
    switch (sourceLanguage, targetLanguage) {
    case (.german, .english): (german, english) = (sourceSentences, targetSentences)
    case (.english, .german): (german, english) = (targetSentences, sourceSentences)
    default:
      if dictionary != nil {
        Diagnostics.printError(
          "bitext: warning: \(path): a German-English dictionary, not used for "
            + "\(sourceLanguage)-\(targetLanguage)")
      }
      return BilingualLexicon()
    }
    let vocabulary = DingDictionary.Vocabulary(german: german, english: english)
    let dictionary = try DingDictionary(contentsOf: path, restrictedTo: vocabulary)
    return dictionary.lexicon(from: sourceLanguage, to: targetLanguage) ?? BilingualLexicon()
  }
}

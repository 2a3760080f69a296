import ArgumentParser
import BitextKit
import Foundation

extension AlignmentFormat: ExpressibleByArgument {}

/// `bitext align --format`: the `AlignmentFormat`s and html, the review page (`ReviewReport`).
enum AlignOutputFormat: String, CaseIterable, ExpressibleByArgument {
  case tsv, jsonl, tmx, html
}

extension Bitext {
  struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Align the sentences of a text with those of its translation.",
      discussion: """
        Each output record is a bead: the source sentence(s) and the target sentence(s) that \
        translate each other, with a confidence in [0, 1]; a sentence without counterpart forms \
        a bead with an empty other side (1-0: omitted in the translation, 0-1: added). Sentence \
        numbers count from 0 as `bitext segment` numbers them (lines with --presegmented).

        The German-English Ding dictionary (Debian package trans-de-en, \
        \(DingDictionary.defaultPath)) is used when installed; its parsed form is cached under \
        $XDG_CACHE_HOME/bitext (~/.cache/bitext).

        Examples:
          bitext align Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt
          bitext align article.de.txt article.en.txt --format tmx -o article.tmx
          bitext align dev.de dev.fr --presegmented --target-lang fr --format jsonl
        """
    )

    @Argument(help: "The source text (UTF-8 or UTF-16 with BOM); - reads standard input.")
    var source: String

    @Argument(help: "The target text, the translation of the source.")
    var target: String

    // Strings, so that the help shows "de" and "en"; `validate()` checks them.
    @Option(help: "Source language: an ISO code, or auto (German/English detection).")
    var sourceLang = "de"

    @Option(help: "Target language: an ISO code, or auto (German/English detection).")
    var targetLang = "en"

    @Flag(help: "Both inputs have one sentence a line (blank lines skipped); no segmentation.")
    var presegmented = false

    @Option(
      help: ArgumentHelp(
        "A German-English dictionary: Ding format (German :: English) or TSV (German<TAB>English).",
        valueName: "file"))
    var dictionary: String?

    @Flag(help: "Use no dictionary, not even the installed one.")
    var noDictionary = false

    @Option(
      help: ArgumentHelp(
        "A glossary whose term pairs are strong anchors: TSV, CSV, TBX or TMX, or plain TSV "
          + "source<TAB>target.",
        valueName: "file"))
    var glossary: String?

    @Option(help: "Output: tsv (like hunalign's text output), jsonl, tmx or html (a review page).")
    var format: AlignOutputFormat = .tsv

    @Option(
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// Inputs at least this long (sentences, both sides) show progress on a terminal.
    static let progressThreshold = 2_000

    func validate() throws {
      for (name, value) in [("--source-lang", sourceLang), ("--target-lang", targetLang)]
      where LanguageOption(argument: value) == nil {
        throw ValidationError("\(name): '\(value)' is not a language code")
      }
      if dictionary != nil && noDictionary {
        throw ValidationError("--dictionary and --no-dictionary exclude each other")
      }
      if source == "-" && target == "-" {
        throw ValidationError("only one of SOURCE and TARGET can be standard input")
      }
    }

    func run() throws {
      let out = Output(path: output, inputs: [source, target])
      try out.validate()
      let sourceDocument = try TextReader.read(path: source)
      let targetDocument = try TextReader.read(path: target)
      let sourceLanguage = LanguageOption(argument: sourceLang)!.resolve(for: sourceDocument)
      let targetLanguage = LanguageOption(argument: targetLang)!.resolve(for: targetDocument)
      let sourceSentences = sentences(of: sourceDocument, language: sourceLanguage)
      let targetSentences = sentences(of: targetDocument, language: targetLanguage)
      let showsProgress =
        Diagnostics.showsProgress
        && sourceSentences.count + targetSentences.count >= Self.progressThreshold

      var lexicon = BilingualLexicon()
      if let path = noDictionary ? nil : dictionary ?? DingDictionary.installedPath {
        if showsProgress { Diagnostics.printError("bitext: reading the dictionary \(path)…") }
        lexicon = try dictionaryLexicon(
          path: path, sourceLanguage, sourceSentences, targetLanguage, targetSentences)
      }
      if let glossary {
        lexicon.merge(
          try GlossaryLexicon.read(path: glossary, source: sourceLanguage, target: targetLanguage))
      }

      if showsProgress {
        Diagnostics.printError(
          "bitext: aligning \(sourceSentences.count) with \(targetSentences.count) sentences…")
      }
      let aligner = Aligner(
        configuration: .init(
          sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, lexicon: lexicon))
      let alignment = aligner.align(sourceSentences, targetSentences)
      let formatter = AlignmentFormatter(
        sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
        creationDate: Self.creationDate())
      if let format = AlignmentFormat(rawValue: format.rawValue) {
        try out.write(formatter.render(alignment, as: format))
      } else {
        try out.write(
          ReviewReport(
            alignment: alignment,
            source: .init(name: sourceDocument.name, language: sourceLanguage),
            target: .init(name: targetDocument.name, language: targetLanguage)
          ).render())
      }
    }

    private func sentences(of document: Document, language: Language) -> [Sentence] {
      presegmented
        ? SentenceSplitter.lines(of: document)
        : SentenceSplitter(language: language).split(document)
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

    /// `SOURCE_DATE_EPOCH` when set (reproducible TMX), else now.
    private static func creationDate() -> Date {
      if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
        let seconds = TimeInterval(epoch)
      {
        return Date(timeIntervalSince1970: seconds)
      }
      return Date()
    }
  }
}

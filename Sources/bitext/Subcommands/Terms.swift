import ArgumentParser
import BitextKit

extension Bitext {
  struct Terms: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Report how each source term was rendered, sentence by sentence, and whether "
        + "the text is consistent.",
      discussion: """
        Terms come from --glossary (renderings: the entry's target terms, else the dictionary's) \
        and from --track (terms without a glossary entry: renderings from the dictionary, and \
        target words that keep occurring with the term). Sentence numbers count from 0. \
        With one bilingual file (XLIFF, TMX, TSV/CSV) instead of two texts, its units are the \
        sentence pairs, numbered by position from 0.

        Examples:
          bitext terms Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \\
            --glossary glossaries/news-politics.de-en.tsv
          bitext terms Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \\
            --track "Gegenoffensive,Unvermeidbarkeit" --format json
          bitext terms Fixtures/bilingual/trados.sdlxliff \\
            --glossary glossaries/news-politics.de-en.tsv
        """
    )

    @OptionGroup var input: PairInputOptions

    @Option(
      help: ArgumentHelp("The glossary: TSV, CSV, TBX or TMX (by extension).", valueName: "file"))
    var glossary: String?

    @Option(help: "The glossary's format when its extension does not tell: tsv, csv, tbx or tmx.")
    var glossaryFormat: GlossaryFormat?

    @Option(help: "Source terms to follow, separated by commas.")
    var track: String?

    @Option(help: "Output: text or json.")
    var format: FindingFormat = .text

    @Option(
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    var trackedTerms: [String] {
      (track ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }

    func validate() throws {
      if glossary == nil && trackedTerms.isEmpty {
        throw ValidationError("give --glossary, --track or both")
      }
    }

    func run() throws {
      let out = Output(
        path: output, inputs: input.readPaths + [glossary].compactMap { $0 })
      try out.validate()
      let file = input.isBilingual ? try input.loadBilingual() : nil
      var glossary = Glossary()
      if let path = self.glossary {
        glossary = try Glossary.read(
          path: path, format: glossaryFormat,
          languages: file.map { ($0.sourceLanguage, $0.targetLanguage) }
            ?? input.glossaryLanguages,
          warn: Diagnostics.warn)
      }
      let occurrences: [TermOccurrence]
      if let file {
        // A bilingual file's units are the sentence pairs: nothing to segment or align.
        let (source, target, alignment) = file.pairedText()
        let checker = TranslationChecker(
          configuration: .init(
            glossary: glossary, lexicon: try input.dictionaryLexicon(for: file, alignment: alignment),
            sourceLanguage: file.sourceLanguage, targetLanguage: file.targetLanguage))
        occurrences = checker.occurrences(
          alignment, source: source, target: target, tracking: trackedTerms)
      } else {
        let loaded = try input.load(glossary: glossary)
        let checker = TranslationChecker(
          configuration: .init(
            glossary: glossary, lexicon: loaded.lexicon, sourceLanguage: loaded.sourceLanguage,
            targetLanguage: loaded.targetLanguage))
        occurrences = checker.occurrences(
          loaded.alignment, source: loaded.source, target: loaded.target, tracking: trackedTerms)
      }
      try out.write(TermReportFormatter.render(TermReport(occurrences: occurrences), as: format))
    }
  }
}

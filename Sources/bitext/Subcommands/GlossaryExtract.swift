import ArgumentParser
import BitextKit
import Foundation

/// `bitext glossary extract --format`: the glossary formats, json and html.
enum ExtractOutputFormat: String, CaseIterable, ExpressibleByArgument {
  case tsv, csv, tbx, tmx, json, html

  /// The glossary format, for the four formats the rest of bitext reads.
  var glossaryFormat: GlossaryFormat? { GlossaryFormat(rawValue: rawValue) }
}

extension Bitext.GlossaryCommand {
  struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Extract a glossary from a translation: German terms and their English renderings.",
      discussion: """
        Aligns the two texts as `bitext align` does (a bilingual file, XLIFF, TMX or TSV/CSV, is \
        taken as its units pair), finds German term candidates (nouns, \
        compounds, acronyms, names, adjective + noun, coordinated compounds), their renderings \
        in the aligned English (dictionary, spelling, co-occurrence) with counts and sentences \
        (from 0), flags terms rendered inconsistently and ranks them by termhood against a \
        general-language frequency list (PyPI wordfreq, derived by scripts/setup.sh; without it, \
        by word length, with a note on standard error). tsv, csv, tbx and tmx are glossaries that \
        `check --glossary` reads back; json lists everything; html is a page to review.

        Examples:
          bitext glossary extract Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt
          bitext glossary extract Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \\
            --max 20 --format tbx -o terms.tbx
          bitext glossary extract Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \\
            --glossary glossaries/news-politics.de-en.tsv --format html -o terms.html
        """
    )

    @OptionGroup var input: PairInputOptions

    @Option(
      help: ArgumentHelp(
        "A glossary you have (TSV, CSV, TBX or TMX): its entries are marked and kept.",
        valueName: "file"))
    var glossary: String?

    @Option(help: "The glossary's format when its extension does not tell: tsv, csv, tbx or tmx.")
    var glossaryFormat: GlossaryFormat?

    @Option(help: "Leave out terms seen fewer times than this.")
    var minCount = 1

    @Option(help: "Keep this many terms, the most term-like first (default: all).")
    var max: Int?

    @Option(help: "Output: tsv, csv, tbx, tmx, json or html.")
    var format: ExtractOutputFormat = .tsv

    @Option(
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "Print on standard error the time spent reading and aligning, and extracting.")
    var timings = false

    func validate() throws {
      if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
      if let max, max < 1 { throw ValidationError("--max must be at least 1") }
    }

    func run() throws {
      let frequencyPath = GeneralFrequency.locate()
      let out = Output(
        path: output,
        inputs: input.readPaths + [glossary, frequencyPath].compactMap { $0 })
      try out.validate()
      // A bilingual file's units are the sentence pairs: nothing to segment or align.
      let file = input.isBilingual ? try input.loadBilingual() : nil
      var known = Glossary()
      if let path = glossary {
        known = try Glossary.read(
          path: path, format: glossaryFormat,
          languages: file.map { ($0.sourceLanguage, $0.targetLanguage) }
            ?? input.glossaryLanguages,
          warn: Diagnostics.warn)
      }
      var frequencies = GeneralFrequency()
      if let frequencyPath { frequencies = try GeneralFrequency(contentsOf: frequencyPath) }
      let progress = ProgressBar.make()
      let start = Date()
      let loaded: PairInputOptions.Loaded
      if let file {
        let (source, target, alignment) = file.pairedText()
        loaded = PairInputOptions.Loaded(
          source: source, target: target, sourceLanguage: file.sourceLanguage,
          targetLanguage: file.targetLanguage, alignment: alignment,
          lexicon: try input.dictionaryLexicon(for: file, alignment: alignment))
      } else {
        loaded = try input.load(glossary: known, progress: progress)
      }
      let aligned = Date()
      if frequencyPath == nil {  // after the inputs are read: bad input stays one line
        Diagnostics.printError(
          "bitext: note: no general-language frequency list (\(GeneralFrequency.installCommand)); "
            + "termhood from word length")
      }
      // The dictionary once more, restricted to the words and the compound parts of the text.
      var lexicon = loaded.lexicon
      if !input.noDictionary, let path = input.dictionary ?? DingDictionary.installedPath,
        loaded.sourceLanguage == .german, loaded.targetLanguage == .english
      {
        lexicon =
          try DingDictionary(
            contentsOf: path,
            restrictedTo: GlossaryExtractor.dictionaryVocabulary(loaded.alignment)
          ).lexicon(from: .german, to: .english) ?? lexicon
      }
      let extractor = GlossaryExtractor(
        configuration: .init(
          lexicon: lexicon, known: known, termhood: Termhood(frequencies: frequencies),
          minimumCount: minCount, maximumTerms: max, sourceLanguage: loaded.sourceLanguage,
          targetLanguage: loaded.targetLanguage))
      let extracted = extractor.extract(
        loaded.alignment, source: loaded.source, target: loaded.target)
      if timings {
        let format = { (seconds: TimeInterval) in String(format: "%.2f s", seconds) }
        Diagnostics.printError(
          "bitext: reading, segmenting and aligning \(format(aligned.timeIntervalSince(start))), "
            + "extracting \(format(Date().timeIntervalSince(aligned))) "
            + "(\(loaded.alignment.source.count) source sentences, \(extracted.terms.count) terms)")
      }
      switch format {
      case .json: try out.write(extracted.json())
      case .html:
        let title = [input.source, input.target].compactMap { $0 }.joined(separator: " – ")
        try out.write(extracted.html(title: title))
      default: try out.write(extracted.glossary.rendered(as: format.glossaryFormat!))
      }
    }
  }
}

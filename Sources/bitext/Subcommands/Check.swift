import ArgumentParser
import BitextKit

extension FindingFormat: ExpressibleByArgument {}

/// `bitext check --format`: the `FindingFormat`s and html, the review page (`ReviewReport`).
enum CheckOutputFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, html
}

/// `--fail-on`: the least severity that makes `bitext check` exit with 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
  case error, warning, never

  func fails(_ findings: [Finding]) -> Bool {
    switch self {
    case .never: false
    case .warning: findings.contains { $0.severity >= .warning }
    case .error: findings.contains { $0.severity >= .error }
    }
  }
}

extension Bitext {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a translation against a glossary: terms, numbers, untranslated text, gaps.",
      discussion: """
        Aligns the two texts as `bitext align` does, then reports per bead:
          term-missing            no accepted rendering of a glossary term (warning)
          forbidden-term          a deprecated rendering of the term is used (error)
          inconsistent-rendering  a term rendered in different ways across the text (warning)
          number-mismatch         a source number missing or different in the target (error)
          untranslated            a target sentence that is the source text (error)
          omitted-source          a source sentence without translation (error)
          added-target            a target sentence without source (warning)
          low-confidence          an uncertain bead (warning)
        Sentence numbers count from 0; ranges are UTF-8 byte offsets.

        With one bilingual file instead of two texts (XLIFF 1.2 and 2.x, including SDLXLIFF and \
        memoQ's, TMX, TSV/CSV with a header naming the languages), its units are checked as \
        they are paired, with no segmentation or alignment, and also for:
          missing-target            no or an empty target (error)
          inline-code-mismatch      inline codes lost or added (error)
          inline-code-order         inline codes moved (warning)
          inconsistent-target       the same source translated differently (warning)
          inconsistent-source       different sources with the same target (warning)
          whitespace-mismatch       leading/trailing white space differs (warning)
          end-punctuation-mismatch  different end punctuation (warning)
        Findings point at the target in the file and name the unit [unit ID segment MID].
        Exit status: 0 when nothing at or above --fail-on, 1 when there is, 2 on bad usage or input.

        Examples:
          bitext check Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \\
            --glossary glossaries/news-politics.de-en.tsv
          bitext check Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \\
            --glossary glossaries/news-politics.de-en.tbx --format json -o findings.json
          bitext check Fixtures/bilingual/trados.sdlxliff \\
            --glossary glossaries/news-politics.de-en.tsv --format html -o review.html
        """
    )

    @OptionGroup var input: PairInputOptions

    @Option(
      help: ArgumentHelp("The glossary: TSV, CSV, TBX or TMX (by extension).", valueName: "file"))
    var glossary: String

    @Option(help: "The glossary's format when its extension does not tell: tsv, csv, tbx or tmx.")
    var glossaryFormat: GlossaryFormat?

    @Option(help: "Output: text (compiler-style lines), json or html (a review page).")
    var format: CheckOutputFormat = .text

    @Option(help: "Exit with 1 when a finding is at least this severe: error, warning or never.")
    var failOn: FailOn = .warning

    @Option(
      name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
      if input.isBilingual { return try runBilingual() }
      let out = Output(path: output, inputs: input.readPaths + [glossary])
      try out.validate()
      let glossary = try Glossary.read(
        path: self.glossary, format: glossaryFormat, languages: input.glossaryLanguages,
        warn: Diagnostics.warn)
      let progress = ProgressBar.make()
      let loaded = try input.load(glossary: glossary, progress: progress)
      let checker = TranslationChecker(
        configuration: .init(
          glossary: glossary, lexicon: loaded.lexicon, sourceLanguage: loaded.sourceLanguage,
          targetLanguage: loaded.targetLanguage))
      let findings = checker.check(
        loaded.alignment, source: loaded.source, target: loaded.target,
        progress: progress?.handler())
      progress?.finish()
      let formatter = FindingFormatter(source: loaded.source, target: loaded.target)
      if let format = FindingFormat(rawValue: format.rawValue) {
        try out.write(formatter.render(findings, as: format))
      } else {
        let occurrences = checker.occurrences(
          loaded.alignment, source: loaded.source, target: loaded.target)
        let highlights = ReviewReport.TermHighlight.highlights(
          from: occurrences, findings: findings)
        try out.write(
          ReviewReport(
            alignment: loaded.alignment, findings: findings, highlights: highlights,
            source: .init(name: loaded.source.name, language: loaded.sourceLanguage),
            target: .init(name: loaded.target.name, language: loaded.targetLanguage)
          ).render())
      }
      if failOn.fails(findings) { throw ExitCode.failure }
    }

    /// `bitext check FILE.xlf`: the units of a bilingual file, checked one by one and across.
    private func runBilingual() throws {
      let out = Output(path: output, inputs: input.readPaths + [glossary])
      try out.validate()
      let file = try input.loadBilingual()
      let glossary = try Glossary.read(
        path: self.glossary, format: glossaryFormat,
        languages: (file.sourceLanguage, file.targetLanguage), warn: Diagnostics.warn)
      for language in [file.sourceLanguage, file.targetLanguage]
      where !glossary.entries.isEmpty && !glossary.hasTerms(in: language) {
        throw ValidationError(
          "\(self.glossary) has no \(language) terms, and \(file.name) is "
            + "\(file.sourceLanguage)-\(file.targetLanguage): another pair of languages")
      }
      let configuration = TranslationChecker.Configuration(
        glossary: glossary, lexicon: try input.dictionaryLexicon(for: file),
        sourceLanguage: file.sourceLanguage, targetLanguage: file.targetLanguage)
      let progress = ProgressBar.make()
      let check = BilingualChecker(configuration: configuration).check(
        file, progress: progress?.handler())
      progress?.finish()
      if let format = FindingFormat(rawValue: format.rawValue) {
        try out.write(BilingualFindingFormatter(check).render(as: format))
      } else {
        let occurrences = TranslationChecker(configuration: configuration).occurrences(
          check.alignment, source: check.source, target: check.target)
        try out.write(
          BilingualFindingFormatter.reviewReport(
            check,
            highlights: ReviewReport.TermHighlight.highlights(
              from: occurrences, findings: check.findings)
          ).render())
      }
      if failOn.fails(check.findings) { throw ExitCode.failure }
    }
  }
}

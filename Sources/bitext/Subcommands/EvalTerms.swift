import ArgumentParser
import BitextKit
import Foundation

extension Bitext {
  struct EvalTerms: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "terms",
      abstract: "Recall and rendering accuracy of glossary extract against gold term pairs.",
      discussion: """
        Reads NAME.de, NAME.en (line i translates line i) and NAME.terms.jsonl (line i: a JSON \
        array of {"de", "en"} term pairs of line i) from --data, default the WMT 2023 \
        terminology dev split at ../shared/data/terminology/dev beside the repository. The lines \
        are aligned one to one (no sentence aligner), the glossary is extracted as `bitext \
        glossary extract` does and cut at twice the number of distinct gold pairs. A pair is \
        found when an entry groups its German form (stem keys), right when the gold English is \
        among the entry's renderings (case and hyphens ignored).

        Examples:
          bitext eval terms
          bitext eval terms --half first
        """
    )

    enum Half: String, ExpressibleByArgument, CaseIterable { case first, second }

    @Option(
      help: ArgumentHelp(
        "Folder with NAME.de, NAME.en and NAME.terms.jsonl; default: "
          + "../shared/data/terminology/dev beside the repository.", valueName: "directory"))
    var data: String?

    @Option(help: "Score only the first or the second half of the lines (extracted on their own).")
    var half: Half?

    @Flag(help: "Use no dictionary, not even the installed one.")
    var noDictionary = false

    @Option(help: "List this many missed and wrongly rendered gold pairs.")
    var show = 0

    func run() throws {
      let data =
        self.data
        ?? Repository.defaultPath(
          "../shared/data/terminology/dev", option: "--data DIR",
          what: "a folder with NAME.de, NAME.en and NAME.terms.jsonl (the WMT 2023 terminology "
            + "dev split)")
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: data).filter {
          $0.hasSuffix(".terms.jsonl")
        }.sorted()
      } catch {
        throw InputError.notFound(path: data)
      }
      guard !names.isEmpty else {
        throw ValidationError("\(data): no NAME.terms.jsonl: nothing to evaluate")
      }
      // Every set read first, so that bad data is one line before any output.
      let sets = try names.map { name throws in
        let stem = (data as NSString).appendingPathComponent(
          String(name.dropLast(".terms.jsonl".count)))
        return (
          stem: stem, source: try TextReader.read(path: stem + ".de"),
          target: try TextReader.read(path: stem + ".en"),
          gold: try TermExtractionEvaluation.readGold(path: stem + ".terms.jsonl")
        )
      }
      var frequencies = GeneralFrequency()
      if let path = GeneralFrequency.locate() {
        frequencies = try GeneralFrequency(contentsOf: path)
      } else {
        Diagnostics.printError(
          "bitext: note: no general-language frequency list (\(GeneralFrequency.installCommand)); "
            + "termhood from word length")
      }
      for set in sets {
        try evaluate(
          stem: set.stem, source: set.source, target: set.target, gold: set.gold,
          frequencies: frequencies)
      }
    }

    private func evaluate(
      stem: String, source: Document, target: Document, gold: [[TermExtractionEvaluation.Pair]],
      frequencies: GeneralFrequency
    ) throws {
      var sourceLines = SentenceSplitter.lines(of: source)
      var targetLines = SentenceSplitter.lines(of: target)
      guard sourceLines.count == targetLines.count, sourceLines.count == gold.count else {
        throw ValidationError(
          "\(stem): \(sourceLines.count) German, \(targetLines.count) English and "
            + "\(gold.count) gold lines: not line-parallel")
      }
      var lines = 0..<sourceLines.count
      if let half {
        let middle = sourceLines.count / 2
        lines = half == .first ? 0..<middle : middle..<sourceLines.count
      }
      func reindexed(_ sentences: [Sentence]) -> [Sentence] {
        sentences[lines].enumerated().map {
          var sentence = $0.element
          sentence.index = $0.offset
          return sentence
        }
      }
      sourceLines = reindexed(sourceLines)
      targetLines = reindexed(targetLines)
      let alignment = Alignment(
        source: sourceLines, target: targetLines,
        beads: sourceLines.indices.map {
          AlignmentBead(source: $0..<$0 + 1, target: $0..<$0 + 1, confidence: 1)
        })
      var lexicon = BilingualLexicon()
      if !noDictionary, let path = DingDictionary.installedPath {
        let vocabulary = GlossaryExtractor.dictionaryVocabulary(alignment)
        lexicon =
          try DingDictionary(contentsOf: path, restrictedTo: vocabulary)
          .lexicon(from: .german, to: .english) ?? lexicon
      }
      let extracted = GlossaryExtractor(
        configuration: .init(lexicon: lexicon, termhood: Termhood(frequencies: frequencies))
      ).extract(alignment, source: source, target: target)
      let evaluation = TermExtractionEvaluation(gold: gold[lines].flatMap { $0 })
      let score = evaluation.score(extracted, extractor: CandidateExtractor())
      let unwrittenPairs = TermExtractionEvaluation.unwritten(
        Array(gold[lines]), lines: sourceLines.map(\.text))
      let unwritten = unwrittenPairs.count
      let termless = TermExtractionEvaluation.termless(
        Set(gold[lines].joined()).subtracting(unwrittenPairs)
      ).count
      func decimal(_ value: Double) -> String { String(format: "%.3f", value) }
      var report = [
        "\(stem) lines \(lines.lowerBound + 1)-\(lines.upperBound): \(score.goldPairs) gold pairs, "
          + "\(score.extracted) terms extracted, list cut at \(score.cut)",
        "recall \(decimal(score.recall)) (\(score.found)/\(score.goldPairs)), rendering accuracy "
          + "\(decimal(score.renderingAccuracy)) (\(score.right)/\(score.found)), pairs found "
          + "with the right rendering \(decimal(score.pairRecall))",
        "gold pairs whose German form is in none of their lines: \(unwritten) (recall at most "
          + "\(decimal(1 - Double(unwritten) / Double(max(score.goldPairs, 1)))))",
        "written gold pairs whose German form has no term's shape (one lower-case word: a verb, "
          + "adjective or function word; or punctuation first): \(termless) (with the unwritten, "
          + "recall at most "
          + "\(decimal(1 - Double(unwritten + termless) / Double(max(score.goldPairs, 1)))) "
          + "for an extractor of terms)",
      ]
      if show > 0 {
        report += zip(score.missed, score.missedRanks).prefix(show).map { pair, rank in
          "  missed: \(pair.german) → \(pair.english) "
            + (rank.map { "(rank \($0))" } ?? "(not extracted)")
        }
        report += score.wrong.prefix(show).map {
          "  wrong: \($0.pair.german) → \($0.pair.english); extracted: "
            + $0.renderings.joined(separator: "; ")
        }
      }
      try Output.print(report.joined(separator: "\n"))
    }
  }
}

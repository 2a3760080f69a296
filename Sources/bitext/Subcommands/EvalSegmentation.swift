import ArgumentParser
import BitextKit
import Foundation

extension SentenceSplitter.Rules: ExpressibleByArgument {}

extension Bitext {
  struct EvalSegmentation: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "segmentation",
      abstract: "Boundary precision/recall/F1 of bitext and of raw ICU on gold-segmented data.",
      discussion: """
        DIRECTORY holds golden-rules/{de,en}.jsonl and ud/{de-gsd,en-ewt}-dev.{txt,gold.txt}; the metric \
        is the one of its README (F1_in: boundaries inside units; F1_all: unit breaks counted too).

        Examples:
          bitext eval segmentation
          bitext eval segmentation ../shared/data/segmentation --errors 20
        """
    )

    @Argument(
      help: ArgumentHelp(
        "The segmentation data folder (default: ../shared/data/segmentation beside the "
          + "repository).", valueName: "directory"))
    var directory: String?

    @Option(help: "Also list up to this many wrong boundaries per dataset.")
    var errors: Int = 0

    @Option(help: "Whose wrong boundaries --errors lists: standard (bitext) or icuOnly.")
    var errorsOf: SentenceSplitter.Rules = .standard

    @Flag(help: "Add a column: ICU run on each unit's raw text, as the data's README baselines were.")
    var rawICU = false

    @Option(help: "Evaluate only datasets whose name contains this text.")
    var only: String?

    @Option(help: SentenceSplitter.Quotations.help)
    var quotes: SentenceSplitter.Quotations?

    func run() throws {
      let directory =
        self.directory
        ?? Repository.defaultPath(
          "../shared/data/segmentation", option: "DIRECTORY",
          what: "a folder with golden-rules/{de,en}.jsonl (pySBD's golden rules, MIT) and "
            + "ud/{de-gsd,en-ewt}-dev.{txt,gold.txt} (the Universal Dependencies German GSD and "
            + "English EWT dev sets)")
      let datasets = try SegmentationEvaluation.loadAll(directory: directory)
        .filter { only == nil || $0.name.contains(only!) }
      var lines = [
        "| dataset | cases | gold | skipped | bitext P | R | F1_in | F1_all "
          + "| ICU P | R | F1_in | F1_all |" + (rawICU ? " raw ICU F1_in |" : ""),
        "|---|---|---|---|---|---|---|---|---|---|---|---|" + (rawICU ? "---|" : ""),
      ]
      var details: [String] = []
      for dataset in datasets {
        let bitext = SegmentationEvaluation.evaluate(
          dataset, with: SentenceSplitter(language: dataset.language, quotations: quotes))
        let icu = SegmentationEvaluation.evaluate(
          dataset, with: SentenceSplitter(language: dataset.language, rules: .icuOnly))
        func cells(_ result: SegmentationEvaluation.Result) -> String {
          [result.inside.precision, result.inside.recall, result.inside.f1, result.all.f1]
            .map(Self.format).joined(separator: " | ")
        }
        lines.append(
          "| \(dataset.name) | \(bitext.units) | \(bitext.goldSentences) | \(bitext.skipped) | "
            + "\(cells(bitext)) | \(cells(icu)) |"
            + (rawICU ? " \(Self.format(SegmentationEvaluation.evaluateRawICU(dataset).inside.f1)) |" : ""))
        if errors > 0 {
          details.append("\n\(dataset.name): \(bitext.errors.count) wrong boundaries (ICU: \(icu.errors.count))")
          let listed = errorsOf == .standard ? bitext : icu
          for error in listed.errors.prefix(errors) {
            details.append("  \(error.kind.rawValue) [\(error.unit)] \(error.context)")
          }
        }
      }
      try Output.print((lines + details).joined(separator: "\n"))
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
  }
}

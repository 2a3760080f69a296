import ArgumentParser
import BitextKit
import Foundation

extension Bitext {
  struct EvalAlignment: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "alignment",
      abstract: "Score sentence alignment against gold links (strict and lax P/R/F1).",
      discussion: """
        By default aligns the Text+Berg German–French dev split (one sentence per line, no
        dictionary: nothing but the two texts) and scores it as Vecalign's score.py does. Every
        *.defr gold file in --data is one document; counts are summed over documents.
        Gold files list links `[i, j]:[k]`, 0-based sentence numbers.

        Examples:
          bitext eval alignment
          bitext eval alignment --synthetic 5
          bitext eval alignment --source Fixtures/ukraine-nato.de.txt \\
            --target Fixtures/ukraine-nato.en.txt --gold Fixtures/ukraine-nato.gold.txt \\
            --target-lang en
        """
    )

    @Option(
      help: ArgumentHelp(
        "Folder of gold-aligned documents (NAME.de, NAME.fr, NAME.defr); default: "
          + "../shared/data/textberg-de-fr/dev beside the repository.", valueName: "directory"))
    var data: String?

    @Option(help: "A source text to score instead of --data (needs --target and --gold).")
    var source: String?

    @Option(help: "The target text for --source.")
    var target: String?

    @Option(help: "Gold links for --source/--target.")
    var gold: String?

    @Flag(help: "--source/--target are one sentence per line (--data always is).")
    var presegmented = false

    @Flag(help: "--source/--target are line-parallel translations (line i translates line i): the gold without --gold.")
    var lineParallel = false

    @Option(
      help: ArgumentHelp(
        "Write the vectors of every text embedded (sentences, runs, stress sets) to this file, "
          + "as --vectors reads them.", valueName: "file"))
    var writeVectors: String?

    @Option(name: .customLong("source-lang"), help: "Source language (ISO code).")
    var sourceLanguage = "de"

    @Option(name: .customLong("target-lang"), help: "Target language (ISO code).")
    var targetLanguage = "fr"

    @Flag(help: "Skip the second pass's learned lexicon (for comparison).")
    var noLearning = false

    @Option(help: "Also score N synthetic stress sets derived from the data (seeds 1…N).")
    var synthetic: Int?

    @OptionGroup var meaning: SimilarityOptions

    @Option(
      help: ArgumentHelp(
        "Sentence vectors computed elsewhere, instead of the model: `text<TAB>vector` lines "
          + "covering every sentence and run of sentences the aligner embeds."))
    var vectors: String?

    @Option(help: "Longest run of sentences embedded as one text.")
    var overlaps = 2

    @Flag(
      help: "Embed every run of sentences, not only where the lexical alignment is unsure (for comparison).")
    var everyRun = false

    @Option(help: "Score only half 1 or 2 of each document (split at the gold link nearest its middle), for cross-validation.")
    var half: Int?

    @Option(help: .hidden) var scoring: String?
    @Option(help: .hidden) var passes: Int?
    @Flag(help: .hidden) var noRepair = false
    @Option(help: .hidden) var learner: String?

    @Option(help: "Write the hypothesis links (one `[i]:[j]` a line) of the last document here.")
    var links: String?

    func validate() throws {
      if (source == nil) != (target == nil)
        || (source == nil) != (gold == nil && !lineParallel)
        || (gold != nil && lineParallel)
      {
        throw ValidationError("--source and --target go together, with --gold or --line-parallel")
      }
      if let synthetic, synthetic < 1 { throw ValidationError("--synthetic must be at least 1") }
      if let half, half != 1 && half != 2 { throw ValidationError("--half must be 1 or 2") }
    }

    struct GoldDocument {
      var name: String
      var source: [Sentence]
      var target: [Sentence]
      var gold: [AlignmentLink]

      /// The first or second half, split after the gold link nearest the middle of the source
      /// whose sides both end there (sentences renumbered from 0).
      func half(_ part: Int) -> GoldDocument {
        let ordered = gold.filter { !$0.source.isEmpty && !$0.target.isEmpty }
        let middle = source.count / 2
        let cut = ordered.min {
          abs($0.source.max()! + 1 - middle) < abs($1.source.max()! + 1 - middle)
        }
        let i = cut.map { $0.source.max()! + 1 } ?? middle
        let j = cut.map { $0.target.max()! + 1 } ?? target.count / 2
        func renumber(_ sentences: ArraySlice<Sentence>) -> [Sentence] {
          sentences.enumerated().map { offset, sentence in
            var sentence = sentence
            sentence.index = offset
            return sentence
          }
        }
        if part == 1 {
          return GoldDocument(
            name: name + " (half 1)", source: renumber(source[..<i]), target: renumber(target[..<j]),
            gold: gold.filter { $0.source.allSatisfy { $0 < i } && $0.target.allSatisfy { $0 < j } })
        }
        return GoldDocument(
          name: name + " (half 2)", source: renumber(source[i...]), target: renumber(target[j...]),
          gold: gold.filter { $0.source.allSatisfy { $0 >= i } && $0.target.allSatisfy { $0 >= j } }
            .map { AlignmentLink(source: $0.source.map { $0 - i }, target: $0.target.map { $0 - j }) })
      }
    }

    func run() throws {
      var read: [String] = []
      var documents = try loadDocuments(reading: &read)
      if let links { try OutputFile.refuseOverwriting(read, with: links) }
      if let half { documents = documents.map { $0.half(half) } }
      var aligner = Aligner(
        configuration: .init(
          sourceLanguage: Language(rawValue: sourceLanguage),
          targetLanguage: Language(rawValue: targetLanguage)))
      aligner.configuration.learnsLexicon = !noLearning
      aligner.configuration.overlapLimit = overlaps
      if let scoring {
        try Self.apply(scoring, to: &aligner.configuration.scoring)
        try Self.apply(scoring, to: &aligner.configuration.meaningScoring)
      }
      if let passes { aligner.configuration.passes = passes }
      aligner.configuration.repairsBeads = !noRepair
      if let learner {
        let v = learner.split(separator: ",").compactMap { Double($0) }
        aligner.configuration.learner = LexiconLearner(
          minimumConfidence: v[0], minimumCount: Int(v[1]), minimumDice: v[2],
          maximumTranslations: Int(v[3]), maximumShare: v[4])
      }
      if everyRun { aligner.configuration.runConfidence = nil }
      // Which runs the aligner embeds depends on the configuration above: check vectors after it.
      if let vectors {
        let table = try VectorTable(contentsOf: vectors)
        let missing = documents.reduce(0) { sum, document in
          let plans = aligner.plans(document.source, document.target)
          return sum + table.missing(plans.source.texts) + table.missing(plans.target.texts)
        }
        if missing > 0 { Diagnostics.printError("warning: \(vectors): \(missing) texts have no vector") }
        aligner.embedder = table
      } else {
        aligner.embedder = try meaning.encoder().map { CachedEmbedder($0) }
      }
      print("evidence: \(aligner.embedder == nil ? "lexical" : "lexical and sentence vectors")")
      var total = AlignmentScore()
      var lastLinks: [AlignmentLink] = []
      var confidences = (right: [Double](), wrong: [Double]())
      let start = Date()
      for document in documents {
        let (alignment, details) = aligner.alignWithDetails(document.source, document.target)
        lastLinks = AlignmentEvaluation.links(of: alignment)
        total = total + AlignmentScore(gold: document.gold, hypothesis: lastLinks)
        let gold = Set(document.gold)
        for bead in alignment.beads {
          if gold.contains(AlignmentLink(bead)) {
            confidences.right.append(bead.confidence)
          } else {
            confidences.wrong.append(bead.confidence)
          }
        }
        try Output.print(
          "\(document.name): \(document.source.count) × \(document.target.count) sentences, "
            + "\(document.gold.count) gold links, \(alignment.beads.count) beads, "
            + "learned lexicon \(details.learnedLexicon.count) words, length ratio "
            + String(
              format: "%.3f, variance %.2f", details.lengthModel.ratio, details.lengthModel.variance))
      }
      let seconds = Date().timeIntervalSince(start)
      try Output.print(Self.table(total, title: "\(sourceLanguage)-\(targetLanguage) alignment"))
      try Output.print(String(format: "time: %.2f s", seconds))
      let low = (confidences.right + confidences.wrong).count { $0 < AlignmentBead.lowConfidence }
      let lowWrong = confidences.wrong.count { $0 < AlignmentBead.lowConfidence }
      try Output.print(
        String(
          format: "confidence: mean %.2f on gold beads, %.2f on others; %d beads flagged low, "
            + "%d of them not in the gold",
          Self.mean(confidences.right), Self.mean(confidences.wrong), low, lowWrong))
      if let links {
        try OutputFile.write(
          lastLinks.map(\.formatted).joined(separator: "\n") + "\n", to: links, inputs: read)
      }
      if let synthetic { try runSynthetic(documents, sets: synthetic, aligner: aligner) }
      if let writeVectors {
        guard let cache = aligner.embedder as? CachedEmbedder else {
          throw ValidationError("--write-vectors needs the model (--similarity embeddings)")
        }
        try OutputFile.write(cache.tableLines(), to: writeVectors, inputs: [])
      }
    }

    private func runSynthetic(_ documents: [GoldDocument], sets: Int, aligner: Aligner) throws {
      typealias Counts = (found: Int, total: Int)
      func add(_ a: Counts, _ b: Counts) -> Counts { (a.found + b.found, a.total + b.total) }
      let kinds: [(name: String, isKind: (AlignmentLink) -> Bool)] = [
        ("omission (1-0)", { $0.target.isEmpty }), ("addition (0-1)", { $0.source.isEmpty }),
        ("merge (2-1)", { $0.source.count == 2 && $0.target.count == 1 }),
      ]
      var total = AlignmentScore()
      var recalls = [Counts](repeating: (0, 0), count: kinds.count)
      var precisions = recalls
      for seed in 1...sets {
        for document in documents {
          let set = SyntheticAlignmentSet.derived(
            source: document.source.map(\.text), target: document.target.map(\.text),
            gold: document.gold, seed: UInt64(seed))
          let alignment = aligner.align(
            SyntheticAlignmentSet.sentences(set.source), SyntheticAlignmentSet.sentences(set.target)
          )
          let hypothesis = AlignmentEvaluation.links(of: alignment)
          total = total + AlignmentScore(gold: set.gold, hypothesis: hypothesis)
          for (index, kind) in kinds.enumerated() {
            recalls[index] = add(
              recalls[index],
              AlignmentEvaluation.recall(of: kind.isKind, gold: set.gold, hypothesis: hypothesis))
            // Precision: the hypothesis's links of the kind that the gold has.
            precisions[index] = add(
              precisions[index],
              AlignmentEvaluation.recall(of: kind.isKind, gold: hypothesis, hypothesis: set.gold))
          }
        }
      }
      try Output.print(Self.table(total, title: "synthetic stress set (\(sets) seeds)"))
      func share(_ counts: Counts) -> Double {
        counts.total == 0 ? 0 : Double(counts.found) / Double(counts.total)
      }
      for (index, kind) in kinds.enumerated() {
        try Output.print(
          String(
            format: "%@ recall: %.3f (%d/%d), precision: %.3f (%d/%d)", kind.name,
            share(recalls[index]), recalls[index].found, recalls[index].total,
            share(precisions[index]), precisions[index].found, precisions[index].total))
      }
    }

    /// Tuning aid: `name=value,…` over `BeadScorer.Parameters`.
    static func apply(_ text: String, to parameters: inout BeadScorer.Parameters) throws {
      for item in text.split(separator: ",") {
        let parts = item.split(separator: "=")
        guard parts.count == 2, let value = Double(parts[1]) else {
          throw ValidationError("bad --scoring item '\(item)'")
        }
        switch parts[0] {
        case "sim": parameters.similarityWeight = value
        case "len": parameters.lengthWeight = value
        case "skip": parameters.skipCost = value
        case "par": parameters.paragraphCrossingCost = value
        case "merge": parameters.mergePenalty = value
        case "many": parameters.manyToManyPenalty = value
        case "temp": parameters.temperature = value
        case "mean": parameters.meaningWeight = value
        default: throw ValidationError("bad --scoring item '\(item)'")
        }
      }
    }

    static func mean(_ values: [Double]) -> Double {
      values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    static func table(_ score: AlignmentScore, title: String) -> String {
      func row(_ name: String, _ strict: Double, _ lax: Double) -> String {
        name.padding(toLength: 10, withPad: " ", startingAt: 0)
          + String(format: "%8.3f %8.3f", strict, lax)
      }
      return [
        title, "            strict      lax",
        row("precision", score.strictPrecision, score.laxPrecision),
        row("recall", score.strictRecall, score.laxRecall),
        row("F1", score.strictF1, score.laxF1),
      ].joined(separator: "\n")
    }

    /// The documents to score; `read` receives every file read (which `--links` may not name).
    private func loadDocuments(reading read: inout [String]) throws -> [GoldDocument] {
      if let source, let target, lineParallel {
        read += [source, target]
        if let links { try OutputFile.refuseOverwriting(read, with: links) }
        var document = try load(
          name: source, source: source, target: target, gold: nil, lines: true)
        document.gold = (0..<min(document.source.count, document.target.count)).map {
          AlignmentLink(source: [$0], target: [$0])
        }
        return [document]
      }
      if let source, let target, let gold {
        read += [source, target, gold]
        if let links { try OutputFile.refuseOverwriting(read, with: links) }
        return [
          try load(name: source, source: source, target: target, gold: gold, lines: presegmented)
        ]
      }
      let data =
        self.data
        ?? Repository.defaultPath(
          "../shared/data/textberg-de-fr/dev", option: "--data DIR",
          what: "a folder of NAME.de, NAME.fr and NAME.defr files (the Text+Berg German-French "
            + "dev set as vecalign's bleualign_data/ has it), or --source, --target and --gold")
      let files: [String]
      do {
        files = try FileManager.default.contentsOfDirectory(atPath: data).sorted()
      } catch {
        throw InputError.notFound(path: data)
      }
      let documents = try files.filter { $0.hasSuffix(".\(sourceLanguage)\(targetLanguage)") }.map {
        name throws -> GoldDocument in
        let stem = (data as NSString).appendingPathComponent(String(name.dropLast(4 + 1)))
        read += [stem + "." + sourceLanguage, stem + "." + targetLanguage]
        read.append((data as NSString).appendingPathComponent(name))
        return try load(
          name: stem, source: stem + "." + sourceLanguage, target: stem + "." + targetLanguage,
          gold: (data as NSString).appendingPathComponent(name), lines: true)
      }
      if documents.isEmpty {
        throw InputError.notFound(
          path: (data as NSString).appendingPathComponent("*.\(sourceLanguage)\(targetLanguage)"))
      }
      return documents
    }

    private func load(name: String, source: String, target: String, gold: String?, lines: Bool)
      throws -> GoldDocument
    {
      func sentences(_ path: String, _ language: String) throws -> [Sentence] {
        let document = try TextReader.read(path: path)
        return lines
          ? SentenceSplitter.lines(of: document)
          : SentenceSplitter(language: Language(rawValue: language)).split(document)
      }
      let sourceSentences = try sentences(source, sourceLanguage)
      let targetSentences = try sentences(target, targetLanguage)
      var links: [AlignmentLink] = []
      if let gold {
        let goldDocument = try TextReader.read(path: gold)
        links = try AlignmentEvaluation.parseLinks(
          goldDocument.text(goldDocument.contentStart..<goldDocument.utf8.count), name: gold,
          sourceCount: sourceSentences.count, targetCount: targetSentences.count)
      }
      return GoldDocument(
        name: name, source: sourceSentences, target: targetSentences, gold: links)
    }
  }
}

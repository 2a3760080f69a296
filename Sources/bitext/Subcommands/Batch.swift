import ArgumentParser
import BitextKit
import Foundation

extension Bitext {
  struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Align and check many document pairs (JSON Lines in, JSON Lines out) on all cores.",
      discussion: """
        Each input line is one document pair:
          {"id", "source" | "source_text", "target" | "target_text", "source_lang", "target_lang",
           "glossary"?}
        (paths, relative to the current directory, or inline text; languages are ISO codes as for
        align, by default de and en). A path makes bitext read that file, as whoever runs it, and
        copy its text into the output: for a corpus from others, give --base-dir DIR (paths must
        stay inside DIR) or --inline-only. Each input line yields exactly
        one output line, in input order unless --unordered:
          {"id", "beads": […], "findings": […], "stats": {…}}   or   {"id", "error": "…"}
        A bad line or pair (bad JSON, missing file, invalid UTF-8, empty text) becomes an error line
        and the batch goes on. Memory stays bounded whatever the input size: lines are streamed and
        at most a few per job are in flight. Progress goes to stderr when it is a terminal.

        The command is a line filter, so it also runs as Spark's RDD.pipe, a Hadoop Streaming
        mapper or under GNU parallel (see scripts/spark_batch.py).

        Exit codes: 0 every line succeeded, 1 at least one error line, 2 bad usage or an unreadable
        input/unwritable output (no complete output then).

        Examples:
          bitext batch Fixtures/corpus.jsonl -o results.jsonl --tmx corpus.tmx
          bitext batch Fixtures/corpus.jsonl -o results.jsonl --extract-glossary corpus-terms.tbx
          cat Fixtures/corpus.jsonl | bitext batch --jobs 2 --unordered > results.jsonl
        """
    )

    @Argument(help: "The JSON Lines corpus; - (the default) reads standard input.")
    var input: String = "-"

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Emit each result as soon as it is ready instead of in input order.")
    var unordered = false

    @Option(help: "Also write one TMX 1.4b of all aligned pairs to this file (atomically).")
    var tmx: String?

    @Option(
      help: ArgumentHelp(
        "Also extract one glossary from all aligned pairs (as glossary extract does, counts "
          + "summed) and write it to this file: tsv, csv, tbx or tmx by extension.",
        valueName: "file"))
    var extractGlossary: String?

    @Option(help: "Glossary for the pairs that name none (TSV, CSV, TBX or TMX).")
    var glossary: String?

    @Option(
      help: "German-English dictionary: Ding format or TSV (default: the installed Ding one).")
    var dictionary: String?

    @Flag(help: "Use no dictionary, not even the installed one.")
    var noDictionary = false

    @OptionGroup var meaning: SimilarityOptions

    @Option(name: .shortAndLong, help: "Write results to this file (atomically) instead of stdout.")
    var output: String?

    @Option(
      help: ArgumentHelp(
        "Read only files inside this folder (paths relative to it; .. and symbolic links out of "
          + "it refused): for a corpus written by others.", valueName: "dir"))
    var baseDir: String?

    @Flag(help: "Refuse every path in the corpus: texts inline only, no per-pair glossary.")
    var inlineOnly = false

    @Option(help: "The longest input line read, in bytes; a longer one becomes an error line.")
    var maxLineBytes: Int = Self.defaultMaxLineBytes

    /// 64 MiB: a pair of long documents inline; with the window of lines in flight it bounds the
    /// memory that input lines take.
    static let defaultMaxLineBytes = 64 << 20

    func validate() throws {
      if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
      if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1") }
      if noDictionary && dictionary != nil {
        throw ValidationError("give --dictionary or --no-dictionary, not both")
      }
      if let output, output == tmx { throw ValidationError("-o and --tmx name the same file") }
      if baseDir != nil && inlineOnly {
        throw ValidationError("give --base-dir or --inline-only, not both")
      }
      if let baseDir {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: baseDir, isDirectory: &isDirectory),
          isDirectory.boolValue
        else { throw ValidationError("--base-dir \(baseDir): not a folder") }
      }
    }

    func run() throws {
      let reader = try LineReader(path: input)
      reader.maximumLineLength = maxLineBytes
      let dictionaryPath = noDictionary ? nil : dictionary ?? DingDictionary.installedPath
      let inputs = [input] + [glossary, dictionaryPath].compactMap { $0 }
      if let output, let tmx {
        do throws(InputError) {
          try OutputFile.refuseOverwriting([tmx], with: output)
        } catch {
          throw ValidationError("-o and --tmx name the same file")
        }
      }
      let results = try output.map { path throws(InputError) in
        try OutputFile.Stream(path: path, inputs: inputs)
      }
      let tmxFile = try tmx.map { path throws(InputError) in
        try BatchTMXFile(path: path, inputs: inputs)
      }
      let extraction = try extractGlossary.map { path throws in
        try CorpusExtraction(path: path, inputs: inputs, others: [output, tmx].compactMap { $0 })
      }
      let dictionary = try loadDictionary()
      let resources = BatchResources(
        dictionary: dictionary, defaultGlossary: glossary,
        outputs: [output, tmx, extractGlossary].compactMap { $0 },
        pathPolicy: inlineOnly ? .inlineOnly : baseDir.map { .baseDirectory($0) } ?? .any,
        embedder: try meaning.encoder().map { CachedEmbedder($0) },
        extractionTermhood: extraction?.corpus.termhood)
      if let glossary { try resources.preloadGlossary(glossary, warn: Diagnostics.warn) }
      let runner = BatchRunner(
        resources: resources, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
        ordered: !unordered)
      let progress = ProgressBar.make()
      let summary: BatchSummary
      do {
        let show = progress.map { bar in { (done: BatchProgress) in Self.show(done, on: bar) } }
        summary = try runner.run(reader, progress: show) {
          result throws(InputError) in
          let text = result.jsonLine + "\n"
          if let results { try results.write(text) } else { try StandardStream.output.write(text) }
          if let tmxFile, case .aligned(let pair) = result.outcome { try tmxFile.add(pair) }
          if let extraction, case .aligned(let pair) = result.outcome,
            let extracted = pair.extracted
          {
            extraction.corpus.add(extracted)
          }
        }
        progress?.finish()
        // A pair read an output (`-o src.txt` where a pair's source is src.txt): keep the file.
        if let output = resources.outputsRead.first {
          throw InputError.outputOverwritesInput(path: output)
        }
        try results?.commit()
        try tmxFile?.commit()
        try extraction?.write()
      } catch {
        progress?.finish()
        results?.discard()
        tmxFile?.discard()
        throw error
      }
      if summary.failed > 0 {
        Diagnostics.printError("bitext: \(summary.failed) of \(summary.lines) lines failed")
        throw ExitCode.failure
      }
    }

    /// `--extract-glossary`: the glossaries the workers extract from each aligned pair, added to
    /// one for the corpus in input order.
    final class CorpusExtraction {
      let path: String
      let inputs: [String]
      let format: GlossaryFormat
      var corpus: CorpusGlossary

      init(path: String, inputs: [String], others: [String]) throws {
        guard let format = GlossaryFormat(path: path) else {
          throw ValidationError(
            "cannot tell the glossary format from '\(path)': use .tsv, .csv, .tbx or .tmx")
        }
        if others.contains(path) {
          throw ValidationError("--extract-glossary names another output")
        }
        try OutputFile.refuseOverwriting(inputs, with: path)
        var frequencies = GeneralFrequency()
        if let list = GeneralFrequency.locate() {
          frequencies = try GeneralFrequency(contentsOf: list)
        } else {
          Diagnostics.printError(
            "bitext: note: no general-language frequency list "
              + "(\(GeneralFrequency.installCommand)); termhood from word length")
        }
        self.path = path
        self.inputs = inputs
        self.format = format
        self.corpus = CorpusGlossary(termhood: Termhood(frequencies: frequencies))
      }

      func write() throws(InputError) {
        try OutputFile.write(
          corpus.glossary().glossary.rendered(as: format), to: path, inputs: inputs)
      }
    }

    /// Pairs done and pairs per second; for a file, the share of its bytes done and the time left.
    private static func show(_ progress: BatchProgress, on bar: ProgressBar) {
      var detail = "\(progress.lines) pairs"
      if progress.failed > 0 { detail += " (\(progress.failed) failed)" }
      detail += String(format: ", %.1f pairs/s", progress.rate)
      bar.update("batch", done: progress.bytesRead, total: progress.totalBytes, detail: detail)
    }

    /// The aligner's dictionary, read once for the whole batch.
    ///
    /// `--dictionary`, else the installed Ding dictionary when there is one; none with
    /// `--no-dictionary`. Its lexicon for a language pair (German-English, or inverted) is built
    /// once, when a pair first needs it.
    private func loadDictionary() throws(InputError) -> BatchResources.Dictionary {
      guard let path = noDictionary ? nil : dictionary ?? DingDictionary.installedPath else {
        return { _, _ in nil }
      }
      if Diagnostics.showsProgress {
        Diagnostics.printError("bitext: reading the dictionary \(path)…")
      }
      let ding = try DingDictionary(contentsOf: path)
      return { ding.lexicon(from: $0, to: $1) }
    }
  }
}

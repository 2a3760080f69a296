// Time and peak memory of sentence alignment on generated document pairs of 1k, 10k and 100k
// sentences. Each size runs in a fresh process (this program re-invoking itself), so the peak
// resident set size (getrusage) belongs to that size alone.
//
//     swift run -c release --package-path Benchmarks AlignmentBenchmark [SIZES…]
import BenchmarkSupport
import BitextKit
import Foundation

func measure(_ count: Int) {
  let set = SyntheticAlignmentSet.generated(count: count, seed: 42)
  let source = SyntheticAlignmentSet.sentences(set.source)
  let target = SyntheticAlignmentSet.sentences(set.target)
  let start = Date()
  let (alignment, details) = Aligner().alignWithDetails(source, target)
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

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "--one", let count = arguments.dropFirst().first.flatMap({ Int($0) }) {
  measure(count)
} else {
  let sizes = arguments.isEmpty ? [1_000, 10_000, 100_000] : arguments.compactMap { Int($0) }
  print("source × target     time        throughput     memory           cells      quality")
  fflush(nil)
  for size in sizes {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--one", String(size)]
    try process.run()
    process.waitUntilExit()
  }
}

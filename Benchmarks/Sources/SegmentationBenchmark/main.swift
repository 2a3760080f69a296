// Throughput of bitext's sentence segmentation against raw ICU sentence iteration, on the same
// ≥ 50 MB of German text in the same run, and peak memory.
//
//     swift run -c release --package-path Benchmarks SegmentationBenchmark [MEGABYTES] [REPO]
import BenchmarkSupport
import BitextKit
import Foundation

// MARK: - Corpus

/// German paragraphs from the repository (seed article, UD German GSD dev text, Text+Berg dev),
/// repeated in a shuffled order with varied numbers, some hard-wrapped, until `megabytes` is reached.
func germanCorpus(megabytes: Int, repository: URL) throws -> [UInt8] {
  func paragraphs(_ relative: String, linesAreSentences: Bool = false) throws -> [String] {
    let url = repository.appendingPathComponent(relative)
    let text = try String(contentsOf: url, encoding: .utf8)
    if linesAreSentences {
      // One sentence a line: group ten lines into a paragraph.
      let lines = text.split(separator: "\n").map(String.init)
      return stride(from: 0, to: lines.count, by: 10).map {
        lines[$0..<min($0 + 10, lines.count)].joined(separator: " ")
      }
    }
    return text.components(separatedBy: "\n\n").map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }.filter { !$0.isEmpty }
  }
  var pool = try paragraphs("Fixtures/ukraine-nato.de.txt")
  pool += try paragraphs("../shared/data/segmentation/ud/de-gsd-dev.txt")
  let textberg = repository.appendingPathComponent("../shared/data/textberg-de-fr/dev/dev.de")
  if FileManager.default.fileExists(atPath: textberg.path) {
    pool += try paragraphs("../shared/data/textberg-de-fr/dev/dev.de", linesAreSentences: true)
  }
  var generator = SplitMix64(seed: 2026)
  var bytes: [UInt8] = []
  let target = megabytes * 1_000_000
  bytes.reserveCapacity(target + 100_000)
  var round = 0
  while bytes.count < target {
    round += 1
    pool.shuffle(using: &generator)
    for paragraph in pool {
      // Vary the digits so that rounds differ ("2022" → "2023", …).
      var text = String(
        paragraph.map { character -> Character in
          guard let digit = character.wholeNumberValue, character.isASCII else { return character }
          return Character(String((digit + round) % 10))
        })
      if generator.next() % 4 == 0 { text = wrap(text, width: 72) }
      bytes += text.utf8
      bytes += [0x0A, 0x0A]
    }
  }
  return bytes
}

/// `text` hard-wrapped at `width` columns.
func wrap(_ text: String, width: Int) -> String {
  var lines: [String] = []
  var line = ""
  for word in text.split(separator: " ") {
    if !line.isEmpty && line.count + 1 + word.count > width {
      lines.append(line)
      line = String(word)
    } else {
      line += line.isEmpty ? String(word) : " " + word
    }
  }
  if !line.isEmpty { lines.append(line) }
  return lines.joined(separator: "\n")
}

// MARK: - Measuring

/// CPU time of the calling thread, in seconds: unlike wall-clock time, it does not grow when other
/// processes compete for the cores.
func threadCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The best of `runs` timings (thread CPU time) of `body`, in seconds, and the last result.
func measure(runs: Int, _ body: () -> Int) -> (seconds: Double, result: Int) {
  var best = Double.infinity
  var result = 0
  for _ in 0..<runs {
    let start = threadCPUSeconds()
    result = body()
    best = min(best, threadCPUSeconds() - start)
  }
  return (best, result)
}

let arguments = CommandLine.arguments
let megabytes = arguments.count > 1 ? Int(arguments[1]) ?? 50 : 50
let repository =
  arguments.count > 2
  ? URL(fileURLWithPath: arguments[2])
  : URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let runs = 3
/// Set BENCH_PHASE=rules to run only bitext's segmentation (for profiling), BENCH_REPEAT times.
let onlyRules = ProcessInfo.processInfo.environment["BENCH_PHASE"] == "rules"
let repeats = ProcessInfo.processInfo.environment["BENCH_REPEAT"].flatMap { Int($0) } ?? 1

let corpus = try germanCorpus(megabytes: megabytes, repository: repository)
let document = Document(name: "corpus", utf8: corpus)
let paragraphs = document.paragraphs
let size = Double(corpus.count) / 1e6
let rssAfterCorpus = peakMemoryMiB()
print(
  String(
    format: "German corpus: %.1f MB, %d paragraphs (peak RSS after building it: %.0f MB)", size,
    paragraphs.count, rssAfterCorpus))

if onlyRules {
  let splitter = SentenceSplitter(language: .german)
  for _ in 0..<repeats {
    let count = paragraphs.reduce(0) {
      $0 + splitter.sentenceRanges(in: $1.utf8Range, of: corpus).count
    }
    print("\(count) sentences")
  }
  exit(0)
}

let icuSplitter = SentenceSplitter(language: .german, rules: .icuOnly)
let splitter = SentenceSplitter(language: .german)
let phases: [() -> Int] = [
  {
    var count = 0
    corpus.withUnsafeBufferPointer { text in
      icuSplitter.forEachICUBoundary(in: text) { _ in count += 1 }
    }
    return count
  },
  { paragraphs.reduce(0) { $0 + icuSplitter.sentenceRanges(in: $1.utf8Range, of: corpus).count } },
  { paragraphs.reduce(0) { $0 + splitter.sentenceRanges(in: $1.utf8Range, of: corpus).count } },
  {
    var count = 0
    splitter.forEachSentence(in: document) { _ in count += 1 }
    return count
  },
]
// The phases take turns in every run, so that load from other processes hits them alike.
var timings = Array(repeating: (seconds: Double.infinity, result: 0), count: phases.count)
for _ in 0..<runs {
  for (index, phase) in phases.enumerated() {
    let timing = measure(runs: 1, phase)
    timings[index] = (min(timings[index].seconds, timing.seconds), timing.result)
  }
}
let (raw, icuPath, ranges, full) = (timings[0], timings[1], timings[2], timings[3])
let rssAfterSegmenting = peakMemoryMiB()

func row(_ name: String, _ timing: (seconds: Double, result: Int)) -> String {
  name.padding(toLength: 48, withPad: " ", startingAt: 0)
    + String(
      format: "%7.1f MB/s  %6.3f s  %9d  %5.2f×", size / timing.seconds, timing.seconds,
      timing.result, raw.seconds / timing.seconds)
}
print(
  "best of \(runs) runs, thread CPU time".padding(toLength: 48, withPad: " ", startingAt: 0)
    + "      speed      time  boundaries  vs raw ICU")
print(row("raw ICU sentence iteration (whole text)", raw))
print(row("ICU only, bitext's path (paragraphs, trimming)", icuPath))
print(row("bitext segmentation (ranges)", ranges))
print(row("bitext segmentation (Sentence values + text)", full))
print(
  String(
    format: "ratio bitext/raw ICU: %.2f (ranges), %.2f (Sentence values)",
    raw.seconds / ranges.seconds, raw.seconds / full.seconds))
print(
  String(
    format: "peak RSS: %.0f MB after building the corpus, %.0f MB after segmenting (+%.0f MB)",
    rssAfterCorpus, rssAfterSegmenting, rssAfterSegmenting - rssAfterCorpus))

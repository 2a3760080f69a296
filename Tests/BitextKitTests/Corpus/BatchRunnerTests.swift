import BitextKit
import Foundation
import Testing

@Suite struct BatchRunnerTests {
  /// A corpus whose pairs differ in length, so that workers finish out of input order, with bad
  /// lines mixed in.
  static let lines: [String] = (0..<60).map { number in
    switch number % 15 {
    case 4: return "{\"id\": \"bad-\(number)\""
    case 9:
      return #"{"id": "empty-\#(number)", "source_text": " ", "target_text": "x", "#
        + #""source_lang": "de", "target_lang": "en"}"#
    default:
      let count = 1 + (number * 7) % 23
      let source = (0..<count).map { "Satz \($0) von Paar \(number) ist hier." }
      let target = (0..<count).map { "Sentence \($0) of pair \(number) is here." }
      return BatchRecord(
        id: BatchID("p\(number)"), source: .inline(source.joined(separator: " ")),
        target: .inline(target.joined(separator: "\n\n")), sourceLanguage: .german,
        targetLanguage: .english
      ).jsonLine
    }
  }

  private func run(jobs: Int, ordered: Bool = true, window: Int? = nil, lines: [String] = lines)
    throws -> (results: [BatchResult], summary: BatchSummary)
  {
    let runner = BatchRunner(
      resources: BatchResources(), jobs: jobs, ordered: ordered, window: window)
    var results: [BatchResult] = []
    let summary = try runner.run(lines: lines) { results.append($0) }
    return (results, summary)
  }

  @Test(arguments: [1, 2, 4])
  func everyLineYieldsOneResultInInputOrder(jobs: Int) throws {
    let (results, summary) = try run(jobs: jobs)
    #expect(results.map(\.line) == Array(1...Self.lines.count))
    #expect(summary == BatchSummary(lines: 60, failed: 8))
    #expect(results.filter(\.isFailure).map(\.line) == [5, 10, 20, 25, 35, 40, 50, 55])
    #expect(results[4].jsonLine == #"{"id": null, "error": "line 5: malformed JSON"}"#)
    #expect(
      results[9].jsonLine
        == #"{"id": "empty-9", "error": "source_text: empty input (no text to process)"}"#)
  }

  @Test func outputDoesNotDependOnTheNumberOfJobs() throws {
    let one = try run(jobs: 1).results.map(\.jsonLine)
    let three = try run(jobs: 3, window: 4).results.map(\.jsonLine)
    #expect(one == three)
  }

  @Test func unorderedModeStillEmitsEveryLineOnce() throws {
    let (results, summary) = try run(jobs: 3, ordered: false)
    #expect(results.map(\.line).sorted() == Array(1...Self.lines.count))
    #expect(summary.failed == 8)
    let ordered = try run(jobs: 1).results
    #expect(Set(results.map(\.jsonLine)) == Set(ordered.map(\.jsonLine)))
  }

  @Test func alignedPairsCarryBeadsAndStats() throws {
    let result = try run(jobs: 2, lines: [Self.lines[1]]).results[0]
    guard case .aligned(let pair) = result.outcome else {
      Issue.record("pair 1 failed: \(result.jsonLine)")
      return
    }
    #expect(pair.id == BatchID("p1"))
    #expect(pair.stats.sourceSentences == 8)
    #expect(pair.stats.targetSentences == 8)
    let json = result.jsonLine
    #expect(json.hasPrefix(#"{"id": "p1", "beads": [{"source": [0], "target": [0]"#))
    #expect(json.contains(#""stats": {"source_sentences": 8, "target_sentences": 8"#))
  }

  @Test func aFailingEmitStopsTheBatchAndIsRethrown() throws {
    let runner = BatchRunner(resources: BatchResources(), jobs: 2, window: 4)
    var emitted = 0
    #expect(throws: InputError.unwritable(path: "out", reason: "disk full")) {
      _ = try runner.run(lines: Self.lines) { _ throws(InputError) in
        emitted += 1
        if emitted == 3 { throw InputError.unwritable(path: "out", reason: "disk full") }
      }
    }
    #expect(emitted == 3)
  }

  @Test func emptyInputGivesNoLines() throws {
    let (results, summary) = try run(jobs: 2, lines: [])
    #expect(results.isEmpty)
    #expect(summary == BatchSummary(lines: 0, failed: 0))
  }

  @Test func aGlossaryIsLoadedOncePerPathNotPerPair() throws {
    let resources = BatchResources(defaultGlossary: "/nonexistent/terms.tsv")
    let runner = BatchRunner(resources: resources, jobs: 2)
    var results: [BatchResult] = []
    let good = Self.lines.enumerated().filter { $0.offset % 15 != 4 && $0.offset % 15 != 9 }
    _ = try runner.run(lines: good.map(\.element)) { results.append($0) }
    #expect(results.count == good.count)
    #expect(results.allSatisfy { $0.isFailure })
    #expect(
      results[0].jsonLine
        == #"{"id": "p0", "error": "glossary: /nonexistent/terms.tsv: no such file"}"#)
    #expect(resources.glossaryLoads == 1)
  }

  @Test func aReadableGlossaryIsSharedByAllPairsThatNameIt() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("glossaries/news-politics.de-en.tsv").path
    let resources = BatchResources()
    let runner = BatchRunner(resources: resources, jobs: 2)
    let lines = (0..<12).map { number in
      BatchRecord(
        id: BatchID("g\(number)"),
        source: .inline("Die NATO-Truppen kamen. Das Weiße Haus schwieg."),
        target: .inline("NATO troops came. The White House was silent."), sourceLanguage: .german,
        targetLanguage: .english, glossary: path
      ).jsonLine
    }
    var results: [BatchResult] = []
    _ = try runner.run(lines: lines) { results.append($0) }
    #expect(results.count == 12)
    #expect(results.allSatisfy { !$0.isFailure })
    #expect(resources.glossaryLoads == 1)
    let glossary = try resources.context(
      for: try BatchRecord(line: Array(lines[0].utf8), number: 1))
    #expect(glossary.glossary?.entries.isEmpty == false)
  }

  /// Pairs with a large glossary cost about what pairs without one cost: the glossary's term index
  /// is built once, not once per pair (it took 98 s for 50 pairs with 100,000 entries).
  @Test func aLargeGlossaryIsIndexedOncePerProcess() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-glossary-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("large.tsv").path
    let rows = (0..<20_000).map { "Fachbegriff\($0)wort\tterm\($0)word" }
    try ("de\ten\n" + rows.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    func seconds(pairs: Int, glossary: String?) throws -> Double {
      let runner = BatchRunner(resources: BatchResources(), jobs: 1)
      let lines = (0..<pairs).map { number in
        BatchRecord(
          id: BatchID("g\(number)"), source: .inline("Der Fachbegriff7wort kam."),
          target: .inline("The term7word came."), sourceLanguage: .german,
          targetLanguage: .english, glossary: glossary
        ).jsonLine
      }
      let start = ContinuousClock.now
      let summary = try runner.run(lines: lines) { _ in }
      #expect(summary.failed == 0)
      let elapsed = ContinuousClock.now - start
      return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
    let one = try seconds(pairs: 1, glossary: path)
    let many = try seconds(pairs: 40, glossary: path)
    // Indexed per pair, 40 pairs cost 40 times one pair; indexed once, about one pair.
    #expect(many < 5 * one, "1 pair: \(one) s, 40 pairs: \(many) s")
  }
}

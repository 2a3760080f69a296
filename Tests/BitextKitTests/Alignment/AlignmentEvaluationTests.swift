import BitextKit
import Testing

@Suite struct AlignmentEvaluationTests {
  @Test func parsesGoldLinks() throws {
    let links = try AlignmentEvaluation.parseLinks("[0]:[0, 1]\n[]:[2]\n[1, 2]:[]\n", name: "g")
    #expect(links.count == 3)
    #expect(links[0] == AlignmentLink(source: [0], target: [0, 1]))
    #expect(links[1].source.isEmpty && links[1].target == [2])
    #expect(links[2].formatted == "[1, 2]:[]")
  }

  @Test func malformedGoldNamesTheLine() {
    #expect(throws: InputError.self) {
      try AlignmentEvaluation.parseLinks("[0]:[0]\n[1]-[1]\n", name: "gold.txt")
    }
    do {
      _ = try AlignmentEvaluation.parseLinks("[0]:[0]\n[x]:[1]\n", name: "gold.txt")
    } catch {
      #expect(error.description.hasPrefix("gold.txt:2:1:"))
    }
  }

  @Test func strictAndLaxFollowScorePy() {
    let gold = [
      AlignmentLink(source: [0], target: [0]), AlignmentLink(source: [1, 2], target: [1]),
      AlignmentLink(source: [], target: [2]), AlignmentLink(source: [3], target: [3]),
    ]
    let hypothesis = [
      AlignmentLink(source: [0], target: [0]), AlignmentLink(source: [1], target: [1]),
      AlignmentLink(source: [2], target: []), AlignmentLink(source: [], target: [2]),
      AlignmentLink(source: [3], target: [3]),
    ]
    let score = AlignmentScore(gold: gold, hypothesis: hypothesis)
    // Precision: 5 candidates; strict hits [0]:[0], []:[2], [3]:[3]; lax adds [1]:[1].
    #expect(score.precisionCandidates == 5)
    #expect(score.strictPrecisionHits == 3)
    #expect(score.laxPrecisionHits == 4)
    // Recall: 3 gold links with both sides; strict 2; lax 3 (1 is linked to 1).
    #expect(score.recallCandidates == 3)
    #expect(score.strictRecallHits == 2)
    #expect(score.laxRecallHits == 3)
    #expect(abs(score.strictF1 - 2 * 0.6 * (2.0 / 3) / (0.6 + 2.0 / 3)) < 1e-9)
    let perfect = AlignmentScore(gold: gold, hypothesis: gold)
    #expect(perfect.strictF1 == 1 && perfect.laxF1 == 1)
  }

  @Test func syntheticSetsAreDeterministicAndConsistent() {
    let source = (0..<60).map { "Satz \($0) über Bern." }
    let target = (0..<60).map { "Phrase \($0) sur Berne." }
    let gold = (0..<60).map { AlignmentLink(source: [$0], target: [$0]) }
    let first = SyntheticAlignmentSet.derived(
      source: source, target: target, gold: gold, seed: 7, omissionRate: 0.1, additionRate: 0.1,
      mergeRate: 0.1)
    let second = SyntheticAlignmentSet.derived(
      source: source, target: target, gold: gold, seed: 7, omissionRate: 0.1, additionRate: 0.1,
      mergeRate: 0.1)
    #expect(first == second)
    #expect(first.gold.contains { $0.target.isEmpty })
    #expect(first.gold.contains { $0.source.isEmpty })
    #expect(first.gold.contains { $0.source.count == 2 && $0.target.count == 1 })
    // The gold covers every sentence of the derived pair once, in order.
    #expect(first.gold.flatMap(\.source) == Array(first.source.indices))
    #expect(first.gold.flatMap(\.target) == Array(first.target.indices))
  }
}

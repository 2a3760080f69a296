import BitextKit
import Testing

@Suite struct LengthModelTests {
  @Test func ratioComesFromTheDocuments() {
    let model = LengthModel.estimate(sourceLengths: [100, 40, 60], targetLengths: [150, 60, 90])
    #expect(abs(model.ratio - 1.5) < 1e-9)
    let other = LengthModel.estimate(sourceLengths: [100, 100], targetLengths: [80, 80])
    #expect(abs(other.ratio - 0.8) < 1e-9)
  }

  @Test func ratioFromSentences() {
    let source = SyntheticAlignmentSet.sentences(["Ein kurzer Satz.", "Noch einer hier."])
    let target = SyntheticAlignmentSet.sentences([
      "A rather longer sentence here.", "And yet another longer one.",
    ])
    let model = LengthModel.estimate(source: source, target: target)
    #expect(model.ratio > 1.4 && model.ratio < 2)
  }

  @Test func varianceIsReestimatedFromAlignedPairs() {
    let model = LengthModel(ratio: 1, variance: 6.8)
    var close: [(source: Double, target: Double)] = []
    var far: [(source: Double, target: Double)] = []
    for step in 1...50 {
      let length = Double(step * 10)
      close.append((length, length + 1))
      far.append((length, step % 2 == 0 ? length * 1.6 : length * 0.5))
    }
    #expect(model.reestimated(from: close).variance < model.variance)
    #expect(model.reestimated(from: far).variance > model.variance)
  }

  @Test func reestimatedVarianceNeverFallsBelowTheRatio() {
    let model = LengthModel(ratio: 0.8, variance: 6.8 * 0.8)
    let exact = (1...12).map { step in (source: Double(step * 20), target: Double(step * 16)) }
    #expect(model.reestimated(from: exact).variance == 0.8)
  }

  @Test func proportionalLengthsCostLeast() {
    let model = LengthModel(ratio: 1.2, variance: 6)
    #expect(model.cost(source: 100, target: 120) < 0.01)
    #expect(model.cost(source: 100, target: 120) < model.cost(source: 100, target: 160))
    #expect(model.cost(source: 100, target: 160) < model.cost(source: 100, target: 300))
  }
}

import BitextKit
import Testing

/// The boundary metric of the segmentation data's README.
@Suite struct SegmentationEvaluationTests {
  static func dataset(_ units: [SegmentationEvaluation.Unit]) -> SegmentationEvaluation.Dataset {
    SegmentationEvaluation.Dataset(name: "test", language: .german, units: units)
  }

  @Test func aPerfectSplitScoresOne() {
    let data = Self.dataset([
      .init(text: "Er kam. Sie ging.", sentences: ["Er kam.", "Sie ging."]),
      .init(text: "Am 24. Februar kam er.", sentences: ["Am 24. Februar kam er."]),
    ])
    let result = SegmentationEvaluation.evaluate(data, with: SentenceSplitter(language: .german))
    #expect(result.inside.truePositives == 1)
    #expect(result.inside.f1 == 1)
    #expect(result.all.truePositives == 2)  // plus the break between the two units
  }

  @Test func missedAndSpuriousBoundariesAreCounted() {
    // ICU alone splits after "24." (spurious) and, with the gold below, misses nothing.
    let data = Self.dataset([
      .init(text: "Am 24. Februar kam er. Dann ging er.", sentences: [
        "Am 24. Februar kam er.", "Dann ging er.",
      ]),
      .init(text: "Er kam und ging", sentences: ["Er kam", "und ging"]),
    ])
    let icu = SegmentationEvaluation.evaluate(
      data, with: SentenceSplitter(language: .german, rules: .icuOnly))
    #expect(icu.inside.truePositives == 1)
    #expect(icu.inside.falsePositives == 1)
    #expect(icu.inside.falseNegatives == 1)
    #expect(icu.inside.precision == 0.5)
    #expect(icu.inside.recall == 0.5)
    #expect(icu.errors.map(\.kind) == [.spurious, .missed])
  }

  @Test func boundariesIgnoreWhiteSpace() {
    // Gold and text differ in white space only: still a perfect score.
    let data = Self.dataset([
      .init(text: "Er  kam.\nSie ging.", sentences: ["Er kam.", "Sie ging."])
    ])
    let result = SegmentationEvaluation.evaluate(data, with: SentenceSplitter(language: .german))
    #expect(result.inside.f1 == 1)
  }
}

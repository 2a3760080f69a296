import BitextKit
import Testing

@Suite struct AlignerTests {
  static let german = [
    "Am 3. Mai 2021 traf Olaf Scholz in Berlin den Präsidenten Macron.",
    "Sie sprachen zwei Stunden lang über die Ukraine und die Sanktionen.",
    "Danach gab es im Kanzleramt ein langes Abendessen mit vielen Gängen, zu dem auch einige "
      + "Wirtschaftsvertreter und mehrere Abgeordnete aus dem Auswärtigen Ausschuss "
      + "eingeladen waren.",
    "Der Kreml-Sprecher Peskow nannte das Treffen „nutzlos“.",
    "Er sagte:",
    "„Die NATO rückt immer näher an Russland heran.“",
    "Im Jahr 2022 gab die Regierung 1.000 Millionen Euro aus, davon 3,5 Prozent für Verwaltung.",
    "Wer bezahlt das alles?",
    "Die Antwort kam am 12. Juni aus Washington.",
  ]
  static let english = [
    "On 3 May 2021 Olaf Scholz met President Macron in Berlin.",
    "They talked for two hours about Ukraine and the sanctions.",
    "Kremlin spokesman Peskov called the meeting \"useless\".",
    "He said: \"NATO is moving ever closer to Russia.\"",
    "In 2022 the government spent 1,000 million euros.",
    "Of this, 3.5 percent went to administration.",
    "Outside the building, dozens of reporters and camera crews waited in the cold rain for most "
      + "of the afternoon, hoping for a statement that never came.",
    "Who pays for all of this?",
    "The answer came from Washington on 12 June.",
  ]

  @Test func findsPlantedOmissionAdditionMergeAndSplit() {
    let aligner = Aligner(
      configuration: .init(sourceLanguage: .german, targetLanguage: .english))
    let alignment = aligner.align(
      SyntheticAlignmentSet.sentences(Self.german), SyntheticAlignmentSet.sentences(Self.english))
    let links = alignment.beads.map { AlignmentLink($0).formatted }
    #expect(
      links == [
        "[0]:[0]", "[1]:[1]", "[2]:[]", "[3]:[2]", "[4, 5]:[3]", "[6]:[4, 5]", "[]:[6]", "[7]:[7]",
        "[8]:[8]",
      ])
  }

  @Test func beadsCoverEverySentenceOnceInOrderWithConfidenceInUnitRange() {
    let set = SyntheticAlignmentSet.generated(count: 150, seed: 3)
    let alignment = Aligner().align(
      SyntheticAlignmentSet.sentences(set.source), SyntheticAlignmentSet.sentences(set.target))
    #expect(alignment.beads.flatMap { Array($0.source) } == Array(set.source.indices))
    #expect(alignment.beads.flatMap { Array($0.target) } == Array(set.target.indices))
    #expect(alignment.beads.allSatisfy { 0...1 ~= $0.confidence })
    #expect(alignment.beads.allSatisfy { !($0.source.isEmpty && $0.target.isEmpty) })
    let score = AlignmentScore(gold: set.gold, hypothesis: AlignmentEvaluation.links(of: alignment))
    #expect(score.strictF1 > 0.9)
    // Wrong beads are on average less confident than right ones.
    let gold = Set(set.gold)
    let right = alignment.beads.filter { gold.contains(AlignmentLink($0)) }.map(\.confidence)
    let wrong = alignment.beads.filter { !gold.contains(AlignmentLink($0)) }.map(\.confidence)
    if !wrong.isEmpty {
      let wrongMean: Double = wrong.reduce(0, +) / Double(wrong.count)
      let rightMean: Double = right.reduce(0, +) / Double(right.count)
      #expect(wrongMean < rightMean)
    }
  }

  @Test func bandedSearchMatchesExhaustiveSearch() {
    let set = SyntheticAlignmentSet.generated(count: 200, seed: 5)
    let source = SyntheticAlignmentSet.sentences(set.source)
    let target = SyntheticAlignmentSet.sentences(set.target)
    let exhaustive = Aligner().alignWithDetails(source, target)
    var configuration = Aligner.Configuration()
    configuration.fullSearchCells = 2_000
    let banded = Aligner(configuration: configuration).alignWithDetails(source, target)
    #expect(banded.details.searchedCells < exhaustive.details.searchedCells / 5)
    let exhaustiveScore = AlignmentScore(
      gold: set.gold, hypothesis: AlignmentEvaluation.links(of: exhaustive.alignment))
    let bandedScore = AlignmentScore(
      gold: set.gold, hypothesis: AlignmentEvaluation.links(of: banded.alignment))
    #expect(bandedScore.strictF1 > exhaustiveScore.strictF1 - 0.02)
  }

  @Test func learnedLexiconImprovesAlignmentWithoutAnchors() {
    let set = SyntheticAlignmentSet.generated(count: 200, seed: 11, anchorShare: 0.01)
    let source = SyntheticAlignmentSet.sentences(set.source)
    let target = SyntheticAlignmentSet.sentences(set.target)
    var configuration = Aligner.Configuration()
    configuration.learnsLexicon = false
    let without = Aligner(configuration: configuration).align(source, target)
    let with = Aligner().alignWithDetails(source, target)
    #expect(!with.details.learnedLexicon.isEmpty)
    let before = AlignmentScore(gold: set.gold, hypothesis: AlignmentEvaluation.links(of: without))
    let after = AlignmentScore(
      gold: set.gold, hypothesis: AlignmentEvaluation.links(of: with.alignment))
    #expect(after.strictF1 > before.strictF1 + 0.05)
  }

  @Test func emptySideGivesOnlySkips() {
    let alignment = Aligner().align(SyntheticAlignmentSet.sentences(["Ein Satz."]), [])
    #expect(alignment.beads.map(\.kind) == ["1-0"])
  }
}

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

  @Test func aLongDocumentSearchedInPiecesAlignsAsWhenSearchedWhole() {
    let set = SyntheticAlignmentSet.generated(count: 3_000, seed: 7)
    let source = SyntheticAlignmentSet.sentences(set.source)
    let target = SyntheticAlignmentSet.sentences(set.target)
    var whole = Aligner.Configuration()
    whole.segmentRows = .max
    var pieces = Aligner.Configuration()
    pieces.segmentRows = 500
    let one = Aligner(configuration: whole).alignWithDetails(source, target)
    let cut = Aligner(configuration: pieces).alignWithDetails(source, target)
    #expect(cut.alignment.beads.flatMap { Array($0.source) } == Array(source.indices))
    #expect(cut.alignment.beads.flatMap { Array($0.target) } == Array(target.indices))
    #expect(cut.alignment.beads.allSatisfy { 0...1 ~= $0.confidence })
    // The same band, cell for cell, cut into pieces: only the search's peak memory differs.
    #expect(abs(cut.details.searchedCells - one.details.searchedCells) < one.details.searchedCells / 50)
    let links = { (alignment: Alignment) in AlignmentEvaluation.links(of: alignment) }
    let score = { AlignmentScore(gold: set.gold, hypothesis: links($0)).strictF1 }
    #expect(score(cut.alignment) > score(one.alignment) - 0.005)
    let same = Set(links(one.alignment)).intersection(links(cut.alignment)).count
    #expect(Double(same) > 0.98 * Double(one.alignment.beads.count))
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

  /// Two German sentences rendered in one short English sentence, then one the English leaves out.
  static let compressedGerman = [
    "Die Staats- und Regierungschefs der Europäischen Union haben am Donnerstag in Brüssel neue "
      + "Hilfen für die Ukraine beschlossen.",
    "Die Entscheidung fiel beim Gipfel des Rates nach stundenlangen Beratungen.",
    "In der Stadt regnete es den ganzen Tag.",
    "Der Kanzler sprach von einem wichtigen Signal.",
  ]
  static let compressedEnglish = [
    "EU leaders agreed new aid for Ukraine in Brussels on Thursday after hours of deliberations "
      + "at a Council summit.",
    "The chancellor spoke of an important signal.",
  ]
  static let compressedDictionary = """
    Entscheidung {f} :: decision
    Gipfel {m} :: summit
    Rat {m} :: council
    Beratung {f} :: deliberation
    stundenlang :: for hours
    Hilfe {f} :: aid
    Stadt {f} :: city
    regnen :: to rain
    Tag {m} :: day
    Kanzler {m} :: chancellor
    wichtig :: important
    Signal {n} :: signal
    """

  /// The links of `german` and `english` aligned with `compressedDictionary` and `scoring` (by
  /// default cheap skips and dear merges, so that the search leaves sentences unaligned), without
  /// and with the bead repair.
  func searchedAndRepaired(
    _ german: [String], _ english: [String],
    scoring: BeadScorer.Parameters = .init(skipCost: 2, mergePenalty: 6)
  ) throws -> (searched: [String], repaired: [String]) {
    let lexicon = try DingDictionary(
      parsing: Document(name: "dictionary.txt", text: Self.compressedDictionary)
    ).germanToEnglish
    var configuration = Aligner.Configuration(lexicon: lexicon, learnsLexicon: false)
    configuration.scoring = scoring
    let source = SyntheticAlignmentSet.sentences(german)
    let target = SyntheticAlignmentSet.sentences(english)
    func links() -> [String] {
      Aligner(configuration: configuration).align(source, target).beads.map {
        AlignmentLink($0).formatted
      }
    }
    configuration.repairsBeads = false
    let searched = links()
    configuration.repairsBeads = true
    return (searched, links())
  }

  @Test func omittedSentenceJoinsTheNeighbourThatRendersIt() throws {
    let links = try searchedAndRepaired(Self.compressedGerman, Self.compressedEnglish)
    #expect(links.searched.contains("[1]:[]"))
    // The rendered sentence joins its neighbour; the one nothing renders stays omitted.
    #expect(links.repaired == ["[0, 1]:[0]", "[2]:[]", "[3]:[1]"])
  }

  @Test func addedSentenceJoinsTheNeighbourThatItRenders() throws {
    let links = try searchedAndRepaired(
      [
        "Die Staats- und Regierungschefs haben in Brüssel neue Hilfen beschlossen, beim Gipfel "
          + "des Rates nach stundenlangen Beratungen.",
        "Der Kanzler sprach von einem wichtigen Signal.",
      ],
      [
        "EU leaders agreed new aid in Brussels.",
        "The decision came at a Council summit after hours of deliberations.",
        "It rained all day in the city.",
        "The chancellor spoke of an important signal.",
      ])
    // The search leaves one of the two English sentences that render German 0 unaligned.
    #expect(links.searched.contains("[]:[0]") || links.searched.contains("[]:[1]"))
    #expect(links.repaired == ["[0]:[0, 1]", "[]:[2]", "[1]:[3]"])
  }

  @Test func twoByTwoBeadThatPairsOffSideBySideIsSplit() throws {
    // Cheap 2-2 beads: the search joins both pairs.
    let scoring = BeadScorer.Parameters(mergePenalty: 0, manyToManyPenalty: -6)
    let sideBySide = try searchedAndRepaired(
      ["Der Kanzler sprach von einem wichtigen Signal.", "In der Stadt regnete es den ganzen Tag."],
      ["The chancellor spoke of an important signal.", "It rained all day in the city."],
      scoring: scoring)
    #expect(sideBySide.searched == ["[0, 1]:[0, 1]"])
    #expect(sideBySide.repaired == ["[0]:[0]", "[1]:[1]"])
    // The first German sentence is also rendered in the second English one: a true 2-2.
    let crossed = try searchedAndRepaired(
      ["Der Kanzler sprach von einem wichtigen Signal.", "In der Stadt regnete es den ganzen Tag."],
      ["The chancellor spoke in the city.", "It rained all day, an important signal."],
      scoring: scoring)
    #expect(crossed.repaired == ["[0, 1]:[0, 1]"])
  }

  @Test func emptySideGivesOnlySkips() {
    let alignment = Aligner().align(SyntheticAlignmentSet.sentences(["Ein Satz."]), [])
    #expect(alignment.beads.map(\.kind) == ["1-0"])
  }
}

import BitextKit
import Foundation
import Testing

/// Meaning as evidence, with vectors made for the test: each sentence of a pair gets its concept's
/// direction, so only the vectors can tell which sentence answers which.
@Suite struct MeaningEvidenceTests {
  /// Sentences of equal length without shared words, numbers or names: lexically indistinct.
  static func sentences(_ prefix: String, _ count: Int) -> [String] {
    (0..<count).map { "\(prefix) \(String(repeating: "x", count: 40)) satz\(prefix)\($0)." }
  }

  /// A unit vector of `dimension` components pointing mostly along `concept`.
  static func vector(concept: Int, dimension: Int = 32) -> [Float] {
    (0..<dimension).map { $0 == concept ? 1 : 0.05 }
  }

  /// A German–English aligner with `vectors` as its embedder; with `summingRunsOf`, each run of two
  /// neighbouring lines of those lists that `vectors` lacks gets the sum of its lines' vectors.
  static func aligner(_ vectors: [String: [Float]], summingRunsOf lists: [[String]] = [])
    -> Aligner
  {
    var vectors = vectors
    for lines in lists {
      for i in lines.indices.dropLast() where vectors[lines[i] + " " + lines[i + 1]] == nil {
        vectors[lines[i] + " " + lines[i + 1]] = zip(vectors[lines[i]]!, vectors[lines[i + 1]]!)
          .map { $0 + $1 }
      }
    }
    return Aligner(
      configuration: .init(sourceLanguage: .german, targetLanguage: .english),
      embedder: VectorTable(vectors))
  }

  /// The links of `aligner`'s alignment of two line lists.
  static func links(_ aligner: Aligner, _ source: [String], _ target: [String]) -> [String] {
    aligner.align(
      SyntheticAlignmentSet.sentences(source), SyntheticAlignmentSet.sentences(target)
    ).beads.map { AlignmentLink($0).formatted }
  }

  @Test func meaningFindsAnOmissionThatLengthAloneCannotPlace() throws {
    let source = Self.sentences("quelle", 12)
    var target = Self.sentences("ziel", 12)
    target.remove(at: 5)
    var vectors: [String: [Float]] = [:]
    for (i, text) in source.enumerated() { vectors[text] = Self.vector(concept: i) }
    for (j, text) in target.enumerated() { vectors[text] = Self.vector(concept: j < 5 ? j : j + 1) }
    let links = Self.links(Self.aligner(vectors), source, target)
    let expected =
      (0..<5).map { "[\($0)]:[\($0)]" } + ["[5]:[]"] + (6..<12).map { "[\($0)]:[\($0 - 1)]" }
    #expect(links == expected)
  }

  @Test func aRunEmbeddedAsOneTextMatchesTheSentenceThatTranslatesIt() throws {
    // Source 2 and 3 are translated by target 2 alone, as short as one of them: only the run
    // "2 3", embedded as one text, has target 2's meaning.
    let source = Self.sentences("quelle", 6)
    let target = Self.sentences("ziel", 5)
    var vectors: [String: [Float]] = [:]
    for (i, text) in source.enumerated() { vectors[text] = Self.vector(concept: i) }
    vectors[source[2] + " " + source[3]] = Self.vector(concept: 20)
    for (j, text) in target.enumerated() {
      vectors[text] = Self.vector(concept: j == 2 ? 20 : j < 2 ? j : j + 1)
    }
    let aligner = Self.aligner(vectors)
    let links = Self.links(aligner, source, target)
    #expect(links == ["[0]:[0]", "[1]:[1]", "[2, 3]:[2]", "[4]:[3]", "[5]:[4]"])
    // Without the run's own vector (overlaps of one sentence), its sentences' sum is all there is.
    var single = aligner
    single.configuration.overlapLimit = 1
    #expect(Self.links(single, source, target) != links)
  }

  @Test func aSentenceThatAddsNoMeaningToItsBeadIsSetApart() throws {
    // Source 4 and 5 are each half as long as the others, and target 4 translates source 5 only:
    // the search joins the short source 4 to a neighbour's bead. Its meaning is elsewhere
    // (concept 30): that bead's side is closer to its translation without it, so it is set apart.
    let long = Self.sentences("quelle", 10)
    var source = Array(long[0..<4]) + ["quelle kurz satzquellea.", "quelle kurz satzquelleb."]
    source += long[6..<10]
    let target = Self.sentences("ziel", 9)
    var vectors: [String: [Float]] = [:]
    for (i, text) in source.enumerated() { vectors[text] = Self.vector(concept: i == 4 ? 30 : i) }
    for (j, text) in target.enumerated() { vectors[text] = Self.vector(concept: j < 4 ? j : j + 1) }
    var aligner = Self.aligner(vectors, summingRunsOf: [source])
    let links = Self.links(aligner, source, target)
    #expect(links.contains("[4]:[]"))
    #expect(links.contains("[5]:[4]"))
    aligner.configuration.repairsBeads = false
    let searched = Self.links(aligner, source, target)
    #expect(searched.contains("[3, 4]:[3]") || searched.contains("[4, 5]:[4]"))
  }

  @Test func aRunOfSentencesThatAddsNoMeaningToItsBeadIsSetApartAsAWhole() throws {
    // Two short target lines after target 3 translate nothing: a line of debris (concept 30) and
    // a caption half about target 3's subject (concepts 3 and 31). The search joins both to
    // bead 3. Setting the caption apart alone takes the bead further from its translation; the
    // two together bring it back, so both are set apart.
    let source = Self.sentences("quelle", 8)
    let long = Self.sentences("ziel", 8)
    let target = Array(long[0...3]) + ["ziel kurz a.", "ziel kurz b."] + long[4...]
    var vectors: [String: [Float]] = [:]
    for (i, text) in source.enumerated() { vectors[text] = Self.vector(concept: i) }
    for (j, text) in long.enumerated() { vectors[text] = Self.vector(concept: j) }
    vectors[target[4]] = Self.vector(concept: 30)
    vectors[target[5]] = zip(Self.vector(concept: 3), Self.vector(concept: 31)).map { $0 + $1 }
    var aligner = Self.aligner(vectors, summingRunsOf: [source, target])
    let links = Self.links(aligner, source, target)
    #expect(links.contains("[3]:[3]"))
    #expect(links.contains("[]:[4]"))
    #expect(links.contains("[]:[5]"))
    aligner.configuration.repairsBeads = false
    #expect(Self.links(aligner, source, target).contains("[3]:[3, 4, 5]"))
  }

  @Test func aTwoByTwoBeadWhoseSentencesPairOffInMeaningIsSplit() throws {
    // Sentences 2 and 3 of each side match only loosely one by one (most of their meaning is
    // their own, concepts 21–24), and each side's run of the two has one meaning (concept 20): the
    // search joins them into a 2-2 bead. But source 2 is plainly closer to target 2 than to
    // target 3, and source 3 to target 3: the bead pairs off side by side and is split.
    let source = Self.sentences("quelle", 6)
    let target = Self.sentences("ziel", 6)
    func mixed(_ concept: Int, _ own: Int) -> [Float] {
      zip(Self.vector(concept: concept), Self.vector(concept: own)).map { $0 + 3 * $1 }
    }
    var vectors: [String: [Float]] = [:]
    for (i, text) in source.enumerated() { vectors[text] = Self.vector(concept: i) }
    for (j, text) in target.enumerated() { vectors[text] = Self.vector(concept: j) }
    (vectors[source[2]], vectors[source[3]]) = (mixed(2, 21), mixed(3, 22))
    (vectors[target[2]], vectors[target[3]]) = (mixed(2, 23), mixed(3, 24))
    vectors[source[2] + " " + source[3]] = Self.vector(concept: 20)
    vectors[target[2] + " " + target[3]] = Self.vector(concept: 20)
    var aligner = Self.aligner(vectors, summingRunsOf: [source, target])
    // Every run embedded: the lexical pass, blind here, is sure of nothing.
    aligner.configuration.runConfidence = nil
    #expect(Self.links(aligner, source, target) == (0..<6).map { "[\($0)]:[\($0)]" })
    aligner.configuration.repairsBeads = false
    #expect(Self.links(aligner, source, target).contains("[2, 3]:[2, 3]"))
  }

  @Test func aSentenceAtABeadBoundaryMovesToTheBeadItMeans() throws {
    // Target 3, short, ends source 2's translation (concept 2). A paragraph break before it, where
    // the source breaks only after sentence 2, makes the search give it to bead 3, and a year that
    // sources 2 and 3 both name keeps it from being set apart there. Its meaning is source 2's:
    // it moves back across the boundary.
    var source = Self.sentences("quelle", 6)
    for i in 2...3 { source[i] = "quelle \(String(repeating: "x", count: 35)) 1957 satzquelle\(i)." }
    let long = Self.sentences("ziel", 6)
    let target = Array(long[0...2]) + ["ziel 1957 ende."] + long[3...]
    var vectors: [String: [Float]] = [:]
    for (i, text) in source.enumerated() { vectors[text] = Self.vector(concept: i) }
    for (j, text) in target.enumerated() {
      vectors[text] = Self.vector(concept: j <= 3 ? min(j, 2) : j - 1)
    }
    var aligner = Self.aligner(vectors, summingRunsOf: [source, target])
    aligner.configuration.runConfidence = nil
    func paragraphs(_ lines: [String]) -> [Sentence] {
      SyntheticAlignmentSet.sentences(lines).enumerated().map {
        var sentence = $1
        sentence.paragraph = $0 < 3 ? 0 : 1
        return sentence
      }
    }
    let (german, english) = (paragraphs(source), paragraphs(target))
    func links(_ aligner: Aligner) -> [String] {
      aligner.align(german, english).beads.map { AlignmentLink($0).formatted }
    }
    #expect(links(aligner) == ["[0]:[0]", "[1]:[1]", "[2]:[2, 3]", "[3]:[4]", "[4]:[5]", "[5]:[6]"])
    aligner.configuration.repairsBeads = false
    #expect(links(aligner).contains("[3]:[3, 4]"))
  }

  @Test func anOmissionBesideAnAdditionIsNotPairedWithIt() throws {
    // Source 4's translation is missing, and target 4 is added in its place (about what target
    // 3 says, concept 3, more than about anything else). Leaving both alone costs more than
    // pairing them, so the search pairs them (with their neighbours, a 2-2 bead that the other
    // repairs split into 1-1); but each is closer to a neighbour than to the other, and nothing
    // else ties them: an omission and an addition.
    var source = Self.sentences("quelle", 8)
    var target = Self.sentences("ziel", 8)
    // Their filler is their own: no word in common.
    source[4] = "quelle \(String(repeating: "y", count: 40)) satzquelle4."
    target[4] = "ziel \(String(repeating: "z", count: 40)) satzziel4."
    var vectors: [String: [Float]] = [:]
    for (i, text) in source.enumerated() { vectors[text] = Self.vector(concept: i) }
    for (j, text) in target.enumerated() { vectors[text] = Self.vector(concept: j) }
    vectors[source[4]] = Self.vector(concept: 20)
    vectors[target[4]] = zip(Self.vector(concept: 21), Self.vector(concept: 3)).map {
      $0 + 0.5 * $1
    }
    var aligner = Self.aligner(vectors, summingRunsOf: [source, target])
    aligner.configuration.runConfidence = nil
    let links = Self.links(aligner, source, target)
    #expect(links.contains("[4]:[]"))
    #expect(links.contains("[]:[4]"))
    let others = (0..<8).filter { $0 != 4 }.map { "[\($0)]:[\($0)]" }
    #expect(links.filter { $0 != "[4]:[]" && $0 != "[]:[4]" } == others)
    aligner.configuration.repairsBeads = false
    #expect(!Self.links(aligner, source, target).contains("[4]:[]"))
  }

  @Test func aPlanWithRunStartsEmbedsOnlyThoseRuns() {
    let sentences = SyntheticAlignmentSet.sentences(["A.", "B.", "C.", "D."])
    let plan = SentenceVectors.Plan(sentences, overlapLimit: 2, runStarts: [1, 3])
    #expect(plan.texts == ["A.", "B.", "C.", "D.", "B. C."])
  }

  @Test func runsAreEmbeddedOnlyWhereTheLexicalAlignmentIsUnsure() throws {
    let source = SentenceSplitter(language: .german).split(
      try TextReader.read(path: SegmentationFixtures.path("ukraine-nato.de.txt")))
    let target = SentenceSplitter(language: .english).split(
      try TextReader.read(path: SegmentationFixtures.path("ukraine-nato.en.txt")))
    let aligner = Aligner(configuration: .init(sourceLanguage: .german, targetLanguage: .english))
    var everyRun = aligner
    everyRun.configuration.runConfidence = nil
    let (unsure, all) = (aligner.plans(source, target), everyRun.plans(source, target))
    let runs = { (plan: SentenceVectors.Plan) in plan.texts.count - plan.sentenceCount }
    #expect(unsure.source.sentenceCount == source.count)
    #expect(runs(unsure.source) < runs(all.source))
    #expect(runs(unsure.target) < runs(all.target))
    // The fixture's planted merge (two German sentences in one English one) is where a run's own
    // vector is needed.
    let merged = try #require(
      aligner.align(source, target).beads.first { $0.source.count == 2 && $0.target.count == 1 })
    #expect(unsure.source.texts.contains(source[merged.source].map(\.text).joined(separator: " ")))
  }

  @Test func runsAcrossAParagraphBreakAreNotEmbedded() {
    let sentences = SyntheticAlignmentSet.sentences(["A.", "B.", "C."]).enumerated().map {
      var sentence = $1
      sentence.paragraph = $0 < 2 ? 0 : 1
      return sentence
    }
    let plan = SentenceVectors.Plan(sentences, overlapLimit: 3)
    #expect(plan.texts == ["A.", "B.", "C.", "A. B."])
  }

  @Test func aVectorTableReadsItsFileAndReportsAMalformedLine() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bitext-vectors-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = directory.appendingPathComponent("good.tsv").path
    try "Ein Satz.\t0.6 0.8\nZwei.\t1 0\n".write(toFile: good, atomically: true, encoding: .utf8)
    let table = try VectorTable(contentsOf: good)
    #expect(table.dimension == 2)
    #expect(table.vector(for: "Ein Satz.") == [0.6, 0.8])
    #expect(table.missing(["Ein Satz.", "Drei."]) == 1)
    let bad = directory.appendingPathComponent("bad.tsv").path
    try "Ein Satz.\t0.6 0.8\nZwei.\t1 0 0\n".write(toFile: bad, atomically: true, encoding: .utf8)
    #expect {
      try VectorTable(contentsOf: bad)
    } throws: { error in
      "\(error)" == "\(bad):2:1: the vector's length differs"
    }
  }
}

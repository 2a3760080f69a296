import BitextKit
import Foundation
import Testing

/// Term candidates, termhood, compound renderings and the extraction metric, on small texts.
@Suite struct GlossaryExtractionTests {
  /// German and English lines aligned one to one.
  func aligned(_ german: [String], _ english: [String]) -> (Alignment, Document, Document) {
    let source = Document(name: "de.txt", text: german.joined(separator: "\n") + "\n")
    let target = Document(name: "en.txt", text: english.joined(separator: "\n") + "\n")
    let sourceSentences = SentenceSplitter.lines(of: source)
    let alignment = Alignment(
      source: sourceSentences, target: SentenceSplitter.lines(of: target),
      beads: sourceSentences.indices.map {
        AlignmentBead(source: $0..<$0 + 1, target: $0..<$0 + 1, confidence: 0.9)
      })
    return (alignment, source, target)
  }

  func candidates(_ german: [String]) -> [TermCandidate] {
    let document = Document(name: "de.txt", text: german.joined(separator: "\n") + "\n")
    return CandidateExtractor().candidates(in: SentenceSplitter.lines(of: document), of: document)
  }

  // MARK: - Candidates

  @Test func inflectedFormsAreOneCandidateShownInTheCommonerForm() throws {
    let found = candidates([
      "Die Truppen kamen.", "Er sah die Truppen.", "Sie lobte die Truppe.",
    ])
    let troops = try #require(found.first { $0.forms.keys.contains("Truppe") })
    #expect(troops.forms == ["Truppen": 2, "Truppe": 1])
    #expect(troops.text == "Truppen")
    #expect(troops.sentences == [0, 1, 2])
    let extractor = CandidateExtractor()
    #expect(extractor.key(of: "die Truppen") == extractor.key(of: "Truppe"))
  }

  @Test func coordinatedCompoundsAreOneTerm() {
    let found = candidates(["Ein Treffen der Staats- und Regierungschefs fand statt."])
    #expect(
      found.contains { $0.text == "Staats- und Regierungschefs" && $0.kind == .coordinatedCompound }
    )
    #expect(!found.contains { $0.text.hasPrefix("Staats") && $0.kind != .coordinatedCompound })
  }

  @Test func sentenceStartsHeadingsAndNameAdjectivesAreNotNouns() {
    let found = candidates([
      "Allein die Gegenoffensive zählt.", "UKRAINE-STRATEGIE?",
      "Die Vereinigten Staaten und die Gegenoffensive.",
    ])
    let texts = Set(found.map(\.text))
    #expect(texts.contains("Gegenoffensive"))
    #expect(!texts.contains("Allein"))  // capitalised only because it starts a sentence
    #expect(!texts.contains { $0.uppercased() == $0 && $0.contains("STRATEGIE") })
    #expect(texts.contains("Vereinigten Staaten"))
    #expect(!texts.contains("Vereinigten"))
  }

  /// An adjective + noun phrase counts when it recurs; one seen once is left to its noun.
  @Test func adjectiveNounPhrasesRecurAndHyphenatedCompoundsAreOneWord() {
    let found = candidates([
      "Er sprach über die russischen Truppen und die NATO-Truppen.",
      "Die russischen Truppen zogen ab, die stark eingegrabenen Linien blieben.",
    ])
    #expect(
      found.contains {
        $0.text == "russischen Truppen" && $0.kind == .adjectiveNoun && $0.count == 2
      })
    #expect(!found.contains { $0.text == "eingegrabenen Linien" })
    #expect(found.contains { $0.text == "Linien" && $0.kind == .noun })
    #expect(found.contains { $0.text == "NATO-Truppen" && $0.kind == .hyphenated })
    #expect(found.contains { $0.text == "NATO-Truppen" && $0.wordCount == 1 })
  }

  // MARK: - Termhood

  @Test func specialisedTermsOutrankGeneralWordsWithAndWithoutAList() {
    let list = GeneralFrequency(zipf: ["jahr": 5.84, "gegenoffensive": 2.44])
    for termhood in [Termhood(frequencies: list), Termhood()] {
      let term = termhood.score(text: "Gegenoffensive", count: 1, wordCount: 1)
      let word = termhood.score(text: "Jahr", count: 2, wordCount: 1)
      #expect(term > word)
    }
    // With a list, an acronym is not the common word it spells.
    let acronym = Termhood(frequencies: GeneralFrequency(zipf: ["ist": 7.0]))
    #expect(
      acronym.score(text: "IST", count: 1, wordCount: 1, isAcronym: true)
        > acronym.score(text: "ist", count: 1, wordCount: 1))
  }

  @Test func aWordMisspeltByOneMissingLetterIsAsCommonAsTheWordItMisspells() {
    let list = GeneralFrequency(zipf: ["österreichs": 4.1, "österreich": 5.0, "jahr": 5.84])
    #expect(list.frequency(of: "Östereichs") == 4.1)
    #expect(list.frequency(of: "Österreichs") == 4.1)
    // Two letters away, or too short to tell a typo from another word: unlisted.
    #expect(list.frequency(of: "Östreichs") == GeneralFrequency.unlisted)
    #expect(list.frequency(of: "Jah") == GeneralFrequency.unlisted)
    let termhood = Termhood(frequencies: list)
    #expect(
      termhood.score(text: "Östereichs", count: 1, wordCount: 1)
        < termhood.score(text: "Gegenoffensive", count: 1, wordCount: 1))
  }

  @Test func frequencyListIsReadAndAMalformedLineIsNamed() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-wordfreq-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = folder.appendingPathComponent("good.tsv").path
    try Data("# comment\njahr\t5.84\nGegenoffensive\t2.44\n".utf8).write(
      to: URL(fileURLWithPath: good))
    let list = try GeneralFrequency(contentsOf: good)
    #expect(list.frequency(of: "Jahr") == 5.84)
    #expect(list.frequency(of: "unbekanntwort") == GeneralFrequency.unlisted)
    let bad = folder.appendingPathComponent("bad.tsv").path
    try Data("jahr\t5.84\njahr 5.84\n".utf8).write(to: URL(fileURLWithPath: bad))
    #expect(throws: InputError.self) { try GeneralFrequency(contentsOf: bad) }
    do {
      _ = try GeneralFrequency(contentsOf: bad)
    } catch {
      #expect(error.description.hasPrefix("\(bad):2:1: "))
    }
    #expect(GeneralFrequency.locate(environment: ["BITEXT_WORDFREQ": good]) == good)
    #expect(GeneralFrequency.locate(environment: ["HOME": folder.path]) == nil)
  }

  // MARK: - Renderings

  /// A lexicon of stems, as the dictionary gives them.
  func lexicon(_ pairs: [(String, String)]) -> BilingualLexicon {
    let german = Stemmer(language: .german)
    let english = Stemmer(language: .english)
    var lexicon = BilingualLexicon()
    for (source, target) in pairs {
      lexicon.add(
        source: german?.stem(source) ?? source, target: english?.stem(target) ?? target)
    }
    return lexicon
  }

  @Test func compoundIsRenderedThroughItsParts() throws {
    let (alignment, source, target) = aligned(
      ["Die Globalschätzung steigt."], ["The global estimate rises."])
    let extractor = GlossaryExtractor(
      configuration: .init(lexicon: lexicon([("global", "global"), ("schätzung", "estimate")])))
    let glossary = extractor.extract(alignment, source: source, target: target)
    let term = try #require(glossary.terms.first { $0.text == "Globalschätzung" })
    #expect(term.renderings.map(\.name) == ["global estimate"])
    // Without the dictionary there is nothing to render it with.
    let bare = GlossaryExtractor().extract(alignment, source: source, target: target)
    #expect(bare.terms.first { $0.text == "Globalschätzung" }?.renderings.isEmpty == true)
  }

  @Test func aRenderingLosesEdgeWordsThatTranslateAnotherWordOfTheSentence() throws {
    // "religious" stands beside "gatherings" in both beads that have "Versammlungen", so the
    // lexicon learned from the alignment gives it for "Versammlungen" too; the dictionary gives it
    // for "religiöse", outside the term.
    var german = ["Religiöse Versammlungen wurden verboten.", "Religiöse Versammlungen sind frei."]
    var english = ["Religious gatherings were banned.", "Religious gatherings are free."]
    for number in 1...20 {
      german.append("Der Bericht \(number) folgt.")
      english.append("Report \(number) follows.")
    }
    let (alignment, source, target) = aligned(german, english)
    let extractor = GlossaryExtractor(
      configuration: .init(
        lexicon: lexicon([("versammlung", "gathering"), ("religiös", "religious")])))
    let glossary = extractor.extract(alignment, source: source, target: target)
    let term = try #require(glossary.terms.first { $0.text == "Versammlungen" })
    #expect(term.renderings.map(\.name) == ["gatherings"])
  }

  @Test func aTermMisspeltByOneMissingLetterIsCountedAsTheTermAndNoted() throws {
    let (alignment, source, target) = aligned(
      [
        "Die Innovationsleistung stieg.", "Die Innovationsleistung fiel.",
        "Die Innovtionsleistung blieb.", "Die Staaten stritten.", "Die Staaten einigten sich.",
        "Die Insel heißt Staten.",
      ],
      [
        "Innovation performance rose.", "Innovation performance fell.",
        "Innovation performance stayed.", "The states argued.", "The states agreed.",
        "The island is called Staten.",
      ])
    let list = GeneralFrequency(zipf: ["staaten": 5.0, "staten": 2.0, "die": 7.0])
    let extractor = GlossaryExtractor(
      configuration: .init(
        lexicon: lexicon([("innovation", "innovation"), ("leistung", "performance")]),
        termhood: Termhood(frequencies: list)))
    let glossary = extractor.extract(alignment, source: source, target: target)
    let term = try #require(glossary.terms.first { $0.text == "Innovationsleistung" })
    #expect(term.count == 3)
    #expect(term.misspellings == ["Innovtionsleistung"])
    #expect(term.renderings.map(\.count) == [3])
    #expect(!glossary.terms.contains { $0.text == "Innovtionsleistung" })
    let entry = try #require(
      glossary.glossary.entries.first { $0.terms.first?.text == "Innovationsleistung" })
    #expect(entry.note?.contains("misspelt as Innovtionsleistung") == true)
    // A word of the general-language list ("Staten") is a word, not a typo of a longer one
    // ("Staaten").
    #expect(glossary.terms.contains { $0.text == "Staten" })
    #expect(glossary.terms.first { $0.text == "Staaten" }?.misspellings == [])
  }

  @Test func anAcronymTheTranslationReplacesIsRenderedByTheTargetsOwnAcronym() throws {
    let (alignment, source, target) = aligned(
      [
        "Das Ministerium fördert IKT in der EU.", "Der IWF und die EU warnten im Teil II.",
        "Die WHO und die UNO berieten.", "Die EZB und die BoE senkten.",
      ],
      [
        "The ministry funds ICT in the EU.", "The IMF and the EU warned in part II.",
        "The WHO and the UN met.", "The ECB and the BOE cut.",
      ])
    let glossary = GlossaryExtractor().extract(alignment, source: source, target: target)
    func renderings(_ term: String) -> [String]? {
      glossary.terms.first { $0.text == term }?.renderings.map(\.name)
    }
    // "EU" is in both sentences and "II" is a number: the target has one acronym of its own.
    #expect(renderings("IKT") == ["ICT"])
    #expect(renderings("IWF") == ["IMF"])
    // "WHO" is kept as written, which leaves "UN" for "UNO".
    #expect(renderings("WHO") == ["WHO"])
    #expect(renderings("UNO") == ["UN"])
    // Two acronyms of the target's own: no guess.
    #expect(renderings("EZB") == [])
  }

  @Test func namesAreRenderedBySpellingAndInconsistencyIsFlagged() throws {
    let (alignment, source, target) = aligned(
      [
        "Kreml-Sprecher Dmitri Peskow sprach.", "Die Truppen kamen.", "Die Truppen gingen.",
        "Die Truppen blieben.",
      ],
      [
        "Kremlin speaker Dmitry Peskov spoke.", "The troops came.", "The troops left.",
        "The forces stayed.",
      ])
    let extractor = GlossaryExtractor(
      configuration: .init(
        lexicon: lexicon([
          ("kreml", "kremlin"), ("sprecher", "speaker"), ("truppe", "troops"),
          ("truppe", "forces"),
        ])))
    let glossary = extractor.extract(alignment, source: source, target: target)
    let name = try #require(glossary.terms.first { $0.text == "Kreml-Sprecher Dmitri Peskow" })
    #expect(name.renderings.map(\.name) == ["Kremlin speaker Dmitry Peskov"])
    let troops = try #require(glossary.terms.first { $0.text == "Truppen" })
    #expect(!troops.isConsistent)
    #expect(troops.renderings.map(\.name) == ["troops", "forces"])
    #expect(troops.renderings.map(\.count) == [2, 1])
    #expect(troops.renderings.map(\.sentences) == [[1, 2], [3]])
    // As a glossary: the commoner rendering preferred, the other admitted.
    let entry = try #require(glossary.glossary.entries.first { $0.terms.first?.text == "Truppen" })
    #expect(entry.terms.map(\.status) == [.preferred, .preferred, .admitted])
  }

  /// The extracted glossary as TBX keeps the TBX-Basic rules and reads back whole (terms,
  /// statuses, notes), a known entry included.
  @Test func extractedTBXKeepsTheRulesAndReadsBack() throws {
    let (alignment, source, target) = aligned(
      ["Die Truppen kamen & gingen.", "Die Truppen blieben.", "Die NATO wuchs."],
      ["The troops came & went.", "The forces stayed.", "NATO grew."])
    let known = Glossary(entries: [
      GlossaryEntry(
        id: "nato",
        terms: [
          Term("NATO", language: .german, isCaseSensitive: true),
          Term("NATO", language: .english, isCaseSensitive: true),
          Term("Nato", language: .english, status: .deprecated),
        ])
    ])
    let extractor = GlossaryExtractor(
      configuration: .init(
        lexicon: lexicon([("truppe", "troops"), ("truppe", "forces")]), known: known))
    let glossary = extractor.extract(alignment, source: source, target: target).glossary
    let tbx = glossary.rendered(as: .tbx)
    #expect(TBXBasicRules.violations(in: tbx) == [])
    let back = try TBXReader.read(Document(name: "x.tbx", text: tbx))
    #expect(back.entries.map(\.id) == glossary.entries.map(\.id))
    let nato = try #require(back.entries.first { $0.id == "nato" })
    #expect(nato.terms.map(\.status) == [.preferred, .preferred, .deprecated])
    #expect(nato.note?.contains("known entry nato") == true)
  }

  // MARK: - Metric

  @Test func evaluationCountsFoundTermsAndRightRenderings() throws {
    let (alignment, source, target) = aligned(
      ["Die Globalschätzung steigt.", "Die NATO wächst."],
      ["The global estimate rises.", "NATO grows."])
    let extractor = GlossaryExtractor(
      configuration: .init(lexicon: lexicon([("global", "global"), ("schätzung", "estimate")])))
    let glossary = extractor.extract(alignment, source: source, target: target)
    let evaluation = TermExtractionEvaluation(gold: [
      .init(german: "Die Globalschätzung", english: "Global-Estimate"),  // found, right
      .init(german: "NATO", english: "North Atlantic Treaty Organization"),  // found, wrong
      .init(german: "Haushalt", english: "budget"),  // not found
      .init(german: "NATO", english: "North Atlantic Treaty Organization"),  // a repeat
    ])
    let score = evaluation.score(glossary, extractor: CandidateExtractor())
    #expect(score.goldPairs == 3)
    #expect(score.cut == 6)
    #expect(score.found == 2)
    #expect(score.right == 1)
    #expect(score.missed.map(\.german) == ["Haushalt"])
  }

  @Test func goldPairsWrittenInNoneOfTheirLinesAreCounted() {
    typealias Pair = TermExtractionEvaluation.Pair
    let rezession = Pair(german: "Jahr Rezessionsjahr", english: "recession year")
    let nato = Pair(german: "NATO", english: "NATO")
    let unwritten = TermExtractionEvaluation.unwritten(
      [[rezession, nato], [nato]],
      lines: ["Im Rezessionsjahr 2009 sank die NATO-Quote.", "Die NATO tagt."])
    #expect(unwritten == [rezession])
  }

  @Test func goldPairsWithoutATermsShapeAreCounted() {
    typealias Pair = TermExtractionEvaluation.Pair
    let pairs = [
      Pair(german: "meldete", english: "reported"), Pair(german: ", die", english: "who"),
      Pair(german: "öffentliche Beschaffung", english: "public procurement"),
      Pair(german: "Gegenoffensive", english: "counteroffensive"),
      Pair(german: "2015", english: "2015"),
    ]
    #expect(
      TermExtractionEvaluation.termless(pairs).map(\.german).sorted() == [", die", "meldete"])
  }
}

import BitextKit
import Testing

/// The checks of `bitext check` on small hand-aligned texts (one sentence a line, beads given).
@Suite struct TranslationCheckerTests {
  static let glossary = Glossary(
    sourceLanguage: .german, targetLanguage: .english,
    entries: [
      GlossaryEntry(
        id: "truppe",
        terms: [
          Term("Truppe", language: .german), Term("troops", language: .english),
          Term("forces", language: .english),
        ]),
      GlossaryEntry(
        id: "kreml-sprecher",
        terms: [
          Term("Kreml-Sprecher", language: .german),
          Term("Kremlin spokesman", language: .english),
          Term("Kremlin speaker", language: .english, status: .deprecated),
        ]),
      GlossaryEntry(
        id: "kreml",
        terms: [Term("Kreml", language: .german), Term("Kremlin", language: .english)]),
      GlossaryEntry(
        id: "gegenoffensive",
        terms: [
          Term("Gegenoffensive", language: .german),
          Term("counteroffensive", language: .english),
          Term("counter-offensive", language: .english, status: .admitted),
        ]),
      GlossaryEntry(
        id: "arsenal",
        terms: [Term("Arsenal", language: .german), Term("arsenal", language: .english)]),
      GlossaryEntry(
        id: "usa",
        terms: [
          Term("USA", language: .german, isCaseSensitive: true),
          Term("United States", language: .english),
          Term("U.S.", language: .english, isCaseSensitive: true),
        ]),
    ])

  /// Checks German and English lines aligned by `beads` (default: 1-1 in order).
  func check(
    _ german: [String], _ english: [String], beads: [AlignmentBead]? = nil,
    lexicon: BilingualLexicon = BilingualLexicon()
  ) -> [Finding] {
    let source = Document(name: "de.txt", text: german.joined(separator: "\n") + "\n")
    let target = Document(name: "en.txt", text: english.joined(separator: "\n") + "\n")
    let sourceSentences = SentenceSplitter.lines(of: source)
    let targetSentences = SentenceSplitter.lines(of: target)
    let beads =
      beads
      ?? sourceSentences.indices.map {
        AlignmentBead(source: $0..<$0 + 1, target: $0..<$0 + 1, confidence: 0.9)
      }
    let alignment = Alignment(source: sourceSentences, target: targetSentences, beads: beads)
    let checker = TranslationChecker(
      configuration: .init(glossary: Self.glossary, lexicon: lexicon))
    return checker.check(alignment, source: source, target: target)
  }

  func kinds(_ findings: [Finding]) -> [Finding.Kind] { findings.map(\.kind) }

  // MARK: - Terminology

  @Test func acceptedRenderingsPass() {
    let findings = check(
      ["Die Truppen kehrten zurück.", "Die Gegenoffensive begann.", "Der Kreml-Sprecher schwieg."],
      ["The troops returned.", "The counter-offensive began.", "The Kremlin spokesman was silent."])
    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  @Test func missingTermReportsWhatTheDictionaryFinds() throws {
    var lexicon = BilingualLexicon()
    lexicon.add(source: "gegenoffensiv", target: "counterattack")
    lexicon.add(source: "gegenoffensiv", target: "counter")
    lexicon.add(source: "gegenoffensiv", target: "attack")
    let findings = check(
      ["Die Gegenoffensive scheiterte."], ["The counter-attack failed."], lexicon: lexicon)
    let finding = try #require(findings.first)
    #expect(kinds(findings) == [.termMissing])
    #expect(finding.severity == .warning)
    #expect(finding.term == "Gegenoffensive")
    #expect(finding.expected == ["counteroffensive", "counter-offensive"])
    #expect(finding.found == ["counter-attack"])
    #expect(finding.sourceSentences == [0] && finding.targetSentences == [0])
  }

  @Test func forbiddenTermReplacesTermMissing() throws {
    let findings = check(["Das sagte Kreml-Sprecher Peskow."], ["Kremlin speaker Peskov said so."])
    #expect(kinds(findings) == [.forbiddenTerm])
    let finding = try #require(findings.first)
    #expect(finding.severity == .error)
    #expect(finding.found == ["Kremlin speaker"])
    #expect(finding.expected == ["Kremlin spokesman"])
  }

  @Test func aTermInsideALongerRenderingCounts() {
    // "Kreml" is rendered by the "Kremlin" inside "Kremlin spokesman".
    #expect(check(["Der Kreml schwieg."], ["The Kremlin spokesman was silent."]).isEmpty)
  }

  @Test func compoundHeadsAreNotCheckedForRenderings() {
    // "Arsenal" is the head of "Atomwaffenarsenale", rendered by "stockpiles": no finding.
    #expect(check(["Die Atomwaffenarsenale wachsen."], ["The nuclear stockpiles grow."]).isEmpty)
    // As a word of its own it is checked.
    #expect(kinds(check(["Das Arsenal wächst."], ["The stockpile grows."])) == [.termMissing])
  }

  @Test func inconsistentRenderingIsOneFindingPerTerm() throws {
    let findings = check(
      [
        "Die Truppen kamen.", "Die Truppen blieben.", "Die Truppen gingen.", "Die Truppen siegten.",
      ],
      ["The troops came.", "The troops stayed.", "The forces left.", "The forces won."])
    #expect(kinds(findings) == [.inconsistentRendering])
    let finding = try #require(findings.first)
    #expect(finding.term == "Truppe")
    #expect(finding.expected == ["troops"])
    #expect(finding.found == ["forces"])
    #expect(finding.sourceSentences == [2, 3])
  }

  @Test func spellingVariantsAndAcronymsAreNotInconsistent() {
    let findings = check(
      [
        "Die Gegenoffensive begann.", "Die Gegenoffensive endete.", "Die USA halfen.",
        "Die USA zahlten.",
      ],
      [
        "The counteroffensive began.", "The counter-offensive ended.", "The United States helped.",
        "The U.S. paid.",
      ])
    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  // MARK: - Numbers

  @Test(arguments: [
    ("Es kostete 1.000 Euro.", "It cost 1,000 euros."),
    ("Die Rate lag bei 3,5 Prozent.", "The rate was 3.5 percent."),
    ("Es waren 2,5 Milliarden Euro.", "It was 2.5 billion euros."),
    ("Es waren 2.500.000 Menschen.", "There were 2.5 million people."),
    ("Sie kamen 3 Mal.", "They came three times."),
    ("Am 24.02.2022 begann es.", "It began on February 24, 2022."),
    ("Um 14.30 Uhr begann es.", "It began at 2:30 pm."),
    ("In den 1990er Jahren war das so.", "In the 1990s it was so."),
  ])
  func equalNumbersPass(german: String, english: String) {
    #expect(check([german], [english]).isEmpty)
  }

  @Test func differentNumberIsAnError() throws {
    let findings = check(["Vor 32 Jahren und 1991."], ["33 years ago and in 1991."])
    #expect(kinds(findings) == [.numberMismatch])
    let finding = try #require(findings.first)
    #expect(finding.severity == .error)
    #expect(finding.term == "32")
    #expect(finding.found == ["33"])
  }

  // MARK: - Untranslated

  @Test func untranslatedSentenceIsReportedAndNotTermChecked() throws {
    let german = "Peskow sagte, die Truppen sollten sich fragen, ob das 32 Jahre dauere."
    let findings = check([german], [german])
    #expect(kinds(findings) == [.untranslated])
    #expect(try #require(findings.first).targetSentences == [0])
  }

  @Test func namesAloneDoNotMakeASentenceUntranslated() {
    #expect(
      check(
        ["Putin, Biden und Macron trafen sich in Berlin."],
        ["Putin, Biden and Macron met in Berlin."]
      )
      .isEmpty)
  }

  // MARK: - Alignment

  @Test func omissionsAdditionsAndUncertainBeads() {
    let findings = check(
      ["Eins kam.", "Zwei ging.", "Drei blieb.", "Vier lief."],
      ["One came.", "Three stayed.", "Something else.", "Four ran."],
      beads: [
        AlignmentBead(source: 0..<1, target: 0..<1, confidence: 0.9),
        AlignmentBead(source: 1..<2, target: 1..<1, confidence: 0.8),
        AlignmentBead(source: 2..<3, target: 1..<2, confidence: 0.9),
        AlignmentBead(source: 3..<3, target: 2..<3, confidence: 0.8),
        AlignmentBead(source: 3..<4, target: 3..<4, confidence: 0.2),
      ])
    #expect(kinds(findings) == [.omittedSource, .addedTarget, .lowConfidence])
    #expect(findings.map(\.severity) == [.error, .warning, .warning])
  }

  @Test func mergesAndSplitsAreNotFindings() {
    let findings = check(
      ["Eins kam.", "Zwei ging.", "Drei blieb lange und ging dann."],
      ["One came and two went.", "Three stayed long.", "Then he left."],
      beads: [
        AlignmentBead(source: 0..<2, target: 0..<1, confidence: 0.9),
        AlignmentBead(source: 2..<3, target: 1..<3, confidence: 0.9),
      ])
    #expect(findings.isEmpty)
  }

  // MARK: - Output

  @Test func textAndJSONFormats() throws {
    let source = Document(name: "de.txt", text: "Erster Satz.\nDas sagte Kreml-Sprecher Peskow.\n")
    let target = Document(
      name: "en.txt", text: "First sentence.\nKremlin speaker Peskov said so.\n")
    let alignment = Alignment(
      source: SentenceSplitter.lines(of: source), target: SentenceSplitter.lines(of: target),
      beads: [
        AlignmentBead(source: 0..<1, target: 0..<1, confidence: 0.9),
        AlignmentBead(source: 1..<2, target: 1..<2, confidence: 0.9),
      ])
    let findings = TranslationChecker(configuration: .init(glossary: Self.glossary))
      .check(alignment, source: source, target: target)
    let formatter = FindingFormatter(source: source, target: target)
    let text = formatter.render(findings, as: .text)
    #expect(text.hasPrefix("en.txt:2:1: error: forbidden-term: \"Kreml-Sprecher\" rendered as"))
    #expect(text.hasSuffix(" [sentence 1]\n"))
    let json = formatter.render(findings, as: .json)
    for key in [
      "kind", "severity", "source_sentence", "target_sentences", "source_range", "target_range",
      "term", "expected", "found", "message",
    ] {
      #expect(json.contains("\"\(key)\": "), "\(key)")
    }
    let start = Array("Erster Satz.\nDas sagte ".utf8).count
    #expect(json.contains("\"source_range\": [\(start), \(start + "Kreml-Sprecher".utf8.count)]"))
  }
}

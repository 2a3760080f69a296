import BitextKit
import Testing

/// One test per matching rule of the term matcher, positive and negative.
@Suite struct TermMatcherTests {
  /// The texts of the terms found in `text` (as written in the text), in text order.
  func found(
    _ terms: [String], in text: String, language: Language = .german,
    caseSensitive: Set<String> = []
  ) -> [String] {
    let patterns = terms.enumerated().map {
      TermPattern(
        id: $0.offset, text: $0.element, isCaseSensitive: caseSensitive.contains($0.element))
    }
    let matcher = TermMatcher(language: language, patterns: patterns)
    let bytes = Array(text.utf8)
    return matcher.matches(in: text).map {
      "\(terms[$0.termID])=\(String(decoding: bytes[$0.utf8Range], as: UTF8.self))"
    }
  }

  /// The matches of one term in `text`, with their kinds.
  func kinds(_ term: String, in text: String) -> [TermMatch.Kind] {
    TermMatcher(language: .german, patterns: [TermPattern(id: 0, text: term)]).matches(in: text)
      .map(\.kind)
  }

  // MARK: - Inflection

  @Test(arguments: [
    ("Kalter Krieg", "die Bevölkerung des Kalten Krieges", "des Kalten Krieges"),
    ("Weißes Haus", "Ein Beamter des Weißen Hauses sagte", "Weißen Hauses"),
    ("Dritter Weltkrieg", "könnte den Dritten Weltkrieg auslösen", "Dritten Weltkrieg"),
    ("Truppe", "die russischen Truppen zu vertreiben", "Truppen"),
    ("Vereinigte Staaten", "dass die Vereinigten Staaten nicht", "Vereinigten Staaten"),
    ("Europäische Union", "der Europaeischen Union", "Europaeischen Union"),
    ("hohe Inflation", "wegen der hohen Inflation", "hohen Inflation"),
    ("dunkle Materie", "über dunkler Materie", "dunkler Materie"),
  ])
  func germanInflectedFormsMatch(term: String, text: String, expected: String) {
    let expectedMatch = term == "Kalter Krieg" ? "Kalten Krieges" : expected
    #expect(found([term], in: text) == ["\(term)=\(expectedMatch)"])
  }

  @Test func adjectiveEndingRulesMeetTheBaseForm() {
    // The -el adjective loses its "e"; "hoch" becomes "hoh-": rules, not lists.
    #expect(found(["dunkel Materie"], in: "dunkle Materie").count == 1)
    #expect(found(["hoch Kommissar"], in: "der Hohe Kommissar").count == 1)
    #expect(found(["teuer Energie"], in: "teure Energie").count == 1)
  }

  @Test(arguments: [
    ("nuclear arsenal", "the world's largest nuclear arsenals", "nuclear arsenals"),
    ("spokesman", "the spokesman's remarks", "spokesman's"),
    ("spokesman", "the spokesman’s remarks", "spokesman’s"),
    ("spokesman", "two spokesmen said", "spokesmen"),
    ("Cold War", "during the cold war", "cold war"),
    ("ally", "the United States and its allies", "allies"),
    ("energy crisis", "two energy crises", "energy crises"),
  ])
  func englishPluralAndPossessiveMatch(term: String, text: String, expected: String) {
    #expect(found([term], in: text, language: .english) == ["\(term)=\(expected)"])
  }

  @Test(arguments: [
    (
      "member of parliament", "Members of the European Parliament voted",
      "Members of the European Parliament"
    ),
    ("head of government", "the head of the federal government", "head of the federal government"),
    ("minister for energy", "the minister for energy said", "minister for energy"),
  ])
  func englishPrepositionObjectsTakeModifiers(term: String, text: String, expected: String) {
    #expect(found([term], in: text, language: .english) == ["\(term)=\(expected)"])
  }

  @Test(arguments: [
    // Three words between the preposition and the term's next word.
    "a member of the newly elected parliament",
    // Punctuation between them.
    "a member of staff, parliament said",
  ])
  func englishModifiersAreFewAndWordsOnly(text: String) {
    #expect(found(["member of parliament"], in: text, language: .english).isEmpty)
  }

  @Test func onlyAPrepositionOpensAGapInATerm() {
    #expect(found(["prime minister"], in: "the prime Russian minister", language: .english).isEmpty)
    #expect(found(["Mitglied des Parlaments"], in: "Mitglied des neuen Parlaments").isEmpty)
  }

  // MARK: - Compounds

  @Test func termAfterAHyphenMatches() {
    #expect(found(["Truppe"], in: "NATO-Truppen in die Ukraine") == ["Truppe=Truppen"])
    #expect(kinds("Truppe", in: "NATO-Truppen") == [.exact])
  }

  @Test func compoundHeadMatches() {
    #expect(
      found(["Atomwaffenarsenal"], in: "die größten Atomwaffenarsenale der Welt")
        == ["Atomwaffenarsenal=Atomwaffenarsenale"])
    #expect(found(["Arsenal"], in: "die größten Atomwaffenarsenale") == ["Arsenal=arsenale"])
    #expect(kinds("Arsenal", in: "Atomwaffenarsenale") == [.compoundHead])
    #expect(found(["Truppe"], in: "die Schutztruppen") == ["Truppe=truppen"])
  }

  @Test func longestEntryWins() {
    let terms = ["Atomwaffe", "Atomwaffenarsenal", "Arsenal"]
    #expect(
      found(terms, in: "über die größten Atomwaffenarsenale") == [
        "Atomwaffenarsenal=Atomwaffenarsenale"
      ])
    #expect(
      found(["Krieg", "Kalter Krieg"], in: "seit dem Kalten Krieg") == [
        "Kalter Krieg=Kalten Krieg"
      ])
  }

  @Test(arguments: [
    ("Atomwaffe", "Atomwaffenarsenale", "Atomwaffen"),  // -n-
    ("Staat", "Staatsgebiet", "Staats"),  // -s-
    ("Regierung", "Regierungserklärung", "Regierungs"),  // -s- after -ung
    ("Friede", "Friedensvertrag", "Friedens"),  // -ns-
    ("Truppe", "Truppenabzug", "Truppen"),  // -n-
    ("Bund", "Bundesregierung", "Bundes"),  // -es-
  ])
  func linkingElementsAfterAModifier(term: String, word: String, part: String) {
    #expect(found([term], in: word) == ["\(term)=\(part)"])
    #expect(kinds(term, in: word) == [.compoundModifier])
  }

  @Test func hyphenCoordination() {
    let text = "ein Alptraum der Staats- und Regierungschefs"
    #expect(
      found(["Staats- und Regierungschef"], in: text) == [
        "Staats- und Regierungschef=Staats- und Regierungschefs"
      ])
    #expect(found(["Regierungschef"], in: text) == ["Regierungschef=Regierungschefs"])
    #expect(
      found(["Staatschef", "Regierungschef"], in: text) == [
        "Staatschef=Staats-", "Regierungschef=Regierungschefs",
      ])
    #expect(kinds("Staatschef", in: text) == [.coordinated])
    // The whole coordination beats its parts.
    #expect(
      found(["Staats- und Regierungschef", "Regierungschef", "Staatschef"], in: text) == [
        "Staats- und Regierungschef=Staats- und Regierungschefs"
      ])
  }

  @Test func hyphenatedAndClosedSpellingsMeet() {
    #expect(
      found(["Kreml-Sprecher"], in: "sagte Kremlsprecher Peskow") == [
        "Kreml-Sprecher=Kremlsprecher"
      ])
    #expect(
      found(["Kremlsprecher"], in: "sagte Kreml-Sprecher Peskow") == [
        "Kremlsprecher=Kreml-Sprecher"
      ])
  }

  // MARK: - Variants

  @Test func caseUmlautAndTypographyVariants() {
    #expect(found(["Kreml-Sprecher"], in: "KREML–SPRECHER") == ["Kreml-Sprecher=KREML–SPRECHER"])
    #expect(found(["Bündnis"], in: "das Buendnis") == ["Bündnis=Buendnis"])
    #expect(found(["Straße"], in: "die STRASSE") == ["Straße=STRASSE"])
    #expect(
      found(["Regierungschef"], in: "Regierungs\u{AD}chefs") == [
        "Regierungschef=Regierungs\u{AD}chefs"
      ])
  }

  @Test func caseSensitiveTermsMatchTheirCaseOnly() {
    #expect(found(["US"], in: "let us go", language: .english, caseSensitive: ["US"]).isEmpty)
    #expect(found(["US"], in: "US troops", language: .english, caseSensitive: ["US"]) == ["US=US"])
    #expect(
      found(["NGO"], in: "two NGOs", language: .english, caseSensitive: ["NGO"]) == [
        "NGO=NGOs"
      ])
    #expect(
      found(["NATO"], in: "NATO's plans", language: .english, caseSensitive: ["NATO"]) == [
        "NATO=NATO's"
      ])
  }

  // MARK: - Never inside an unrelated word

  @Test(arguments: [
    ("Rat", "eine Ratte im Keller"),
    ("Rat", "nach der Heirat"),
    ("Rat", "wegen Verrat"),
    ("Macht", "er fiel in Ohnmacht"),
    ("Wahl", "eine große Auswahl"),
    ("Krieg", "er kriegt nichts"),
    ("Truppe", "eine Truppenübung"),  // modifier only: no head, no exact
  ])
  func noMatchInsideUnrelatedGermanWords(term: String, text: String) {
    let matches = TermMatcher(language: .german, patterns: [TermPattern(id: 0, text: term)])
      .matches(in: text)
    #expect(matches.allSatisfy { $0.kind == .compoundModifier })
    if term != "Truppe" { #expect(matches.isEmpty) }
  }

  /// An umlaut and "-er" after a noun outside the "-er" plural class make another word (an agent).
  @Test(arguments: [
    ("Klimaschutz", "Klimaschützer protestierten vor dem Kanzleramt"),
    ("Klimaschutz", "die Forderungen der Klimaschützern"),
    ("Kampf", "bewaffnete Kämpfer"),
    ("Schutz", "die Umweltschützer"),
  ])
  func anAgentNounIsNotItsBase(term: String, text: String) {
    #expect(found([term], in: text).isEmpty)
  }

  @Test(arguments: [
    ("Land", "in vielen Ländern", "Ländern"),
    ("Bundesland", "die neuen Bundesländer", "Bundesländer"),
    ("Amt", "zwei Ämter", "Ämter"),
    ("Kampf", "die Kämpfe um Bachmut", "Kämpfe"),
    ("Sprecher", "ein Sprecher des Ministeriums", "Sprecher"),
    ("Sprecher", "nach Angaben des Sprechers", "Sprechers"),
    ("Minister", "mit den Außenministern", "ministern"),
    ("Verbündeter", "die Verbündeten der Ukraine", "Verbündeten"),
    ("Abgeordneter", "mehrere Abgeordnete", "Abgeordnete"),
    ("Beamter", "ein hoher Beamter", "Beamter"),
  ])
  func erPluralsAndInflectedErNounsStillMatch(term: String, text: String, expected: String) {
    #expect(found([term], in: text) == ["\(term)=\(expected)"])
  }

  @Test(arguments: [("war", "software"), ("arm", "army"), ("state", "statement")])
  func noMatchInsideUnrelatedEnglishWords(term: String, text: String) {
    #expect(found([term], in: "the \(text) was new", language: .english).isEmpty)
  }

  // MARK: - Ranges

  @Test func rangesAreUTF8ByteOffsetsIntoTheDocument() throws {
    let text = "Präsident: „Die Atomwaffenarsenale der Welt“"
    let document = Document(text: text)
    let matcher = TermMatcher(
      language: .german, patterns: [TermPattern(id: 3, text: "Arsenal")])
    let match = try #require(matcher.matches(in: document).first)
    #expect(match.termID == 3)
    #expect(document.text(match.utf8Range) == "arsenale")
    let sentenceStart = Array("Präsident: ".utf8).count
    let inRange = matcher.matches(in: document, range: sentenceStart..<document.utf8.count)
    #expect(inRange.map(\.utf8Range) == [match.utf8Range])
  }

  @Test func entriesSharingATermAreAllReported() {
    let matcher = TermMatcher(
      language: .german,
      patterns: [TermPattern(id: 1, text: "Truppe"), TermPattern(id: 2, text: "Truppe")])
    #expect(matcher.matches(in: "die Truppen").map(\.termID) == [1, 2])
  }
}

extension TermMatcherTests {
  @Test func germanNounTermsNeedACapitalisedWord() {
    // "Sprecher" and "sprechen" share the Snowball stem "sprech"; only the noun is the term.
    #expect(found(["Sprecher"], in: "wir müssen darüber sprechen").isEmpty)
    #expect(found(["Sprecher"], in: "sagte der Sprecher") == ["Sprecher=Sprecher"])
    // A lower-case term (an adjective phrase) matches at the start of a sentence too.
    #expect(
      found(["territoriale Integrität"], in: "Territoriale Integrität zählt") == [
        "territoriale Integrität=Territoriale Integrität"
      ])
  }
}

extension TermMatcherTests {
  @Test func termsSharingAStemAreToldApartByTheirForm() {
    // Snowball stems both to "kriegsverbrech": the written form decides.
    let terms = ["Kriegsverbrechen", "Kriegsverbrecher"]
    #expect(found(terms, in: "wegen Kriegsverbrechen") == ["Kriegsverbrechen=Kriegsverbrechen"])
    #expect(found(terms, in: "den Kriegsverbrechern") == ["Kriegsverbrecher=Kriegsverbrechern"])
    #expect(found(terms, in: "des Kriegsverbrechens") == ["Kriegsverbrechen=Kriegsverbrechens"])
  }
}

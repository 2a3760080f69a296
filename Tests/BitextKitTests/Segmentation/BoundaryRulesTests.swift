import BitextKit
import Testing

/// One test per boundary rule: each positive case must keep its parts together (or split them), and
/// each negative case shows the rule does not over-reach.
@Suite struct BoundaryRulesTests {
  // MARK: - German ordinals and dates

  @Test(arguments: [
    "Der Angriff begann am 24. Februar in der Nacht.",
    "Der 2. Weltkrieg endete in Europa im Mai 1945.",
    "Im 19. Jahrhundert wuchs die Stadt schnell.",
    "Er feierte seinen 80. Geburtstag in Berlin.",
    "Zum 01. Januar 2015 gilt das Gesetz.",
    "Ausgrabungen aus dem 1. -3. Jahrhundert nach Christus.",
  ])
  func germanOrdinalsDoNotBreak(text: String) {
    #expect(sentences(text) == [text])
  }

  @Test func aYearBeforeACapitalEndsTheSentence() {
    #expect(
      sentences("Der Krieg begann im Jahr 2022. Die Lage ist ernst.")
        == ["Der Krieg begann im Jahr 2022.", "Die Lage ist ernst."])
    #expect(
      sentences("Die Zahl der Toten stieg auf 125. Die Polizei ermittelt.").count == 2)
  }

  // MARK: - Abbreviations

  @Test(arguments: [
    "Wir brauchen Getränke, z. B. Wasser, Saft und Bier.",
    "Ich kann u. a. Spanisch sprechen.",
    "Ich kann u.a. Spanisch sprechen.",
    "Das ist teuer, d. h. Wir zahlen nicht.",
    "Sie erhalten ein Statement bzw. Ein neues Schreiben.",
    "Es kamen ca. Tausend Menschen.",
    "Das steht in Nr. 5 auf S. 225 im Vertrag.",
    "Wir trafen Dr. med. Meyer und Prof. Schulze in der Stadt.",
    "Die St. Marien Kirche ist alt.",
    "Rom wurde 753 v. Chr. Gegründet, sagt die Sage.",
    "Sie besucht eine kath. Schule.",
  ])
  func germanAbbreviationsDoNotBreak(text: String) {
    #expect(sentences(text) == [text])
  }

  @Test(arguments: [
    "Mr. Smith and Mrs. Jones met Dr. Brown.",
    "I work for the U.S. Government in Virginia.",
    "The U.N. Security Council met on Jan. 20 and Feb. 3 this year.",
    "Bring a hat, e.g. A straw hat, i.e. Something light.",
    "He is No. 5 on the list.",
    "Former Gen. Smith and Sen. Brown spoke.",
  ])
  func englishAbbreviationsDoNotBreak(text: String) {
    #expect(sentences(text, .english) == [text])
  }

  @Test func abbreviationsNeedAWordBoundary() {
    // "Bzw" is an abbreviation, "Abzw." is not a known one and "Sankt." is a word.
    #expect(sentences("Er wohnt in Sankt. Dann zog er um.").count == 2)
    #expect(sentences("I said no. Then I left.", .english).count == 2)
    #expect(sentences("He was the doctor. Dr. Who came later.", .english).count == 2)
  }

  @Test func finalAbbreviationsBreakBeforeAClearSentenceStart() {
    #expect(
      sentences("Wir brauchen Wasser, Saft, Bier usw. Die Kinder trinken Saft.")
        == ["Wir brauchen Wasser, Saft, Bier usw.", "Die Kinder trinken Saft."])
    #expect(
      sentences("I live in the U.S. How about you?", .english)
        == ["I live in the U.S.", "How about you?"])
    #expect(sentences("They bought apples, pears etc. The shop was full.", .english).count == 2)
  }

  @Test func finalAbbreviationsDoNotBreakBeforeOtherWords() {
    #expect(sentences("Sie kaufte Äpfel usw. Bananen kaufte sie nicht.").count == 1)
    #expect(sentences("The GmbH & Co. KG is a partnership.", .english).count == 1)
  }

  @Test func aCapitalAfterATimeOfDayStartsASentence() {
    #expect(
      sentences("He left at 6 P.M. Travelers who stayed left later.", .english)
        == ["He left at 6 P.M.", "Travelers who stayed left later."])
    #expect(sentences("He left the bank at 6 p.m. Mr. Smith then went home.", .english).count == 2)
    // The time opens the sentence, or a weekday or time zone goes with it.
    #expect(sentences("At 5 a.m. Mr. Smith went to the bank.", .english).count == 1)
    #expect(sentences("The polls close at 8 p.m. Eastern on Tuesday.", .english).count == 1)
    #expect(sentences("We meet at 9 a.m. Monday in the hall.", .english).count == 1)
  }

  // MARK: - Initials

  @Test(arguments: [
    "Präsident Joe R. Biden sprach lange.",
    "Er las J. R. R. Tolkien im Urlaub.",
  ])
  func initialsDoNotBreak(text: String) {
    #expect(sentences(text) == [text])
  }

  @Test func thePronounIEndsASentence() {
    #expect(
      sentences("We make a good team, you and I. Did you see Albert I. Jones?", .english)
        == ["We make a good team, you and I.", "Did you see Albert I. Jones?"])
  }

  @Test func aLetterBeforeASentenceStarterEndsTheSentence() {
    #expect(sentences("Er braucht Vitamin C. Die Ärzte raten dazu.").count == 2)
  }

  // MARK: - Quotations

  @Test func aQuotationOfTwoSentencesIsSplitAndTheAttributionStays() {
    let text = """
      "Nichts sollte ausgeschlossen werden. Wir werden alles tun, was wir tun müssen, damit \
      Russland nicht gewinnt", sagte Macron.
      """
    #expect(
      sentences(text) == [
        "\"Nichts sollte ausgeschlossen werden.",
        "Wir werden alles tun, was wir tun müssen, damit Russland nicht gewinnt\", sagte Macron.",
      ])
  }

  @Test(arguments: [
    ("„Wir kommen. Ihr auch?“, fragte er.", ["„Wir kommen.", "Ihr auch?“, fragte er."]),
    ("»Wir kommen. Ihr auch?«, fragte er.", ["»Wir kommen.", "Ihr auch?«, fragte er."]),
    ("Er sagte: „Nein.“ Dann ging er.", ["Er sagte: „Nein.“", "Dann ging er."]),
  ])
  func germanQuotesKeepTheirClosingMark(text: String, expected: [String]) {
    #expect(sentences(text) == expected)
  }

  @Test func aCapitalAfterAClosingQuoteAndSaidStaysTogether() {
    #expect(sentences("'Well!' thought Alice. She left.", .english).count == 2)
    #expect(sentences("\"This is great.\" she said.", .english).count == 1)
  }

  // MARK: - Headings, paragraphs

  @Test func headingsAndParagraphsAreSentencesOfTheirOwn() {
    let text = "UKRAINE-STRATEGIE?\n\nNach der Invasion kam es anders\n\nAber das geschah nicht."
    #expect(
      sentences(text)
        == ["UKRAINE-STRATEGIE?", "Nach der Invasion kam es anders", "Aber das geschah nicht."])
  }

  // MARK: - Numbers, URLs, e-mail

  @Test(arguments: [
    "Der Preis stieg um 3.5 Prozent auf 1.000 Euro.",
    "Sie bekommen 3,50 Euro zurück und 5.300,25 Euro später.",
    "Die Seite www.example.com/index.html ist neu.",
    "Schreiben Sie an jane.doe@example.com wegen der Details.",
    "See https://www.example.50.com/new-site/awesome_content.html for details.",
  ])
  func numbersURLsAndAddressesDoNotBreak(text: String) {
    #expect(sentences(text) == [text])
  }

  @Test func aURLOrAddressAtTheEndOfASentenceBreaksAfterIt() {
    #expect(
      sentences("Her email is Jane.Doe@example.com. I sent her an email.", .english)
        == ["Her email is Jane.Doe@example.com.", "I sent her an email."])
  }

  @Test func aPeriodGluedToTheNextSentenceBreaks() {
    #expect(
      sentences("Hello world.Today is Tuesday.", .english) == ["Hello world.", "Today is Tuesday."])
    #expect(sentences("Visit www.testurl.Awesome.com today.", .english).count == 1)
  }

  // MARK: - Ellipses

  @Test func ellipses() {
    #expect(sentences("Er zögerte… Dann ging er.") == ["Er zögerte…", "Dann ging er."])
    #expect(sentences("Er zögerte… und ging.").count == 1)
    #expect(sentences("I never meant that.... She left.", .english).count == 2)
    #expect(sentences("\"Bohr [...] used the analogy.\"", .english).count == 1)
  }

  @Test func spacedEllipses() {
    // Three dots: an omission inside the sentence; four: the omission and the sentence's period.
    #expect(sentences("The thing is . . . I didn't mean it.", .english).count == 1)
    #expect(sentences("End it with a period . . . . Next sentence.", .english).count == 2)
    // A period, then an ellipsis that opens the next sentence.
    #expect(
      sentences("It was weakened into compounds. . . . The practice was not abandoned.", .english)
        == ["It was weakened into compounds.", ". . . The practice was not abandoned."])
    // A period after a space is still a period.
    #expect(sentences("Google can even survive . That's overstating it.", .english).count == 2)
  }

  // MARK: - Parentheses, lists, footnotes

  @Test func parenthesisedSentences() {
    #expect(
      sentences("Ich kaufe nichts (ich traue mir nicht!). Ich finde es gut.")
        == ["Ich kaufe nichts (ich traue mir nicht!).", "Ich finde es gut."])
    #expect(sentences("He teaches (He worked as an engineer.) at school.", .english).count == 1)
  }

  @Test func aParenthesisThatTheSentenceGoesOnAfterDoesNotStartOne() {
    #expect(
      sentences("The parties are Alpha Inc. (“Company A”), and Beta Inc. (“Company B”).", .english)
        .count == 1)
    #expect(sentences("Sie gründete die Firma GmbH & Co. (Berlin), dann zog sie um.").count == 1)
    // A sentence in parentheses has its own period inside them.
    #expect(
      sentences("He left. (Which was true.) Then he came back.", .english)
        == ["He left.", "(Which was true.)", "Then he came back."])
  }

  @Test func listItems() {
    #expect(
      sentences("1. The first item 2. The second item", .english)
        == ["1. The first item", "2. The second item"])
    #expect(
      sentences("a) here it is b) another c) one more", .english)
        == ["a) here it is", "b) another", "c) one more"])
    #expect(
      sentences("• 3. Seien Sie achtsam! • 4. Essen Sie Fisch!")
        == ["• 3. Seien Sie achtsam!", "• 4. Essen Sie Fisch!"])
    #expect(sentences("1. Dies ist eine Punkteliste.") == ["1. Dies ist eine Punkteliste."])
  }

  @Test func aListStartingInsideAListStartsAnItem() {
    #expect(
      sentences("1.) The first item 2.) The second item 1.) The first again 2.) More", .english)
        == ["1.) The first item", "2.) The second item", "1.) The first again", "2.) More"])
    #expect(
      sentences("• 10. The tenth item a. The first item b. The second item", .english)
        == ["• 10. The tenth item", "a. The first item", "b. The second item"])
    // Initials after names are no list: "John A. Smith … Jane B. Smith".
    #expect(
      sentences("a. one b. two They met John A. Smith and Jane B. Smith.", .english)
        == ["a. one", "b. two They met John A. Smith and Jane B. Smith."])
  }

  @Test func aListStartingAfterSeveralItemsIsFoundFromEachOfThem() {
    // One scan of the paragraph serves every item: each must still find the lettered list.
    #expect(
      sentences("1) eins 2) zwei 3) drei 4) vier 5) fünf a) erste b) zweite")
        == ["1) eins", "2) zwei", "3) drei", "4) vier", "5) fünf", "a) erste", "b) zweite"])
    // Whether a label is an initial depends on the sentence it is in: after "Meier" it is one,
    // at the start of a sentence it is not.
    #expect(
      sentences("a. Anna Meier A. Berg b. Bruno B. Klee")
        == ["a. Anna Meier A. Berg", "b. Bruno B. Klee"])
  }

  @Test func aNumberedSequenceNeedsItsPredecessor() {
    // "2." with no "1." before it is an ordinal, not a list item.
    #expect(sentences("Er kam als Erster an, der 2. Läufer folgte.").count == 1)
  }

  @Test func footnoteMarksStayWithTheirSentence() {
    #expect(
      sentences("Maximus is a saint and martyr.[1] The emperor published a decree.", .english)
        == ["Maximus is a saint and martyr.[1]", "The emperor published a decree."])
  }

  @Test func aSmallSentenceStarterAfterAnOrdinaryWordsPeriodStartsASentence() {
    #expect(
      sentences("I don't want it because of the dog. i want it because it is small.", .english)
        == ["I don't want it because of the dog.", "i want it because it is small."])
    #expect(sentences("The library is closed. it is now a shop.", .english).count == 2)
    // Not after abbreviations, not before other small words, and not in German.
    #expect(
      sentences("Were Jane and co. at the party? They met on 5th st. near the light.", .english)
        .count == 2)
    #expect(sentences("They ate the apples. and then they left.", .english).count == 1)
    #expect(sentences("Er kam nach Hause. die Tür war offen.").count == 1)
  }

  @Test func aNumberAfterAnOrdinaryWordsPeriodStartsASentence() {
    #expect(
      sentences("Die Resolution wurde verabschiedet. 14 der 15 Mitglieder stimmten zu.")
        == ["Die Resolution wurde verabschiedet.", "14 der 15 Mitglieder stimmten zu."])
    #expect(sentences("It passed in the vote. 14 of the 15 members agreed.", .english).count == 2)
    // Not after abbreviations or numbers.
    #expect(sentences("Das steht auf S. 14 der Studie und bzw. 3 der Bände.").count == 1)
    #expect(sentences("See Fig. 3 of the report and No. 5 of the list.", .english).count == 1)
  }

  // MARK: - Questions and exclamations

  @Test func questionAndExclamationMarks() {
    #expect(sentences("Hello!! Long time no see.", .english).count == 2)
    #expect(sentences("Was sind die Konsequenzen der Abstimmung vom 12. Juni?").count == 1)
    #expect(sentences("He works at Y!J. now.", .english).count == 1)
  }

  @Test func aSingleExclamationMarkOnAWordBeforeASmallLetterContinues() {
    #expect(sentences("She works at Yahoo! in the accounting department.", .english).count == 1)
    #expect(sentences("Leave me alone! he yelled.", .english).count == 1)
    #expect(sentences("Suddenly, thump! thump! down she came.", .english).count == 1)
    // Repeated or spaced marks, and questions, still end a sentence before a small letter.
    #expect(sentences("Great place!!! we loved it.", .english).count == 2)
    #expect(sentences("Where is it? it is here.", .english).count == 2)
  }

  // MARK: - ICU alone

  @Test func rawICUSplitsWhereTheRulesDoNot() {
    let text = "Der Angriff begann am 24. Februar. Dr. Kühn kam."
    #expect(icuSentences(text).count == 4)
    #expect(sentences(text).count == 2)
  }
}

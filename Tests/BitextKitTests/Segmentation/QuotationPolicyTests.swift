import BitextKit
import Testing

/// The quotation policy: every language splits sentences inside a quotation unless asked to keep
/// a quotation in one sentence (the English golden rules' convention). The tests below the
/// `keep` mark are about that policy, so they ask for it.
@Suite struct QuotationPolicyTests {
  static func split(
    _ text: String, _ language: Language, _ quotations: SentenceSplitter.Quotations? = nil
  ) -> [String] {
    SentenceSplitter(language: language, quotations: quotations).split(Document(text: text))
      .map(\.text)
  }

  static let macronGerman = """
    "Nichts sollte ausgeschlossen werden. Wir werden alles tun, was wir tun müssen, damit \
    Russland nicht gewinnt", sagte Macron.
    """
  static let macronEnglish = """
    "Nothing should be ruled out. We will do everything we have to do so that Russia does not \
    win," Macron said.
    """

  @Test func everyLanguageSplitsByDefault() {
    #expect(SentenceSplitter.Quotations.standard(for: .german) == .split)
    #expect(SentenceSplitter.Quotations.standard(for: .english) == .split)
    #expect(SentenceSplitter.Quotations.standard(for: .french) == .split)
    #expect(SentenceSplitter(language: .english).quotations == .split)
    #expect(SentenceSplitter(language: .german, quotations: .keep).quotations == .keep)
    #expect(SentenceSplitter(language: .english, quotations: .keep).quotations == .keep)
  }

  // MARK: - split

  @Test(arguments: [
    macronGerman,
    "„Nichts sollte ausgeschlossen werden. Wir werden alles tun“, sagte Macron.",
    "»Nichts sollte ausgeschlossen werden. Wir werden alles tun«, sagte Macron.",
  ])
  func germanSplitsInsideQuotations(text: String) {
    let found = Self.split(text, .german)
    #expect(found.count == 2)
    #expect(found.last?.hasSuffix("sagte Macron.") == true)
  }

  @Test func englishSplitsInsideQuotations() {
    let expected = [
      "\"Nothing should be ruled out.",
      "We will do everything we have to do so that Russia does not win,\" Macron said.",
    ]
    #expect(Self.split(Self.macronEnglish, .english) == expected)
    #expect(Self.split(Self.macronEnglish, .english, .split) == expected)
  }

  // MARK: - keep

  @Test(arguments: [
    macronEnglish,
    "“Nothing should be ruled out. We will do everything,” Macron said.",
    "'Well! I shall think nothing of it! How brave they'll think me!' thought Alice.",
    "He said, ‘It grows in dragon’s blood. It grows on mountains’ (in Apulia) and left.",
    "\"Dear! How queer. The question is, 'Who am I?' Ah, that's the puzzle!\"",
  ])
  func englishCanKeepAQuotationInOneSentence(text: String) {
    #expect(Self.split(text, .english, .keep).count == 1, "\(Self.split(text, .english, .keep))")
  }

  @Test(arguments: [
    macronGerman,
    "„Nichts sollte ausgeschlossen werden. Wir werden alles tun“, sagte Macron.",
    "»Nichts sollte ausgeschlossen werden. Wir werden alles tun«, sagte Macron.",
  ])
  func germanCanKeepAQuotationInOneSentence(text: String) {
    #expect(Self.split(text, .german, .keep) == [text])
  }

  @Test func boundariesOutsideQuotationsStand() {
    #expect(
      Self.split("She turned to him, \"This is great.\" She held the book out.", .english, .keep)
        == ["She turned to him, \"This is great.\"", "She held the book out."])
    #expect(
      Self.split("\"I think! I do!\" (Dinah was the cat.) \"I hope so. Yes!\"", .english, .keep)
        == ["\"I think! I do!\"", "(Dinah was the cat.)", "\"I hope so. Yes!\""])
    #expect(
      Self.split("„Nein. Nie.“ Dann ging er. Er kam nicht wieder.", .german, .keep)
        == ["„Nein. Nie.“", "Dann ging er.", "Er kam nicht wieder."])
  }

  @Test(arguments: [SentenceSplitter.Quotations.keep, .split])
  func englishEndsAQuotationBrokenOffByADashBeforeAClearStart(
    quotations: SentenceSplitter.Quotations
  ) {
    #expect(
      Self.split(
        "She began, \"If you please, sir--\" The Rabbit started violently.", .english, quotations)
        == ["She began, \"If you please, sir--\"", "The Rabbit started violently."])
  }

  @Test func aQuotationBrokenOffByADashEndsTheSentenceBeforeAClearStart() {
    #expect(
      Self.split(
        "She began, \"If you please, sir--\" The Rabbit started violently.", .english, .keep)
        == ["She began, \"If you please, sir--\"", "The Rabbit started violently."])
    #expect(Self.split("She began, \"If you--\" and stopped.", .english, .keep).count == 1)
  }

  @Test func aQuotationNeverClosedQuotesNothing() {
    // The mark opens a quotation that goes on in the next paragraph (or is a stray mark).
    let text = "He said: \"We will go. They stay.\n\n\"Then we meet.\""
    #expect(Self.split(text, .english, .keep).count == 3)
    #expect(Self.split("It was all 'round the hall. She left.", .english, .keep).count == 2)
  }

  @Test func apostrophesAreNoQuotationMarks() {
    let text = "Don't go. It's late. The dogs' bowls are empty."
    #expect(Self.split(text, .english, .keep).count == 3)
    #expect(Self.split("Alice's cat came. Dinah's milk was warm.", .english, .keep).count == 2)
  }

  @Test func aQuotationEndsAtItsParagraph() {
    let text = "\"We will go. They stay.\n\nThen we meet.\" He left."
    #expect(Self.split(text, .english, .keep).count == 4)
  }
}

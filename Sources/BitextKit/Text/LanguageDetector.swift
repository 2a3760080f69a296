/// Tells German from English text, offline, by counting each language's commonest short words.
///
/// The score of a language is the number of tokens that are among its function words ("der", "und",
/// "nicht" … / "the", "and", "not" …), plus one per German letter (ä ö ü ß) for German. The higher
/// score wins; a tie (no evidence) answers `fallback`. Reliable from a sentence or two of running text.
public struct LanguageDetector: Sendable {
  public var fallback: Language

  public init(fallback: Language = .english) { self.fallback = fallback }

  static let germanWords: Set<String> = [
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "von", "sich",
    "des", "auf", "für", "im", "dem", "auch", "es", "als", "sie", "wir", "ich", "er", "hat", "wird",
    "dass", "aber", "nach", "bei", "aus", "noch", "wie", "oder", "über", "sind", "wurde", "einer",
  ]
  static let englishWords: Set<String> = [
    "the", "and", "is", "not", "a", "an", "to", "of", "in", "that", "it", "with", "for", "as", "was",
    "on", "are", "be", "by", "this", "he", "she", "we", "they", "have", "has", "but", "from", "or",
    "said", "would", "will", "which", "their", "at", "its", "were", "been", "there",
  ]

  /// The language of `text`: German or English; `fallback` when neither has more evidence.
  public func detect(_ text: some StringProtocol) -> Language {
    let scores = Self.scores(text)
    if scores.german == scores.english { return fallback }
    return scores.german > scores.english ? .german : .english
  }

  /// The language of a document, judged on its first 20,000 characters.
  public func detect(_ document: Document) -> Language {
    detect(Self.opening(of: document))
  }

  /// German or English when the text shows it, else nil: a text in another language (French has
  /// "a", "on" and "as" too) or with too few words to tell is not labelled with a guess.
  ///
  /// The winning language's function words must be at least `minimumShare` of the words (running
  /// English or German text has 20–40 %; other languages, a few percent) and at least two,
  /// and outnumber the other language's twice over.
  public func detectIfKnown(_ text: some StringProtocol) -> Language? {
    let scores = Self.scores(text)
    let (best, winner, other) =
      scores.german > scores.english
      ? (Language.german, scores.germanWords, scores.english)
      : (Language.english, scores.englishWords, scores.german)
    let score = best == .german ? scores.german : scores.english
    guard winner >= 2, Double(winner) >= Self.minimumShare * Double(scores.words),
      score >= 2 * other
    else { return nil }
    return best
  }

  /// `detectIfKnown(_:)` on a document's first 20,000 characters.
  public func detectIfKnown(_ document: Document) -> Language? {
    detectIfKnown(Self.opening(of: document))
  }

  /// The least share of the words that the detected language's function words must make.
  static let minimumShare = 0.1

  private static func opening(of document: Document) -> String {
    let end = min(document.utf8.count, document.contentStart + 60_000)
    return document.text(document.contentStart..<end)
  }

  /// Evidence for each language: function words plus (German) letters ä ö ü ß; the function words
  /// alone; and the number of words.
  private static func scores(_ text: some StringProtocol) -> (
    german: Int, english: Int, germanWords: Int, englishWords: Int, words: Int
  ) {
    var (german, english, germanWords, englishWords, words) = (0, 0, 0, 0, 0)
    var word = ""
    func count() {
      if word.isEmpty { return }
      words += 1
      if Self.germanWords.contains(word) { germanWords += 1 }
      if Self.englishWords.contains(word) { englishWords += 1 }
      word = ""
    }
    for character in text.prefix(20_000) {
      if character.isLetter {
        word.append(contentsOf: character.lowercased())
        if "äöüß".contains(character.lowercased()) { german += 1 }
      } else {
        count()
      }
    }
    count()
    return (german + germanWords, english + englishWords, germanWords, englishWords, words)
  }
}

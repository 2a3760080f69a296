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

  /// The language of `text`: German or English.
  public func detect(_ text: some StringProtocol) -> Language {
    var german = 0
    var english = 0
    var word = ""
    func count() {
      if Self.germanWords.contains(word) { german += 1 }
      if Self.englishWords.contains(word) { english += 1 }
      word = ""
    }
    for character in text.prefix(20_000) {
      if character.isLetter {
        word.append(contentsOf: character.lowercased())
        if "äöüß".contains(word.last!) { german += 1 }
      } else {
        count()
      }
    }
    count()
    if german == english { return fallback }
    return german > english ? .german : .english
  }

  /// The language of a document, judged on its first 20,000 characters.
  public func detect(_ document: Document) -> Language {
    let end = min(document.utf8.count, document.contentStart + 60_000)
    return detect(document.text(document.contentStart..<end))
  }
}

/// One designation of a concept in one language, e.g. "Kremlin spokesman" (English, preferred).
///
///     let term = Term("NATO", language: .english, isCaseSensitive: true)
///     // term.status == .preferred
public struct Term: Hashable, Sendable {
  /// The term as written, e.g. "Kalter Krieg" (the base form; matching finds inflected forms).
  public var text: String
  /// The language of the term.
  public var language: Language
  /// Whether to use, accept or avoid the term.
  public var status: TermStatus
  /// The part of speech, when the glossary says.
  public var partOfSpeech: PartOfSpeech?
  /// A note on this term (usage, register, source); one line or several.
  public var note: String?
  /// True when the term matches only with its exact letter case, as acronyms do ("US" is not "us").
  public var isCaseSensitive: Bool

  public init(
    _ text: String, language: Language, status: TermStatus = .preferred,
    partOfSpeech: PartOfSpeech? = nil, note: String? = nil, isCaseSensitive: Bool = false
  ) {
    self.text = text
    self.language = language
    self.status = status
    self.partOfSpeech = partOfSpeech
    self.note = note
    self.isCaseSensitive = isCaseSensitive
  }
}

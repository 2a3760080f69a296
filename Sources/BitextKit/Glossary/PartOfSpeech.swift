/// The part of speech of a term: TBX-Basic's `partOfSpeech` picklist.
public enum PartOfSpeech: String, CaseIterable, Hashable, Sendable {
  case noun
  case verb
  case adjective
  case adverb
  /// Anything else, e.g. a phrase or a proper name made of several words.
  case other
}

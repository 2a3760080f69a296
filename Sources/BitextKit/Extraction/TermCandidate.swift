/// A German term candidate of a text: one base form (its `key`) with the surface forms it was seen
/// in and where.
///
///     // "die Truppen", "der Truppe": one candidate, key "trupp",
///     // text "Truppen" (the commoner form)
public struct TermCandidate: Hashable, Sendable {
  /// What shape of term the candidate is; the shape decides how often it must occur to count.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// A capitalised noun, compound or not ("Gegenoffensive", "Atomwaffenarsenale").
    case noun
    /// A hyphenated compound ("Kreml-Sprecher", "NATO-Truppen").
    case hyphenated
    /// An acronym: capitals and digits ("NATO", "BIP").
    case acronym
    /// A run of capitalised words: a (multiword) name ("Emmanuel Macron", "Weißen Hauses").
    case name
    /// An adjective and its noun ("russische Truppen").
    case adjectiveNoun
    /// Truncated compounds coordinated with a full one ("Staats- und Regierungschefs").
    case coordinatedCompound
    /// Two nouns joined by "und" ("Forschung und Entwicklung"); kept when it recurs.
    case nounPair
    /// A noun and a genitive noun phrase ("Zusammenbruch der Sowjetunion"); kept when it recurs.
    case genitive

    /// The occurrences a candidate of this kind needs: phrases that only a fixed expression
    /// repeats (`nounPair`, `genitive`) need two, the rest one.
    public var minimumCount: Int {
      switch self {
      case .nounPair, .genitive, .adjectiveNoun: 2
      default: 1
      }
    }
  }

  /// The base form: the stem keys of its words (`TermCandidate.key(of:)`).
  public var key: String
  /// The most frequent surface form (first seen on a tie).
  public var text: String
  public var kind: Kind
  /// Each surface form and how often it was seen.
  public var forms: [String: Int]
  /// The source sentences (0-based indexes) the candidate was seen in, ascending, one entry per
  /// occurrence.
  public var sentences: [Int]
  /// The number of words, hyphenated parts counted as one word.
  public var wordCount: Int

  public init(
    key: String, text: String, kind: Kind, forms: [String: Int], sentences: [Int], wordCount: Int
  ) {
    self.key = key
    self.text = text
    self.kind = kind
    self.forms = forms
    self.sentences = sentences
    self.wordCount = wordCount
  }

  /// The number of occurrences the extractor saw.
  public var count: Int { sentences.count }

  /// The surface form seen most often (the one first in code-point order on a tie): what `text`
  /// shows once the forms are counted.
  var commonestForm: String {
    forms.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
  }
}

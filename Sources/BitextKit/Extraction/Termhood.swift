import Foundation

/// How much a candidate looks like a term of the text rather than a word of everyday language.
///
///     score = rarity × (1 + log2(count)) × (1 + 0.25 × (words − 1))
///
/// - `rarity`: with a general-language list (`GeneralFrequency`), 7 minus the Zipf frequency of the
///   candidate's rarest word, hyphenated parts looked up one by one and, for a word the list lacks,
///   `GeneralFrequency.unlisted` (so 6 for an unseen compound; 1.2 for "Jahr", 4.6 for
///   "Gegenoffensive"); without a list, the length of its longest word in letters over 3, at most 6
///   (long compounds are rarer); an acronym is unlisted. A term used often in the text counts more, with diminishing
///   returns (`log2`), and each further word of a multiword term adds a quarter.
/// - Two parameters, set by reasoning and not tuned on evaluation data: the 7 (above the commonest
///   words' Zipf frequency, so every rarity is positive) and the quarter per word.
public struct Termhood: Sendable {
  public var frequencies: GeneralFrequency

  public init(frequencies: GeneralFrequency = GeneralFrequency()) {
    self.frequencies = frequencies
  }

  /// The termhood of `text` seen `count` times.
  ///
  /// - Parameter isAcronym: an acronym counts as unlisted: the list is case-folded, and "IST" or
  ///   "MOM" are not the common words "ist" and "mom".
  public func score(text: String, count: Int, wordCount: Int, isAcronym: Bool = false) -> Double {
    let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
      .filter { $0.count >= 2 && !GermanMorphology.functionWords.contains(TextNormalizer.foldCase($0)) }
    let rarity: Double
    if isAcronym {
      rarity = 7 - GeneralFrequency.unlisted
    } else if frequencies.isEmpty {
      rarity = min(6, Double(words.map(\.count).max() ?? 0) / 3)
    } else {
      rarity = 7 - (words.map { frequencies.frequency(of: $0) }.min() ?? 7)
    }
    let repetition = 1 + log2(Double(max(count, 1)))
    return max(rarity, 0.1) * repetition * (1 + 0.25 * Double(max(wordCount - 1, 0)))
  }
}

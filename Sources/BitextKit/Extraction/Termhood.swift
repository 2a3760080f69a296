import Foundation

/// How much a candidate looks like a term of the text rather than a word of everyday language.
///
///     score = rarity × (1 + log2(count)) × (1 + 0.25 × (words − 1))
///
/// - `rarity`: with a general-language list (`GeneralFrequency`, which reads a word misspelt by one
///   missing letter as the word it misspells), 7 minus the Zipf frequency of the
///   candidate's rarest word (1.2 for "Jahr", 4.6 for "Gegenoffensive", 6 for a word the list
///   lacks, such as most long compounds); a hyphenated compound's parts count as independent words
///   (`compoundFrequency`), and an acronym as unlisted. Without a list: the length in letters of
///   its longest word over 3, at most 6 (long compounds are rarer).
/// - A term used often in the text counts more, with diminishing returns (`log2`), and each
///   further word of a multiword term adds a quarter.
/// - Two parameters, set by reasoning and not tuned on evaluation data: the 7 (above the commonest
///   words' Zipf frequency, so every rarity is positive) and the quarter per word.
///
/// `score(of:count:rendered:)` also weighs the share of occurrences with a rendering;
/// `GlossaryExtractor` multiplies that, for phrases, by their unithood.
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
    // Words split at white space; a hyphenated compound's parts are looked up one by one.
    let words = text.split(whereSeparator: \.isWhitespace).map {
      $0.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        .filter {
          $0.count >= 2 && !GermanMorphology.functionWords.contains(TextNormalizer.foldCase($0))
        }
    }.filter { !$0.isEmpty }
    let rarity: Double
    if isAcronym {
      rarity = 7 - GeneralFrequency.unlisted
    } else if frequencies.isEmpty {
      rarity = min(6, Double(words.map { $0.reduce(0) { $0 + $1.count } }.max() ?? 0) / 3)
    } else {
      rarity = 7 - (words.map(compoundFrequency).min() ?? 7)
    }
    return max(rarity, 0.1) * (1 + log2(Double(max(count, 1))))
      * (1 + 0.25 * Double(max(wordCount - 1, 0)))
  }

  /// The termhood of `candidate` seen `count` times, `rendered` of them with a rendering, times
  /// (0.5 + 0.5 × the rendered share): a term the translation renders nowhere is half as likely to
  /// be one.
  func score(of candidate: TermCandidate, count: Int, rendered: Int) -> Double {
    score(
      text: candidate.text, count: count, wordCount: candidate.wordCount,
      isAcronym: candidate.kind == .acronym)
      * (0.5 + 0.5 * Double(rendered) / Double(max(count, 1)))
  }

  /// The Zipf frequency of a hyphenated compound from its parts' as if they were independent
  /// (probabilities multiply: z = z₁ + z₂ − 9, Zipf being log10 of occurrences per 10⁹ words), at
  /// least `GeneralFrequency.unlisted`.
  func compoundFrequency(_ parts: [String]) -> Double {
    guard let first = parts.first else { return 7 }
    let zipf = parts.dropFirst().reduce(frequencies.frequency(of: first)) {
      $0 + frequencies.frequency(of: $1) - 9
    }
    return max(zipf, GeneralFrequency.unlisted)
  }
}

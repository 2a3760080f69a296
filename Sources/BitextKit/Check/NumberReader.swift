/// Reads the numbers of a sentence as values, whatever the language's separators.
///
/// A number token ("1.000", "3,5", "1962") or a word starting with digits ("1990er", "3rd",
/// "1990s") gives the set of values it can mean: "1.000" is 1000 (German grouping) or 1 (English
/// decimal point), "1,000" is 1000 or 1; two numbers agree when their sets meet, so the German
/// "1.000" and the English "1,000" agree and "32" and "33" do not. A following scale word
/// ("Millionen", "Mrd.", "billion") adds the scaled value. English number words up to twenty, the
/// tens and the ordinals up to "twentieth" count as their numbers in the target.
///
/// Tokens whose separators fit neither convention (dates such as "24.02.2022", times "14.30") and
/// numbers before "Uhr" (times) are not read: the check stays silent about them.
enum NumberReader {
  /// A number in a sentence.
  struct Mention: Hashable {
    var text: String
    /// UTF-8 byte range in the document.
    var range: Range<Int>
    /// Every value the text can mean, in thousandths (so that 3.5 is 3500).
    var values: Set<Int64>
    /// True for a number word ("three"): it can stand for a source number but is not reported as
    /// found instead of one (the source may have it as a word too).
    var isWord = false
  }

  /// The numbers of `tokens`; `language` decides which words are scale and number words.
  static func mentions(in tokens: [Token], language: Language) -> [Mention] {
    var mentions: [Mention] = []
    for (index, token) in tokens.enumerated() {
      let next = index + 1 < tokens.count ? tokens[index + 1].key : ""
      if language == .german && next == "uhr" { continue }
      var digits = token.text
      if token.kind == .word {
        digits = String(token.text.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") })
        if let wordValue = numberWords[token.key], language == .english {
          mentions.append(
            Mention(
              text: token.text, range: token.utf8Range, values: [wordValue * 1000], isWord: true))
          continue
        }
        guard !digits.isEmpty, digits.first!.isNumber else { continue }
      } else if token.kind != .number {
        continue
      }
      var values = readings(of: digits)
      guard !values.isEmpty else { continue }
      if let scale = scales[next] {
        values.formUnion(values.map { $0 * scale })
      }
      mentions.append(Mention(text: token.text, range: token.utf8Range, values: values))
    }
    return mentions
  }

  /// The values (in thousandths) of a string of digits with "." and "," separators, under the
  /// German and the English convention; empty when neither fits.
  static func readings(of text: String) -> Set<Int64> {
    var values: Set<Int64> = []
    for (group, decimal) in [(Character("."), Character(",")), (Character(","), Character("."))] {
      if let value = value(of: text, group: group, decimal: decimal) { values.insert(value) }
    }
    return values
  }

  private static func value(of text: String, group: Character, decimal: Character) -> Int64? {
    let parts = text.split(separator: decimal, omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
    let groups = whole.split(separator: group, omittingEmptySubsequences: false)
    guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
    if groups.count > 1 {
      guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
        return nil
      }
    }
    guard let integer = Int64(groups.joined()), integer < 1_000_000_000_000 else { return nil }
    var thousandths = integer * 1000
    if parts.count == 2 {
      let fraction = parts[1]
      guard !fraction.isEmpty, fraction.allSatisfy(\.isNumber), fraction.count <= 3 else {
        return nil
      }
      thousandths += Int64(fraction.padding(toLength: 3, withPad: "0", startingAt: 0))!
    }
    return thousandths
  }

  /// Scale words after a number, as multipliers.
  static let scales: [String: Int64] = [
    "tausend": 1_000, "thousand": 1_000,
    "million": 1_000_000, "millionen": 1_000_000, "mio": 1_000_000, "millions": 1_000_000,
    "milliarde": 1_000_000_000, "milliarden": 1_000_000_000, "mrd": 1_000_000_000,
    "billion": 1_000_000_000, "billions": 1_000_000_000,
    "billionen": 1_000_000_000_000, "trillion": 1_000_000_000_000,
  ]

  /// English number words and ordinals.
  static let numberWords: [String: Int64] = {
    let cardinals = [
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen", "twenty",
    ]
    let ordinals = [
      "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
      "ninth",
      "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
      "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ]
    var words: [String: Int64] = [:]
    for (value, word) in cardinals.enumerated() { words[word] = Int64(value) }
    for (value, word) in ordinals.enumerated() { words[word] = Int64(value) }
    let tens = [
      "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
      "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
    ]
    for (word, value) in tens { words[word] = Int64(value) }
    return words
  }()
}

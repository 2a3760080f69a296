/// The candidates of a text that are another candidate written with one letter missing
/// ("Innovtionsleistung" for "Innovationsleistung", "Telkom Stiftung" for "Telekom Stiftung"): a
/// typo of a term is that term, and its occurrences are the term's.
///
/// A candidate is taken for a misspelling of another when one of its forms is one of the other's
/// forms (case folded) with one letter left out, the word that lost it has at least six letters,
/// the other is seen at least as often, and, with a general-language list, the misspelt word is not
/// in it ("Staaten" is not "Statten" misspelt the other way round). Acronyms are left alone.
struct Misspellings {
  /// Misspelt candidate text → the text of the candidate it misspells.
  let corrections: [String: String]
  /// Misspelt word (case folded, a hyphenated word's part: "augaben" of "E-Augaben") → the word it
  /// misspells ("ausgaben"): what the dictionary is asked for instead.
  let words: [String: String]

  init(_ candidates: [TermCandidate], frequencies: GeneralFrequency) {
    // Every form of every candidate with one letter left out → the candidates it comes from.
    var shortened: [String: [Int]] = [:]
    for (index, candidate) in candidates.enumerated() where candidate.kind != .acronym {
      for form in Set(candidate.forms.keys.map(TextNormalizer.foldCase)) {
        for short in Self.shortened(form) { shortened[short, default: []].append(index) }
      }
    }
    var corrections: [String: String] = [:]
    var words: [String: String] = [:]
    for candidate in candidates where candidate.kind != .acronym {
      for form in candidate.forms.keys.sorted() {
        let folded = TextNormalizer.foldCase(form)
        guard
          let right = shortened[folded]?.map({ candidates[$0] }).filter({
            $0.key != candidate.key && $0.count >= candidate.count
          }).max(by: { $0.count < $1.count }),
          let word = Self.misspeltWord(folded, of: right, frequencies: frequencies)
        else { continue }
        corrections[candidate.text] = right.text
        words[word.typo] = word.right
        break
      }
    }
    self.corrections = corrections
    self.words = words
  }

  /// `text` with each of its letters left out in turn.
  private static func shortened(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return scalars.indices.filter { scalars[$0].properties.isAlphabetic }.map { position in
      var view = String.UnicodeScalarView(scalars[..<position])
      view.append(contentsOf: scalars[(position + 1)...])
      return String(view)
    }
  }

  /// The word of `folded` that misspells a word of `right`'s forms, with that word, when the
  /// misspelt word has six letters or more and, with a list, its changed part is not in it.
  private static func misspeltWord(
    _ folded: String, of right: TermCandidate, frequencies: GeneralFrequency
  ) -> (typo: String, right: String)? {
    func parts(_ text: Substring) -> [String] {
      text.split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
    let rightWords = Set(
      right.forms.keys.flatMap { TextNormalizer.foldCase($0).split(separator: " ") })
    guard let changed = folded.split(separator: " ").first(where: { !rightWords.contains($0) }),
      changed.count >= 6
    else { return nil }
    let rightParts = Set(rightWords.flatMap(parts))
    guard let typo = parts(changed).first(where: { !rightParts.contains($0) }),
      frequencies.zipf[typo] == nil,
      let word = rightParts.sorted().first(where: { shortened($0).contains(typo) })
    else { return nil }
    return (typo, word)
  }
}

/// Finds the target words of a bead spelled like a source term's words: names, acronyms and
/// internationalisms that a translation keeps or transliterates ("Peskow" → "Peskov", "Wladimir"
/// → "Vladimir", "NATO" → "NATO").
///
/// Two words are cognates when their case-folded forms (umlauts folded) are equal, or, for words
/// of at least five letters, differ by at most one edit per five letters (Levenshtein distance).
/// Matched target words next to each other (white space or one hyphen between) form one rendering
/// ("Dmitri Peskow" → "Dmitry Peskov").
struct CognateFinder {
  let target: Document
  /// Tokens of each target sentence (`Alignment.target` order).
  let targetTokens: [[Token]]
  private let tokenizer: Tokenizer

  init(alignment: Alignment, target: Document, language: Language) {
    self.target = target
    let tokenizer = Tokenizer(language: language)
    self.tokenizer = tokenizer
    self.targetTokens = alignment.target.map {
      tokenizer.tokens(
        in: target.utf8,
        range: min($0.utf8Range.lowerBound, target.utf8.count)..<min(
          $0.utf8Range.upperBound, target.utf8.count))
    }
  }

  /// The cognate renderings of `term` in the target sentences `sentences`, in text order.
  func renderings(of term: String, in sentences: [Int]) -> [TermRendering] {
    let words = tokenizer.tokens(in: term).filter { $0.kind == .word && $0.key.count >= 2 }
      .map { GermanMorphology.foldUmlauts($0.key) }
    guard !words.isEmpty else { return [] }
    var runs: [TermRendering] = []
    for sentence in sentences where sentence < targetTokens.count {
      let tokens = targetTokens[sentence]
      var runStart: Int?
      var runEnd = 0
      func close() {
        if let start = runStart {
          let range = tokens[start].utf8Range.lowerBound..<tokens[runEnd].utf8Range.upperBound
          let text = target.text(range)
          runs.append(TermRendering(name: text, text: text, targetRange: range, origin: .dictionary))
        }
        runStart = nil
      }
      for (index, token) in tokens.enumerated() {
        if token.kind == .punctuation, token.key == "-" || token.key == "'" || token.key == "’" {
          continue
        }
        let key = GermanMorphology.foldUmlauts(token.key)
        if token.kind == .word, words.contains(where: { Self.areCognates($0, key) }) {
          if runStart == nil || index - runEnd > 2 || tokens[runEnd + 1..<index].contains(where: {
            $0.kind != .punctuation || $0.key != "-"
          }) {
            close()
            runStart = index
          }
          runEnd = index
        } else {
          close()
        }
      }
      close()
    }
    return runs
  }

  /// True when two folded words are spelled alike (see the type's comment).
  static func areCognates(_ left: String, _ right: String) -> Bool {
    if left == right { return true }
    let shorter = min(left.count, right.count)
    guard shorter >= 5 else { return false }
    return distance(Array(left.unicodeScalars), Array(right.unicodeScalars)) <= shorter / 5
  }

  /// The Levenshtein distance of two scalar arrays.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...max(a.count, 1) where i <= a.count {
      current[0] = i
      for j in 1...max(b.count, 1) where j <= b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

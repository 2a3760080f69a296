/// Finds the target words of a bead spelled like a source term's words: names, acronyms and
/// internationalisms that a translation keeps or transliterates ("Peskow" → "Peskov", "Wladimir"
/// → "Vladimir", "NATO" → "NATO").
///
/// Two words are cognates when their case-folded forms (umlauts folded) are equal, or, for words
/// of at least five letters, differ by at most one edit per five letters (Levenshtein distance).
/// Matched target words next to each other (white space or one hyphen between) form one rendering
/// ("Dmitri Peskow" → "Dmitry Peskov"); `merged` joins renderings of one occurrence the same way,
/// across a linking word too ("state" and "emergency": "state of emergency").
///
/// The aligner's cognate evidence (`AnchorEvidence`) only compares four-letter prefixes, which is
/// enough to tie two sentences together but not to say which word renders a term.
struct CognateFinder {
  let target: Document
  /// Tokens of each target sentence (`Alignment.target` order).
  let targetTokens: [[Token]]
  private let tokenizer: Tokenizer

  init(text: AlignedText) {
    self.target = text.target
    self.targetTokens = text.targetTokens
    self.tokenizer = Tokenizer(language: text.sourceLanguage)
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
          var range = tokens[start].utf8Range.lowerBound..<tokens[runEnd].utf8Range.upperBound
          var text = target.text(range)
          for suffix in ["'s", "’s"] where text.hasSuffix(suffix) {
            text.removeLast(2)
            range = range.lowerBound..<(range.upperBound - suffix.utf8.count)
          }
          runs.append(
            TermRendering(name: text, text: text, targetRange: range, origin: .dictionary))
        }
        runStart = nil
      }
      for (index, token) in tokens.enumerated() {
        if token.kind == .punctuation, token.key == "-" || token.key == "'" || token.key == "’" {
          continue
        }
        var key = GermanMorphology.foldUmlauts(token.key)
        for suffix in ["'s", "’s"] where key.hasSuffix(suffix) { key.removeLast(2) }
        if token.kind == .word, !Self.linkingWords.contains(key),
          words.contains(where: { Self.areCognates($0, key) })
        {
          if runStart == nil || index - runEnd > 2
            || tokens[runEnd + 1..<index].contains(where: {
              $0.kind != .punctuation || $0.key != "-"
            })
          {
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

  /// The rendering of an acronym that the translation replaced by one of its own ("IKT" → "ICT",
  /// "IWF" → "IMF", "MINT" → "STEM"): the one acronym of the target sentences `sentences` that the
  /// source sentences (`sourceTokens`) do not have as well, Roman numerals aside; nil when there
  /// is none or more than one.
  func translatedAcronym(in sentences: [Int], besides sourceTokens: [Token]) -> TermRendering? {
    let kept = Set(sourceTokens.filter { TermKeyer.isAcronym($0.text) }.map(\.text))
    var found: [Token] = []
    for sentence in sentences where sentence < targetTokens.count {
      found += targetTokens[sentence].filter {
        $0.kind == .word && TermKeyer.isAcronym($0.text) && !Self.isRomanNumeral($0.text)
      }
    }
    let candidates = Set(found.map(\.text)).subtracting(kept)
    guard candidates.count == 1, let token = found.first(where: { candidates.contains($0.text) })
    else { return nil }
    return TermRendering(
      name: token.text, text: token.text, targetRange: token.utf8Range, origin: .dictionary)
  }

  /// True for a word of the letters of Roman numerals only ("II", "XIV"): a number, not an acronym.
  static func isRomanNumeral(_ word: String) -> Bool {
    word.allSatisfy { "IVXLCDM".contains($0) }
  }

  /// `renderings` in text order with those that touch or overlap (white space or a hyphen between)
  /// joined into one ("Kremlin speaker" and "Dmitry Peskov": "Kremlin speaker Dmitry Peskov").
  func merged(_ renderings: [TermRendering]) -> [TermRendering] {
    var result: [TermRendering] = []
    for rendering in renderings.sorted(by: { $0.targetRange.lowerBound < $1.targetRange.lowerBound }
    ) {
      if var last = result.last, rendering.targetRange.lowerBound >= last.targetRange.lowerBound,
        isJoinable(last.targetRange.upperBound, rendering.targetRange.lowerBound)
      {
        let range =
          last.targetRange
          .lowerBound..<max(last.targetRange.upperBound, rendering.targetRange.upperBound)
        last.targetRange = range
        last.text = target.text(range)
        last.name = last.text
        result[result.count - 1] = last
      } else {
        result.append(rendering)
      }
    }
    return result
  }

  /// True when the target bytes from `end` to `start` are nothing, white space, one hyphen or one
  /// linking word ("state of emergency", "research and development") (or when the two overlap).
  private func isJoinable(_ end: Int, _ start: Int) -> Bool {
    guard start > end else { return true }
    let gap = String(decoding: target.utf8[end..<start], as: UTF8.self)
      .split(whereSeparator: \.isWhitespace)
    return gap.isEmpty || (gap.count == 1 && Self.linkingWords.contains(String(gap[0])))
  }

  /// What may stand between two words of one rendering.
  static let linkingWords: Set<String> = ["-", "of", "and", "for", "&"]

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

// MARK: - Per-unit and cross-unit rules

extension BilingualChecker {
  /// The checks only a bilingual file makes possible (steps 2 and 3 of `BilingualChecker`).
  struct UnitRules {
    let file: BilingualDocument
    let alignment: Alignment
    let severities: [Finding.Kind: Finding.Severity]
    let sourceFunctionWords: Set<String>
    let tokenizer: Tokenizer

    init(
      file: BilingualDocument, alignment: Alignment, severities: [Finding.Kind: Finding.Severity]
    ) {
      self.file = file
      self.alignment = alignment
      self.severities = severities
      sourceFunctionWords = UntranslatedCheck.functionWords(file.sourceLanguage)
      tokenizer = Tokenizer(language: file.sourceLanguage)
    }

    /// Characters whose difference at the end of a segment is reported.
    static let endPunctuation: Set<Character> = [".", "!", "?", ":", ";", "…", "。", "？", "！"]

    private func finding(
      _ kind: Finding.Kind, _ index: Int, term: String? = nil, expected: [String] = [],
      found: [String] = [], _ message: String
    ) -> Finding {
      let hasTarget = file.units[index].target != nil
      return Finding(
        kind: kind, severity: severities[kind]!, sourceSentences: [index],
        targetSentences: [index], sourceRange: alignment.source[index].utf8Range,
        targetRange: hasTarget ? alignment.target[index].utf8Range : nil, term: term,
        expected: expected, found: found, message: message)
    }

    /// missing-target, untranslated, inline codes, white space, end punctuation of one unit.
    ///
    /// - Parameter knownUntranslated: the per-pair `untranslated` check already reported it.
    func findings(unit index: Int, knownUntranslated: Bool) -> [Finding] {
      let unit = file.units[index]
      guard !unit.source.isBlank else { return [] }
      guard let target = unit.target, !target.isBlank else {
        return [
          finding(
            .missingTarget, index,
            unit.target == nil ? "no translation (no target)" : "empty translation")
        ]
      }
      var findings: [Finding] = []
      let sourceKey = Self.key(unit.source)
      if !knownUntranslated && sourceKey == Self.key(target) && hasSourceLanguageWords(unit.source)
      {
        findings.append(
          finding(.untranslated, index, "the target is the source text: not translated"))
      }
      let sourceLabels = unit.source.codes.map(\.label)
      let targetLabels = target.codes.map(\.label)
      if sourceLabels.sorted() != targetLabels.sorted() {
        let missing = Self.difference(sourceLabels, targetLabels)
        let added = Self.difference(targetLabels, sourceLabels)
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing \(missing.joined(separator: " "))") }
        if !added.isEmpty { parts.append("added \(added.joined(separator: " "))") }
        findings.append(
          finding(
            .inlineCodeMismatch, index, expected: sourceLabels, found: targetLabels,
            "inline codes differ (source \(sourceLabels.count), target \(targetLabels.count)): "
              + parts.joined(separator: ", ")))
      } else if sourceLabels != targetLabels {
        findings.append(
          finding(
            .inlineCodeOrder, index, expected: sourceLabels, found: targetLabels,
            "inline codes in another order: source \(sourceLabels.joined()), target "
              + targetLabels.joined()))
      }
      let sourceEdges = Self.whitespaceEdges(unit.source.text)
      let targetEdges = Self.whitespaceEdges(target.text)
      if sourceEdges != targetEdges {
        var sides: [String] = []
        if sourceEdges.leading != targetEdges.leading { sides.append("leading") }
        if sourceEdges.trailing != targetEdges.trailing { sides.append("trailing") }
        findings.append(
          finding(
            .whitespaceMismatch, index,
            "\(sides.joined(separator: " and ")) white space differs between source and target"))
      }
      let sourceEnd = Self.lastCharacter(unit.source.text)
      let targetEnd = Self.lastCharacter(target.text)
      if sourceEnd != targetEnd,
        sourceEnd.map(Self.endPunctuation.contains) == true
          || targetEnd.map(Self.endPunctuation.contains) == true
      {
        let shown = { (character: Character?) in character.map { quoted(String($0)) } ?? "none" }
        findings.append(
          finding(
            .endPunctuationMismatch, index, expected: sourceEnd.map { [String($0)] } ?? [],
            found: targetEnd.map { [String($0)] } ?? [],
            "the source ends with \(shown(sourceEnd)), the target with \(shown(targetEnd))"))
      }
      return findings
    }

    /// inconsistent-target and inconsistent-source across `units` (indexes of checked units).
    func consistencyFindings(_ units: [Int]) -> [Finding] {
      var findings: [Finding] = []
      for (kind, keyed, other) in [
        (Finding.Kind.inconsistentTarget, \BilingualUnit.source, "source"),
        (Finding.Kind.inconsistentSource, \BilingualUnit.target!, "target"),
      ] {
        var first: [String: Int] = [:]
        for index in units {
          let unit = file.units[index]
          let key = Self.key(unit[keyPath: keyed])
          guard let earlier = first[key] else {
            first[key] = index
            continue
          }
          let (mine, theirs) =
            kind == .inconsistentTarget
            ? (unit.target!, file.units[earlier].target!)
            : (unit.source, file.units[earlier].source)
          guard Self.key(mine) != Self.key(theirs) else { continue }
          findings.append(
            finding(
              kind, index, term: unit[keyPath: keyed].plainText,
              expected: [theirs.displayText], found: [mine.displayText],
              "the same \(other) as \(file.units[earlier].name) but "
                + (kind == .inconsistentTarget ? "translated differently" : "another source")
                + ": \(quoted(mine.displayText)) here, \(quoted(theirs.displayText)) there"))
        }
      }
      return findings
    }

    /// The comparison key of a text: inline codes left out, white space collapsed and trimmed.
    /// (Swift compares and hashes strings by canonical equivalence, so NFC and NFD forms of a
    /// text have one key.)
    static func key(_ text: BilingualText) -> String {
      text.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// True when `text` has a function word of the source language ("der", "und"; "the", "and").
    private func hasSourceLanguageWords(_ text: BilingualText) -> Bool {
      tokenizer.tokens(in: text.text).contains {
        $0.kind == .word && sourceFunctionWords.contains($0.key)
      }
    }

    /// The elements of `left` not matched by one of `right` (multiset difference, in order).
    static func difference(_ left: [String], _ right: [String]) -> [String] {
      var remaining = Dictionary(right.map { ($0, 1) }, uniquingKeysWith: +)
      return left.filter { label in
        guard let count = remaining[label], count > 0 else { return true }
        remaining[label] = count - 1
        return false
      }
    }

    /// Whether a text starts and ends with white space.
    static func whitespaceEdges(_ text: String) -> (leading: Bool, trailing: Bool) {
      (text.first?.isWhitespace ?? false, text.last?.isWhitespace ?? false)
    }

    /// The last character that is neither white space nor an inline code.
    static func lastCharacter(_ text: String) -> Character? {
      text.last { !$0.isWhitespace && $0 != BilingualText.placeholder }
    }
  }
}

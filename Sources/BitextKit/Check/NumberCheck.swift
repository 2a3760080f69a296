/// number-mismatch: a number of the source bead that the target bead does not contain.
///
/// Numbers are compared as values (`NumberReader`): "1.000" = "1,000", "3,5" = "3.5",
/// "2,5 Milliarden" = "2.5 billion", "3" = "three". Presence counts, not frequency: a year written
/// twice in German and once in English is fine. One finding per missing source number; target
/// numbers that match no source number are reported as found instead.
struct NumberCheck {
  let text: AlignedText
  let severity: Finding.Severity
  let skippedBeads: Set<Int>

  func findings() -> [Finding] {
    var findings: [Finding] = []
    for (index, bead) in text.alignment.beads.enumerated()
    where !bead.source.isEmpty && !bead.target.isEmpty && !skippedBeads.contains(index) {
      let source = bead.source.flatMap {
        NumberReader.mentions(in: text.sourceTokens[$0], language: text.sourceLanguage)
      }
      guard !source.isEmpty else { continue }
      let target = bead.target.flatMap {
        NumberReader.mentions(in: text.targetTokens[$0], language: text.targetLanguage)
      }
      let targetValues = target.reduce(into: Set<Int64>()) { $0.formUnion($1.values) }
      let sourceValues = source.reduce(into: Set<Int64>()) { $0.formUnion($1.values) }
      let unmatched = target.filter { !$0.isWord && $0.values.isDisjoint(with: sourceValues) }
      var reported: Set<String> = []
      for mention in source where mention.values.isDisjoint(with: targetValues) {
        guard reported.insert(mention.text).inserted else { continue }
        let found = unique(unmatched.map(\.text))
        findings.append(
          Finding(
            kind: .numberMismatch, severity: severity, sourceSentences: Array(bead.source),
            targetSentences: Array(bead.target), sourceRange: mention.range,
            targetRange: unmatched.first?.range ?? text.targetRange(of: bead.target),
            term: mention.text, expected: [mention.text], found: found,
            message: "number \(quoted(mention.text)) is not in the translation"
              + (found.isEmpty ? "" : ", found \(quotedList(found))")))
      }
    }
    return findings
  }
}

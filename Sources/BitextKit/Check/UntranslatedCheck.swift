/// untranslated: a target sentence that is the source text, or mostly source-language words.
///
/// A target sentence of at least four words is untranslated when
/// - at least 60 % of its words occur in the bead's source sentences (letter case ignored) and it
///   has a source-language function word or at least 90 % of its words are shared; or
/// - at least three of its words and a quarter of them are German function words, and at most one
///   is an English function word (`LanguageDetector`'s lists).
/// Names shared by both languages ("Putin", "NATO") alone never make a sentence untranslated.
struct UntranslatedCheck {
  let text: AlignedText
  let severity: Finding.Severity

  /// The findings, and the beads they concern (whose other checks are skipped).
  func findings() -> (findings: [Finding], beads: Set<Int>) {
    var findings: [Finding] = []
    var beads: Set<Int> = []
    guard text.sourceLanguage != text.targetLanguage else { return ([], []) }
    let sourceFunctionWords = Self.functionWords(text.sourceLanguage)
    let targetFunctionWords = Self.functionWords(text.targetLanguage)
    for (index, bead) in text.alignment.beads.enumerated()
    where !bead.source.isEmpty && !bead.target.isEmpty {
      let sourceWords = Set(
        bead.source.flatMap { text.sourceTokens[$0] }.filter { $0.kind == .word }.map(\.key))
      for sentence in bead.target {
        let words = text.targetTokens[sentence].filter { $0.kind == .word }.map(\.key)
        guard words.count >= 4 else { continue }
        let shared = Double(words.count { sourceWords.contains($0) }) / Double(words.count)
        let sourceFunction = words.count { sourceFunctionWords.contains($0) }
        let targetFunction = words.count { targetFunctionWords.contains($0) }
        let identical = shared >= 0.6 && (sourceFunction >= 1 || shared >= 0.9)
        let mostlySource =
          sourceFunction >= 3 && Double(sourceFunction) >= 0.25 * Double(words.count)
          && targetFunction <= 1
        guard identical || mostlySource else { continue }
        beads.insert(index)
        let range = text.alignment.target[sentence].utf8Range
        let how = shared >= 0.9 ? "is the source text" : "is mostly \(text.sourceLanguage) text"
        findings.append(
          Finding(
            kind: .untranslated, severity: severity, sourceSentences: Array(bead.source),
            targetSentences: [sentence], sourceRange: text.sourceRange(of: bead.source),
            targetRange: range,
            message: "target sentence \(sentence) \(how): not translated"))
      }
    }
    return (findings, beads)
  }

  static func functionWords(_ language: Language) -> Set<String> {
    switch language {
    case .german: LanguageDetector.germanWords
    case .english: LanguageDetector.englishWords
    default: []
    }
  }
}

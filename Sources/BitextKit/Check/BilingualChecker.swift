import Foundation

/// Checks a bilingual file unit by unit and across units: what QA tools (Xbench, Verifika, Okapi
/// CheckMate) check in XLIFF and TMX.
///
///     let file = try BilingualReader().read(TextReader.read(path: "project.xlf"))
///     let checker = BilingualChecker(configuration: .init(glossary: glossary))
///     let check = checker.check(file)
///     // check.findings, check.location(of: check.findings[0])
///
/// The steps:
/// 1. The units become two texts and a 1-1 alignment (`BilingualDocument.pairedText()`), and every
///    per-pair check of `TranslationChecker` (terms, forbidden terms, inconsistent renderings,
///    numbers, untranslated) runs on the units that are to translate and have a target. Inline
///    codes are placeholders, so they never take part in a term match.
/// 2. Per unit: `missing-target` (no or an empty target); `untranslated` (a target equal to its
///    source, which has a function word of the source language); `inline-code-mismatch` and
///    `inline-code-order` (the codes' labels, `InlineCode.label`, compared as multisets, then in
///    order); `whitespace-mismatch` (leading or trailing white space on one side only);
///    `end-punctuation-mismatch` (the last character differs and one of them is `.`, `!`, `?`,
///    `:`, `;` or `…`).
/// 3. Across units: `inconsistent-target` (the same source, inline codes aside, white space
///    collapsed, translated differently) and `inconsistent-source` (different sources, the same
///    target), reported on each unit that differs from the first of its group.
///
/// Units with `translate="no"` are not checked. The configuration's languages are replaced by the
/// file's.
public struct BilingualChecker: Sendable {
  public var configuration: TranslationChecker.Configuration
  /// The glossary compiled for the file's languages (see `GlossaryIndex`); nil: compiled per check.
  public var glossaryIndex: GlossaryIndex?

  public init(configuration: TranslationChecker.Configuration = .init()) {
    self.configuration = configuration
  }

  /// The findings on `file`, ordered by unit and then by kind.
  ///
  /// - Parameter progress: called with `.checking` as the per-pair checks go on.
  /// - Complexity: O(*n*) in the length of the units' texts, besides the per-pair checks.
  public func check(_ file: BilingualDocument, progress: ProgressHandler? = nil) -> BilingualCheck {
    let (source, target, alignment) = file.pairedText()
    var configuration = configuration
    configuration.sourceLanguage = file.sourceLanguage
    configuration.targetLanguage = file.targetLanguage
    var severities = Finding.Kind.defaultSeverities
    severities.merge(configuration.severities) { $1 }

    let checked = file.units.indices.filter {
      file.units[$0].isTranslatable && !(file.units[$0].target?.isBlank ?? true)
    }
    var pairChecker = TranslationChecker(configuration: configuration)
    pairChecker.glossaryIndex = glossaryIndex
    let checkedAlignment = Alignment(
      source: alignment.source, target: alignment.target,
      beads: checked.map { alignment.beads[$0] })
    var findings = pairChecker.check(
      checkedAlignment, source: source, target: target, progress: progress
    ).map { Self.namingUnits($0, of: file) }
    let untranslated = Set(findings.filter { $0.kind == .untranslated }.flatMap(\.targetSentences))

    let rules = UnitRules(file: file, alignment: alignment, severities: severities)
    for index in file.units.indices where file.units[index].isTranslatable {
      findings += rules.findings(unit: index, knownUntranslated: untranslated.contains(index))
    }
    findings += rules.consistencyFindings(checked)

    let order = Dictionary(
      uniqueKeysWithValues: Finding.Kind.allCases.enumerated().map { ($1, $0) })
    let sorted = findings.enumerated().sorted { left, right in
      func key(_ finding: Finding) -> (Int, Int) {
        (
          finding.targetSentences.first ?? finding.sourceSentences.first ?? Int.max,
          order[finding.kind] ?? 0
        )
      }
      let (a, b) = (key(left.element), key(right.element))
      return a != b ? a < b : left.offset < right.offset
    }.map(\.element)
    return BilingualCheck(
      file: file, source: source, target: target, alignment: alignment, findings: sorted)
  }

  /// A per-pair finding whose message names units where it counted sentences: "target sentence
  /// 3 is the source text" → "the target is the source text", "(sentences 1, 4)" → "(units a1,
  /// a3 segment 2)".
  static func namingUnits(_ finding: Finding, of file: BilingualDocument) -> Finding {
    var finding = finding
    if let range = finding.message.range(
      of: #"^target sentence [0-9]+ "#, options: .regularExpression)
    {
      finding.message.replaceSubrange(range, with: "the target ")
    }
    var searchStart = finding.message.startIndex
    while let range = finding.message.range(
      of: #"\bsentences? [0-9]+(, [0-9]+)*"#, options: .regularExpression,
      range: searchStart..<finding.message.endIndex)
    {
      let numbers = finding.message[range].split(whereSeparator: { !$0.isNumber }).compactMap {
        Int($0)
      }
      guard numbers.allSatisfy(file.units.indices.contains) else {
        searchStart = range.upperBound
        continue
      }
      let names = numbers.map { index in
        let unit = file.units[index]
        return unit.segment.map { "\(unit.id) segment \($0)" } ?? unit.id
      }
      let replacement = (names.count == 1 ? "unit " : "units ") + names.joined(separator: ", ")
      finding.message.replaceSubrange(range, with: replacement)
      searchStart = finding.message.index(range.lowerBound, offsetBy: replacement.count)
    }
    return finding
  }
}

import Foundation

/// How `bitext align` prints an alignment.
public enum AlignmentFormat: String, CaseIterable, Sendable {
  /// A bead a line: `source text<TAB>target text<TAB>score<TAB>ok|low`, like hunalign's text
  /// output (sentences of one side joined by ` ~~~ `), with low-confidence beads marked `low`.
  case tsv
  /// A JSON object a bead: `{"source", "target", "source_text", "target_text", "score", "kind",
  /// "low_confidence"}`; `source` and `target` list sentence indexes (empty for 0-1 and 1-0).
  case jsonl
  /// TMX 1.4b: a `<tu>` for each bead with text on both sides, except untranslated ones (see
  /// `AlignmentFormatter.untranslatedBeads`).
  case tmx
  /// XLIFF 1.2: a `<trans-unit>` for each bead with source sentences (see `XLIFFWriter`).
  case xliff
  /// XLIFF 2.1, the same units as `<unit>`s.
  case xliff2
}

/// Renders an `Alignment` in an `AlignmentFormat`.
///
/// Sentence indexes are `Sentence.index` (as `bitext segment` numbers sentences, or line numbers of
/// pre-segmented input). Line breaks inside a sentence become spaces in every format, and in TSV a
/// tab inside a sentence becomes a space.
public struct AlignmentFormatter: Sendable {
  public var sourceLanguage: Language
  public var targetLanguage: Language
  /// The TMX `creationdate`; a fixed date makes TMX output reproducible.
  public var creationDate: Date
  /// Beads whose target is the source text (`TranslationChecker.untranslatedBeads`): left out of
  /// TMX, whose units must be translations, unless `marksUntranslated`.
  public var untranslatedBeads: Set<Int> = []
  /// Keep untranslated beads in TMX, marked with the property `x-untranslated` = `yes`.
  public var marksUntranslated = false
  /// XLIFF's `original`: the name of the source text.
  public var sourceName = "source.txt"

  public init(sourceLanguage: Language, targetLanguage: Language, creationDate: Date = Date()) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.creationDate = creationDate
  }

  /// The whole output for `alignment`.
  public func render(_ alignment: Alignment, as format: AlignmentFormat) -> String {
    switch format {
    case .tsv: tsv(alignment)
    case .jsonl: jsonl(alignment)
    case .tmx: tmx(alignment)
    case .xliff, .xliff2:
      XLIFFWriter(
        version: format == .xliff ? .v1_2 : .v2_1, sourceLanguage: sourceLanguage,
        targetLanguage: targetLanguage
      ).document(alignment, original: sourceName)
    }
  }

  /// The confidence as printed: three decimals.
  public static func score(_ confidence: Double) -> String {
    String(format: "%.3f", min(1, max(0, confidence)))
  }

  // MARK: - Formats

  private func tsv(_ alignment: Alignment) -> String {
    var output = ""
    for bead in alignment.beads {
      let source = bead.source.map { Self.cell(alignment.source[$0].text) }
        .joined(separator: " ~~~ ")
      let target = bead.target.map { Self.cell(alignment.target[$0].text) }
        .joined(separator: " ~~~ ")
      output += "\(source)\t\(target)\t\(Self.score(bead.confidence))\t"
      output += (bead.isLowConfidence ? "low" : "ok") + "\n"
    }
    return output
  }

  private func jsonl(_ alignment: Alignment) -> String {
    var output = ""
    for bead in alignment.beads {
      output += JSON.object([
        "source": JSON.array(bead.source.map { alignment.source[$0].index }),
        "target": JSON.array(bead.target.map { alignment.target[$0].index }),
        "source_text": JSON.quote(Self.text(of: bead.source, in: alignment.source)),
        "target_text": JSON.quote(Self.text(of: bead.target, in: alignment.target)),
        "score": Self.score(bead.confidence),
        "kind": JSON.quote(bead.kind),
        "low_confidence": bead.isLowConfidence ? "true" : "false",
      ]) + "\n"
    }
    return output
  }

  private func tmx(_ alignment: Alignment) -> String {
    let writer = TMXWriter(
      sourceLanguage: sourceLanguage, segmentType: .sentence, creationDate: creationDate)
    var units: [TranslationUnit] = []
    for (number, bead) in alignment.beads.enumerated()
    where !bead.source.isEmpty && !bead.target.isEmpty {
      let untranslated = untranslatedBeads.contains(number)
      if untranslated && !marksUntranslated { continue }
      var properties = [("x-confidence", Self.score(bead.confidence)), ("x-bead", bead.kind)]
      if untranslated { properties.append(("x-untranslated", "yes")) }
      units.append(
        TranslationUnit(
          id: String(number + 1),
          variants: [
            .init(language: sourceLanguage, text: Self.text(of: bead.source, in: alignment.source)),
            .init(language: targetLanguage, text: Self.text(of: bead.target, in: alignment.target)),
          ],
          properties: properties))
    }
    return writer.document(units)
  }

  // MARK: - Text

  /// The sentences of `range` on one line, joined by a space (also XLIFF's unit text).
  static func text(of range: Range<Int>, in sentences: [Sentence]) -> String {
    range.map { SentenceFormatter.oneLine(sentences[$0].text) }.joined(separator: " ")
  }

  /// A sentence as a TSV cell: on one line, tabs made spaces.
  private static func cell(_ text: String) -> String {
    let line = SentenceFormatter.oneLine(text)
    return line.contains("\t") ? line.replacingOccurrences(of: "\t", with: " ") : line
  }
}

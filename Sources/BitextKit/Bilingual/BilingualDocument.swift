/// A bilingual file read into segment pairs: XLIFF 1.2, XLIFF 2.x, TMX or a two-column table.
///
/// This is what CAT tools (memoQ, Trados Studio, Phrase, OmegaT, Okapi) exchange: text already
/// segmented and paired, so that the checks run per unit with no segmentation and no alignment
/// (`BilingualChecker`). Inline codes are placeholders (`BilingualText`), and every unit knows
/// where its target is in the file, so that findings point there.
///
///     let file = try BilingualReader().read(TextReader.read(path: "project.xlf"))
///     // file.sourceLanguage == "de", file.units[0].id == "1"
public struct BilingualDocument: Hashable, Sendable {
  /// The formats read.
  public enum Format: String, Hashable, Sendable, CaseIterable {
    case xliff = "xliff"
    case xliff2 = "xliff2"
    case tmx
    case tsv
    case csv
  }

  /// The file's name as given.
  public var name: String
  public var format: Format
  public var sourceLanguage: Language
  public var targetLanguage: Language
  /// The units in file order.
  public var units: [BilingualUnit]

  public init(
    name: String, format: Format, sourceLanguage: Language, targetLanguage: Language,
    units: [BilingualUnit]
  ) {
    self.name = name
    self.format = format
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.units = units
  }
}

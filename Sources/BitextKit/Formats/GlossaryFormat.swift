/// A glossary file format, chosen by `--glossary-format` or from the file's extension.
public enum GlossaryFormat: String, CaseIterable, Hashable, Sendable {
  /// Tab-separated values with a header row (`GlossaryTable`).
  case tsv
  /// Comma-separated values per RFC 4180 with a header row (`GlossaryTable`).
  case csv
  /// TBX-Basic (TBX v3, ISO 30042:2019), DCA style.
  case tbx
  /// TMX 1.4b, one term pair a `<tu>` (a "TMX-style glossary").
  case tmx

  /// The format a path's extension names: `.tsv`/`.tab`/`.txt`, `.csv`, `.tbx`, `.tmx`; else nil.
  public init?(path: String) {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "tsv", "tab", "txt": self = .tsv
    case "csv": self = .csv
    case "tbx": self = .tbx
    case "tmx": self = .tmx
    default: return nil
    }
  }

  /// The format for `path`: `explicit` when given, else the extension's.
  ///
  /// - Throws: `InputError.unreadable` naming the path when neither says.
  public static func resolve(_ explicit: GlossaryFormat?, path: String) throws(InputError) -> Self {
    if let explicit { return explicit }
    if let format = GlossaryFormat(path: path) { return format }
    throw .unreadable(
      path: path,
      reason: "unknown glossary format (name it .tsv, .csv, .tbx or .tmx, or give the format)")
  }
}

extension GlossaryFormat {
  /// The ISO 639 language of a language tag, region and script dropped: "de-DE", "de_AT" → "de".
  ///
  /// bitext names languages by their ISO 639-1 code, so glossary readers keep only that part.
  static func language(fromTag tag: String) -> Language {
    let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init)
    return Language(rawValue: primary ?? tag)
  }
}

/// Reads bilingual files into `BilingualDocument`s: XLIFF 1.2 (with `seg-source` segments, as
/// memoQ, Trados Studio's SDLXLIFF and Okapi write them), XLIFF 2.0/2.1, TMX 1.4 and two-column
/// TSV/CSV tables whose header names the languages.
///
///     let reader = BilingualReader(sourceLanguage: .german, targetLanguage: .english)
///     let file = try reader.read(TextReader.read(path: "project.sdlxliff"))
///
/// XML is read with `XMLTree`'s safety rules (no entity declarations, no external entities, a
/// depth limit), streaming: each unit is converted as soon as its end tag is read and its
/// element dropped, so memory holds the file's bytes, the units read so far and one unit's
/// elements, never the whole tree. Languages come from the file (`source-language`,
/// `target-language`; `srcLang`, `trgLang`; TMX `srclang`; the table's header); languages given
/// to the reader must agree with them, and fill in what the file does not say.
public struct BilingualReader: Sendable {
  /// The source language asked for (`--source-lang`); nil: the file's.
  public var sourceLanguage: Language?
  /// The target language asked for (`--target-lang`); nil: the file's.
  public var targetLanguage: Language?

  public init(sourceLanguage: Language? = nil, targetLanguage: Language? = nil) {
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  /// The format a path's extension names: `.xlf`, `.xliff`, `.sdlxliff`, `.mqxliff` (XLIFF, either
  /// version: the root element tells), `.tmx`, `.tsv`, `.csv`; nil for any other.
  public static func format(ofPath path: String) -> BilingualDocument.Format? {
    let name = path.lowercased()
    guard let dot = name.lastIndex(of: ".") else { return nil }
    switch name[name.index(after: dot)...] {
    case "xlf", "xliff", "sdlxliff", "mqxliff", "mxliff": return .xliff
    case "tmx": return .tmx
    case "tsv", "tab": return .tsv
    case "csv": return .csv
    default: return nil
    }
  }

  /// Reads `document` as `format` (XML formats are told apart by their root element); nil: by the
  /// document's name, else XML when it starts with `<`, else TSV when its first line has a tab,
  /// else CSV.
  ///
  /// - Throws: `InputError.malformed` with file:line:column for malformed or unsafe XML, a root
  ///   that is no bilingual format, a unit without source, a file without languages or with two
  ///   pairs of them, or a file with no unit in the languages asked for;
  ///   `InputError.languageMismatch` when the file's languages are not those asked for.
  public func read(_ document: Document, format: BilingualDocument.Format? = nil)
    throws(InputError) -> BilingualDocument
  {
    switch format ?? Self.format(ofPath: document.name) ?? sniffedFormat(document) {
    case .tsv: try readTable(document, dialect: .tsv)
    case .csv: try readTable(document, dialect: .csv)
    case .xliff, .xliff2, .tmx: try readXML(document)
    }
  }

  private func sniffedFormat(_ document: Document) -> BilingualDocument.Format {
    let first = document.utf8[document.contentStart...].first {
      $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D
    }
    if first == 0x3C { return .xliff }
    let line = document.utf8[document.contentStart...].prefix { $0 != 0x0A && $0 != 0x0D }
    return line.contains(0x09) || !line.contains(0x2C) ? .tsv : .csv
  }

  // MARK: - Languages

  /// The language a file states for `side`, checked against the one asked for.
  ///
  /// - Parameters:
  ///   - stated: The file's code, nil or empty when it states none.
  ///   - asked: The language asked for.
  ///   - location: Where the file states it, for the message.
  func language(
    _ stated: String?, asked: Language?, side: String,
    at location: @autoclosure () -> SourceLocation
  ) throws(InputError) -> Language {
    let fileLanguage = stated.flatMap { $0.isEmpty ? nil : Self.language($0) }
    switch (fileLanguage, asked) {
    case (let found?, let expected?) where found != expected:
      throw .languageMismatch(location(), side: side, found: found, expected: expected)
    case (let found?, _): return found
    case (nil, let expected?): return expected
    case (nil, nil):
      throw .malformed(
        location(), reason: "the file names no \(side) language: give --\(side)-lang")
    }
  }

  /// A language code as files write it ("de-DE", "EN_us") as the language ("de", "en").
  static func language(_ code: String) -> Language {
    Language(code: code) ?? Language(rawValue: code.prefix { $0 != "-" && $0 != "_" }.lowercased())
  }
}

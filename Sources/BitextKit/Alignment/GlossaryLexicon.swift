import Foundation

/// A glossary's term pairs as word translations for the aligner: strong anchors.
///
/// Each source-language term of an entry is paired with each target-language term of the same
/// entry (deprecated renderings included: a translation that uses one is still a translation), and
/// a pair of terms yields the pairs of their content words' stem keys, as `DingDictionary` does.
///
///     let lexicon = try GlossaryLexicon.read(path: "terms.tsv", source: .german, target: .english)
public enum GlossaryLexicon {
  /// The word translations of `glossary` from `source` terms to `target` terms.
  public static func lexicon(from glossary: Glossary, source: Language, target: Language)
    -> BilingualLexicon
  {
    let sourceKeyer = DingDictionary.ContentWords(language: source)
    let targetKeyer = DingDictionary.ContentWords(language: target)
    var lexicon = BilingualLexicon()
    for entry in glossary.entries {
      let targetTerms = entry.terms(in: target).map { targetKeyer.contentStems($0.text[...]) }
      for sourceTerm in entry.terms(in: source) {
        let sourceStems = sourceKeyer.contentStems(sourceTerm.text[...])
        for targetStems in targetTerms {
          for sourceStem in sourceStems {
            for targetStem in targetStems { lexicon.add(source: sourceStem, target: targetStem) }
          }
        }
      }
    }
    return lexicon
  }

  /// Reads a glossary file and returns its word translations.
  ///
  /// A `.csv`, `.tbx` or `.tmx` file, and a TSV file whose header row names both languages
  /// (`de<TAB>en<TAB>en_status…`), go through the glossary reader (`Glossary.parse`). Any other
  /// file is a plain two-column TSV: `source term<TAB>target term` a line (further columns
  /// ignored), with or without a header line such as `German<TAB>English` or
  /// `source<TAB>target`; blank lines and `#` comment lines are skipped.
  ///
  /// - Throws: `InputError` when the file cannot be read or parsed; for a plain TSV, `.malformed`
  ///   at a line without two non-empty cells.
  public static func read(path: String, source: Language, target: Language) throws(InputError)
    -> BilingualLexicon
  {
    let document = try TextReader.read(path: path)
    let format = GlossaryFormat(path: path) ?? .tsv
    let glossary: Glossary
    if format != .tsv || headerNamesLanguages(document, source: source, target: target) {
      glossary = try Glossary.parse(document, format: format)
    } else {
      glossary = try readTSV(document, source: source, target: target)
    }
    return lexicon(from: glossary, source: source, target: target)
  }

  /// True when the first line that is not blank or a comment has a cell naming `source` and one
  /// naming `target` (`de`, `en-GB`): the header of a `GlossaryTable`.
  private static func headerNamesLanguages(
    _ document: Document, source: Language, target: Language
  ) -> Bool {
    let text = document.text(document.contentStart..<document.utf8.count)
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let languages = line.split(separator: "\t").map {
        $0.trimmingCharacters(in: .whitespaces).lowercased()
          .split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
      }
      return languages.contains(source.rawValue) && languages.contains(target.rawValue)
    }
    return false
  }

  /// A two-column TSV glossary as a `Glossary` (one entry a line, ids `1`, `2`, … by line number).
  static func readTSV(_ document: Document, source: Language, target: Language) throws(InputError)
    -> Glossary
  {
    let text = document.text(document.contentStart..<document.utf8.count)
    var entries: [GlossaryEntry] = []
    var lineNumber = 0
    var sawEntryOrHeader = false
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      lineNumber += 1
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cells.count >= 2, !cells[0].isEmpty, !cells[1].isEmpty else {
        throw .malformed(
          SourceLocation(file: document.name, line: lineNumber, column: 1),
          reason: "expected a glossary line 'source term<TAB>target term'")
      }
      defer { sawEntryOrHeader = true }
      if !sawEntryOrHeader && isHeader(cells[0], cells[1], source: source, target: target) {
        continue
      }
      entries.append(
        GlossaryEntry(
          id: String(lineNumber),
          terms: [Term(cells[0], language: source), Term(cells[1], language: target)]))
    }
    return Glossary(sourceLanguage: source, targetLanguage: target, entries: entries)
  }

  /// True for a header line: `de<TAB>en`, `source<TAB>target`, `German<TAB>English` and the like.
  private static func isHeader(
    _ first: String, _ second: String, source: Language, target: Language
  ) -> Bool {
    let languageNames: [Language: Set<String>] = [
      .german: ["german", "deutsch"], .english: ["english", "englisch"],
      .french: ["french", "français", "francais", "französisch"],
    ]
    let roles: Set<String> = [
      "source", "target", "source term", "target term", "term", "translation", "src", "tgt",
    ]
    func names(_ cell: String, _ language: Language) -> Bool {
      let cell = cell.lowercased()
      return cell == language.rawValue || cell.hasPrefix(language.rawValue + "-")
        || cell.hasPrefix(language.rawValue + "_") || roles.contains(cell)
        || (languageNames[language]?.contains(cell) ?? false)
    }
    return names(first, source) && names(second, target)
  }
}

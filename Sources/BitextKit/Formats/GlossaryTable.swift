/// Glossaries as TSV or CSV tables with a header row: one row a concept, one column a language.
///
///     # name: News and politics
///     id	de	en	en_status	pos
///     kreml-sprecher	Kreml-Sprecher	Kremlin spokesman; Kremlin speaker	preferred; deprecated	noun
///
/// Columns (names are case-insensitive, any order):
/// - a language code (`de`, `en`, `fr`; `en-GB` counts as `en`): the terms, variants separated by
///   `;`. The first language column is the source language, the second the target language.
/// - `LANG_status`, `LANG_pos`, `LANG_case`, `LANG_note`: per-term attributes of that language's
///   terms, either one value for all variants or a `;`-list with one value per variant (an empty
///   item keeps the default). Status is `preferred`, `admitted`, `deprecated` (or `forbidden`) or
///   `superseded`; by default the first variant is preferred and the others admitted. `pos` is
///   `noun`, `verb`, `adjective`, `adverb` or `other`; `case` is `yes` for case-sensitive terms.
/// - `status`: like `LANG_status` for the target-language terms (every language but the first),
///   so a simple `de`, `en`, `status` table works; `pos` and `case`: for the terms of every
///   language.
///   A `LANG_…` column wins over its unprefixed one.
/// - `id`, `note`, `definition`, `subject`: the entry's identifier and texts.
///
/// Rows with the same `id` form one entry, and so do rows without an id whose source-language terms
/// are the same; an entry without an id gets one made from its first term. Lines starting with `#`
/// before the header are comments; `# name: …` names the glossary. In list cells `\;` is a
/// literal semicolon and `\\` a backslash; in TSV every cell may also use `\t`, `\n` and `\r`.
public enum GlossaryTable {
  // MARK: - Escapes

  /// Splits a list cell at unescaped `;`, unescaping and trimming each item (empty items kept).
  static func splitList(_ cell: String, dialect: DelimitedText.Dialect) -> [String] {
    var items: [String] = []
    var current = ""
    var iterator = cell.makeIterator()
    while let character = iterator.next() {
      if character == ";" {
        items.append(current)
        current = ""
      } else if character == "\\" {
        guard let next = iterator.next() else {
          current.append(character)
          break
        }
        current += unescape(next, dialect: dialect, inList: true) ?? "\\\(next)"
      } else {
        current.append(character)
      }
    }
    items.append(current)
    return items.map(trimmed)
  }

  /// The text of a scalar cell: TSV escapes undone, CSV as is; trimmed.
  static func scalar(_ cell: String, dialect: DelimitedText.Dialect) -> String {
    guard dialect == .tsv, cell.contains("\\") else { return trimmed(cell) }
    var result = ""
    var iterator = cell.makeIterator()
    while let character = iterator.next() {
      guard character == "\\", let next = iterator.next() else {
        result.append(character)
        continue
      }
      result += unescape(next, dialect: dialect, inList: false) ?? "\\\(next)"
    }
    return trimmed(result)
  }

  private static func unescape(_ character: Character, dialect: DelimitedText.Dialect, inList: Bool)
    -> String?
  {
    switch character {
    case "\\": "\\"
    case ";" where inList: ";"
    case "t" where dialect == .tsv: "\t"
    case "n" where dialect == .tsv: "\n"
    case "r" where dialect == .tsv: "\r"
    default: nil
    }
  }

  /// `text` escaped for a cell: backslashes always, `;` in list items, tabs and line ends in TSV.
  static func escape(_ text: String, dialect: DelimitedText.Dialect, inList: Bool) -> String {
    guard dialect == .tsv || inList else { return text }
    var result = ""
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case ";" where inList: result += "\\;"
      case "\t" where dialect == .tsv: result += "\\t"
      case "\n" where dialect == .tsv: result += "\\n"
      case "\r" where dialect == .tsv: result += "\\r"
      case "\r\n" where dialect == .tsv: result += "\\r\\n"
      default: result.append(character)
      }
    }
    return result
  }
}

extension GlossaryTable {
  /// `text` without leading and trailing white space (spaces, tabs, line ends, NBSP).
  static func trimmed(_ text: String) -> String {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
    let last = text.lastIndex(where: { !$0.isWhitespace })!
    return String(text[first...last])
  }
}

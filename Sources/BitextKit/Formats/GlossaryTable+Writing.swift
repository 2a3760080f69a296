extension GlossaryTable {
  /// Renders `glossary` as a TSV or CSV table that `read(_:dialect:)` reads back unchanged.
  ///
  /// Columns: `id`, one per language (source, target, others), then for each language the
  /// `LANG_status`, `LANG_pos`, `LANG_case` and `LANG_note` columns that carry information, then
  /// `definition`, `subject` and `note` when some entry has one. A status column is left empty for
  /// a row whose statuses are the default (first term preferred, the others admitted).
  ///
  /// TSV starts with a `# name:` line when the glossary has a name; CSV is plain RFC 4180 (the
  /// header row first, CRLF line ends), which has no place for a name, so that any CSV reader or
  /// spreadsheet takes the header for what it is.
  public static func render(_ glossary: Glossary, dialect: DelimitedText.Dialect) -> String {
    var languages = glossary.languages
    if languages.isEmpty { languages = [.german, .english] }
    let terms = glossary.entries.map { entry in languages.map { entry.terms(in: $0) } }
    func anyTerm(_ language: Int, _ predicate: (Term) -> Bool) -> Bool {
      terms.contains { $0[language].contains(where: predicate) }
    }
    var header = ["id"] + languages.map(\.rawValue)
    var attributeColumns: [(language: Int, kind: String)] = []
    for (index, language) in languages.enumerated() {
      let needsStatus = terms.contains { !isDefaultStatus($0[index]) }
      let columns: [(String, Bool)] = [
        ("status", needsStatus),
        ("pos", anyTerm(index) { $0.partOfSpeech != nil }),
        ("case", anyTerm(index) { $0.isCaseSensitive }),
        ("note", anyTerm(index) { $0.note != nil }),
      ]
      for (kind, needed) in columns where needed {
        header.append("\(language.rawValue)_\(kind)")
        attributeColumns.append((index, kind))
      }
    }
    let entryColumns = [
      ("definition", glossary.entries.contains { $0.definition != nil }),
      ("subject", glossary.entries.contains { $0.subject != nil }),
      ("note", glossary.entries.contains { $0.note != nil }),
    ].filter(\.1).map(\.0)
    header += entryColumns

    var rows = [header]
    for (entry, entryTerms) in zip(glossary.entries, terms) {
      var row = [escape(entry.id, dialect: dialect, inList: false)]
      row += entryTerms.map { list($0.map(\.text), dialect: dialect) }
      for (language, kind) in attributeColumns {
        let cellTerms = entryTerms[language]
        switch kind {
        case "status":
          row.append(
            isDefaultStatus(cellTerms)
              ? "" : list(cellTerms.map(\.status.rawValue), dialect: dialect))
        case "pos": row.append(compactList(cellTerms.map { $0.partOfSpeech?.rawValue }, dialect))
        case "case":
          row.append(compactList(cellTerms.map { $0.isCaseSensitive ? "yes" : "no" }, dialect))
        default: row.append(compactList(cellTerms.map(\.note), dialect))
        }
      }
      for column in entryColumns {
        let value =
          switch column {
          case "definition": entry.definition
          case "subject": entry.subject
          default: entry.note
          }
        row.append(escape(value ?? "", dialect: dialect, inList: false))
      }
      rows.append(row)
    }
    let name = dialect == .tsv ? glossary.name.map { "# name: \(oneLine($0))\n" } ?? "" : ""
    return name + DelimitedText.render(rows, dialect: dialect)
  }

  /// True when the first term is preferred and the others admitted (or there are no terms).
  private static func isDefaultStatus(_ terms: [Term]) -> Bool {
    terms.enumerated().allSatisfy { $0.element.status == ($0.offset == 0 ? .preferred : .admitted) }
  }

  private static func list(_ items: [String], dialect: DelimitedText.Dialect) -> String {
    items.map { escape($0, dialect: dialect, inList: true) }.joined(separator: "; ")
  }

  /// One value when all items agree (empty when all are nil or "no"), else the full list.
  private static func compactList(_ items: [String?], _ dialect: DelimitedText.Dialect) -> String {
    guard let first = items.first else { return "" }
    if items.allSatisfy({ $0 == first }) {
      return first == "no" ? "" : escape(first ?? "", dialect: dialect, inList: true)
    }
    return list(items.map { $0 ?? "" }, dialect: dialect)
  }

  private static func oneLine(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
  }
}

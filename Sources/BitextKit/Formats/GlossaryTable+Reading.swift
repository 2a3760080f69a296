extension GlossaryTable {
  /// Reads a glossary from a TSV or CSV document; see `GlossaryTable` for the columns.
  ///
  /// The same rules hold in every command. The header names languages by code (`de`, `en-GB`,
  /// `de_DE`), by English or German name (`German`, `Deutsch`), or as `source` and `target` (then
  /// `languages`); a table whose first row names no column at all has no header, and its first
  /// two columns are the `languages`. Rows that repeat an entry (same id, or same source terms)
  /// are merged into it, with a warning; one that gives a term another status than before is a
  /// conflict (warning; the first status is kept). Lines of one cell starting with `#` are
  /// comments.
  ///
  /// - Parameters:
  ///   - languages: the languages of `source`/`target` columns and of a table without header.
  ///   - warn: receives each warning (`file:line:column` of the later row).
  /// - Throws: `InputError.malformed` at the offending cell (file:line:column) for an unknown or
  ///   repeated column, a bad status, part of speech or case value, a list whose length does not
  ///   match the terms, a row with more cells than the header or without a source or target cell,
  ///   an empty source term or an empty item of a list of terms, or a header without entries.
  public static func read(
    _ document: Document, dialect: DelimitedText.Dialect,
    languages: (source: Language, target: Language) = (.german, .english),
    warn: (GlossaryWarning) -> Void = { _ in }
  ) throws(InputError) -> Glossary {
    let (name, start) = comments(document)
    // A comment is a line of one cell that starts with `#` ("#MeToo<TAB>#MeToo" is an entry).
    let rows = try DelimitedText.parse(document, dialect: dialect, from: start)
      .filter { !$0.isBlank && !($0.cells.count == 1 && trimmed($0.cells[0].text).hasPrefix("#")) }
    guard let headerRow = rows.first else {
      throw .malformed(document.location(ofByte: start), reason: "no header row")
    }
    let header: Header
    var dataRows = rows.dropFirst()
    if Header.namesNoColumn(headerRow, languages: languages) {
      header = Header(headerless: headerRow, languages: languages)
      dataRows = rows[...]
    } else {
      header = try Header(headerRow, document: document, languages: languages)
    }
    guard !dataRows.isEmpty else {
      throw .malformed(
        document.location(ofByte: headerRow.byteOffset), reason: "a header row but no entries")
    }
    var pending: [PendingEntry] = []
    var firstRow: [Int] = []  // byte offset of each pending entry's first row
    var indexByID: [String: Int] = [:]
    var indexBySourceTerms: [[String]: Int] = [:]
    for row in dataRows {
      let entry = try header.entry(row, document: document, dialect: dialect)
      let key = entry.terms.filter { $0.language == header.languages[0] }.map(\.text).sorted()
      let existing =
        entry.id.map { indexByID[$0] } ?? (key.isEmpty ? nil : indexBySourceTerms[key])
      if let existing {
        let here = document.location(ofByte: row.byteOffset)
        let there = document.location(ofByte: firstRow[existing])
        let conflicts = pending[existing].conflicts(with: entry)
        if conflicts.isEmpty {
          warn(GlossaryWarning(here, "repeats the entry of line \(there.line) (merged)"))
        }
        for (term, old) in conflicts {
          warn(
            GlossaryWarning(
              here,
              "'\(term.text)' is \(term.status.rawValue) here but \(old.rawValue) at line "
                + "\(there.line) (kept: \(old.rawValue))"))
        }
        pending[existing].merge(entry)
      } else {
        firstRow.append(row.byteOffset)
        if let id = entry.id {
          indexByID[id] = pending.count
        } else if !key.isEmpty {
          indexBySourceTerms[key] = pending.count
        }
        pending.append(entry)
      }
    }
    var used = Set(pending.compactMap(\.id))
    let entries = pending.map { entry in
      GlossaryEntry(
        id: entry.id ?? uniqueID(for: entry.terms, used: &used), terms: entry.terms,
        definition: entry.definition, note: entry.note, subject: entry.subject)
    }
    return Glossary(
      name: name, sourceLanguage: header.languages.first,
      targetLanguage: header.languages.count > 1 ? header.languages[1] : nil, entries: entries)
  }

  /// The name from a `# name:` comment, and the byte offset where the table starts.
  private static func comments(_ document: Document) -> (name: String?, start: Int) {
    let bytes = document.utf8
    var index = document.contentStart
    var name: String?
    while index < bytes.count {
      var lineEnd = index
      while lineEnd < bytes.count && bytes[lineEnd] != 0x0A && bytes[lineEnd] != 0x0D {
        lineEnd += 1
      }
      let line = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
      if line.hasPrefix("#") {
        let comment = trimmed(String(line.dropFirst()))
        if comment.lowercased().hasPrefix("name:") {
          name = trimmed(String(comment.dropFirst(5)))
        }
      } else if !trimmed(line).isEmpty {
        break
      }
      index = lineEnd
      if index < bytes.count && bytes[index] == 0x0D { index += 1 }
      if index < bytes.count && bytes[index] == 0x0A { index += 1 }
    }
    return (name, index)
  }

  /// A readable identifier made from an entry's first term: "Kreml-Sprecher" → "kreml-sprecher".
  static func uniqueID(for terms: [Term], used: inout Set<String>) -> String {
    var base = ""
    for scalar in (terms.first?.text ?? "entry").lowercased().unicodeScalars {
      switch scalar {
      case "ä": base += "ae"
      case "ö": base += "oe"
      case "ü": base += "ue"
      case "ß": base += "ss"
      case "a"..."z", "0"..."9": base.unicodeScalars.append(scalar)
      default: if !base.isEmpty && !base.hasSuffix("-") { base += "-" }
      }
    }
    while base.hasSuffix("-") { base.removeLast() }
    if base.isEmpty || base.first!.isNumber { base = "e-" + base }
    var id = base
    var number = 2
    while used.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    used.insert(id)
    return id
  }
}

// MARK: - Rows

/// An entry read from one or more rows, before it has an identifier.
private struct PendingEntry {
  var id: String?
  var terms: [Term]
  var definition: String?
  var note: String?
  var subject: String?

  /// Terms of `other` that this entry has with another status, with the status it has here.
  func conflicts(with other: PendingEntry) -> [(term: Term, existing: TermStatus)] {
    other.terms.compactMap { term in
      guard
        let mine = terms.first(where: { $0.language == term.language && $0.text == term.text }),
        mine.status != term.status
      else { return nil }
      return (term, mine.status)
    }
  }

  mutating func merge(_ other: PendingEntry) {
    for term in other.terms
    where !terms.contains(where: { $0.language == term.language && $0.text == term.text }) {
      terms.append(term)
    }
    definition = definition ?? other.definition
    note = note ?? other.note
    subject = subject ?? other.subject
  }
}

/// What a header cell names.
private enum Column: Hashable {
  case id, note, definition, subject
  case terms(Language)
  case status(Language?)
  case partOfSpeech(Language?)
  case caseSensitive(Language?)
  case termNote(Language)
}

/// The header row: which column holds what.
private struct Header {
  var columns: [Column]
  /// The language columns in order: source first, then target.
  var languages: [Language]
  var headerCells: [DelimitedText.Cell]

  /// The columns of a table without header: source and target terms.
  init(headerless row: DelimitedText.Row, languages pair: (source: Language, target: Language)) {
    languages = [pair.source, pair.target]
    columns = languages.map { .terms($0) }
    headerCells = []
  }

  /// Language names a header may use instead of codes.
  static let languageNames: [String: Language] = [
    "german": .german, "deutsch": .german, "english": .english, "englisch": .english,
  ]

  /// The language a header cell names: a code (`de`, `en-GB`, `de_DE`), a name, `source`/`target`.
  static func language(named name: String, languages pair: (source: Language, target: Language))
    -> Language?
  {
    if let language = languageNames[name] { return language }
    if name == "source" { return pair.source }
    if name == "target" { return pair.target }
    if isLanguageCode(name) { return GlossaryFormat.language(fromTag: name) }
    // A POSIX locale: de_DE, en_GB, es_419.
    if let underscore = name.firstIndex(of: "_") {
      let region = name[name.index(after: underscore)...]
      let isRegion =
        (region.count == 2 && region.allSatisfy { $0.isASCII && $0.isLetter })
        || (region.count == 3 && region.allSatisfy { $0.isASCII && $0.isNumber })
      if isRegion && isLanguageCode(String(name[..<underscore])) {
        return GlossaryFormat.language(fromTag: String(name[..<underscore]))
      }
    }
    return nil
  }

  static let plainColumns: Set<String> = [
    "id", "note", "definition", "subject", "status", "pos", "case",
  ]

  /// True when no cell of `row` is a column name: the table has no header.
  ///
  /// Only two-letter codes count here ("war" is a term as well as Waray's code); a header with a
  /// three-letter code is still read as a header when another cell names a column.
  static func namesNoColumn(
    _ row: DelimitedText.Row, languages: (source: Language, target: Language)
  ) -> Bool {
    row.cells.allSatisfy { cell in
      var name = GlossaryTable.trimmed(cell.text).lowercased()
      if plainColumns.contains(name) || languageNames[name] != nil || name == "source"
        || name == "target"
      {
        return false
      }
      if let underscore = name.lastIndex(of: "_"),
        ["status", "pos", "case", "note"].contains(name[name.index(after: underscore)...])
      {
        name = String(name[..<underscore])
      }
      let primary = name.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
      return !(primary.count == 2 && language(named: name, languages: languages) != nil)
    }
  }

  init(
    _ row: DelimitedText.Row, document: Document,
    languages pair: (source: Language, target: Language)
  ) throws(InputError) {
    columns = []
    languages = []
    headerCells = row.cells
    for cell in row.cells {
      let name = GlossaryTable.trimmed(cell.text).lowercased()
      let column: Column
      switch name {
      case "id": column = .id
      case "note": column = .note
      case "definition": column = .definition
      case "subject": column = .subject
      case "status": column = .status(nil)
      case "pos": column = .partOfSpeech(nil)
      case "case": column = .caseSensitive(nil)
      default:
        if let language = Self.language(named: name, languages: pair) {
          column = .terms(language)
          if languages.contains(language) {
            throw .malformed(
              document.location(ofByte: cell.byteOffset),
              reason: "column '\(name)' repeats language '\(language)'")
          }
          languages.append(language)
        } else if let underscore = name.lastIndex(of: "_"),
          Self.isLanguageCode(String(name[..<underscore]))
        {
          let language = GlossaryFormat.language(fromTag: String(name[..<underscore]))
          switch name[name.index(after: underscore)...] {
          case "status": column = .status(language)
          case "pos": column = .partOfSpeech(language)
          case "case": column = .caseSensitive(language)
          case "note": column = .termNote(language)
          default: throw Self.unknown(cell, document: document)
          }
        } else {
          throw Self.unknown(cell, document: document)
        }
      }
      if columns.contains(column) {
        throw .malformed(
          document.location(ofByte: cell.byteOffset), reason: "column '\(name)' appears twice")
      }
      columns.append(column)
    }
    guard !languages.isEmpty else {
      throw .malformed(
        document.location(ofByte: row.byteOffset),
        reason: "the header names no language column (e.g. de, en)")
    }
    for (column, cell) in zip(columns, row.cells) {
      let language: Language?
      switch column {
      case .status(let l), .partOfSpeech(let l), .caseSensitive(let l): language = l
      case .termNote(let l): language = l
      default: language = nil
      }
      if let l = language, !languages.contains(l) {
        throw .malformed(
          document.location(ofByte: cell.byteOffset),
          reason: "column '\(GlossaryTable.trimmed(cell.text))' has no language column '\(l)'")
      }
    }
  }

  static func isLanguageCode(_ name: String) -> Bool {
    let parts = name.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count),
      first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  static func unknown(_ cell: DelimitedText.Cell, document: Document) -> InputError {
    .malformed(
      document.location(ofByte: cell.byteOffset),
      reason: "unknown column '\(GlossaryTable.trimmed(cell.text))' (expected a language code "
        + "such as de or en, id, status, pos, case, note, definition, subject, "
        + "or LANG_status, LANG_pos, LANG_case, LANG_note)")
  }

  /// The entry of one data row.
  func entry(_ row: DelimitedText.Row, document: Document, dialect: DelimitedText.Dialect)
    throws(InputError) -> PendingEntry
  {
    if row.cells.count > columns.count {
      throw .malformed(
        document.location(ofByte: row.cells[columns.count].byteOffset),
        reason: "row has \(row.cells.count) cells but the header has \(columns.count)")
    }
    func cell(_ column: Column) -> DelimitedText.Cell? {
      guard let index = columns.firstIndex(of: column), index < row.cells.count else { return nil }
      return row.cells[index]
    }
    func scalar(_ column: Column) -> String? {
      guard let cell = cell(column) else { return nil }
      let text = GlossaryTable.scalar(cell.text, dialect: dialect)
      return text.isEmpty ? nil : text
    }
    var terms: [Term] = []
    for (position, language) in languages.enumerated() {
      // The source and target cells must be there (a short row is an error); the source term is
      // required, other languages may be left empty (an entry not yet translated).
      guard let termCell = cell(.terms(language)) else {
        if position >= 2 { continue }
        throw .malformed(
          document.location(ofByte: row.cells.last?.byteOffset ?? row.byteOffset),
          reason: "row has no \(language) term (\(row.cells.count) of \(columns.count) cells)")
      }
      let items = GlossaryTable.splitList(termCell.text, dialect: dialect)
      let texts = items.filter { !$0.isEmpty }
      if texts.isEmpty && position > 0 && items.count == 1 { continue }
      if texts.count != items.count {
        throw .malformed(
          document.location(ofByte: termCell.byteOffset), reason: "empty \(language) term")
      }
      /// One value per term (nil: default) from the language's own column or the general one.
      func values(_ own: Column, _ general: Column?) throws(InputError) -> [String?] {
        for column in [own, general].compactMap({ $0 }) {
          guard let cell = cell(column) else { continue }
          let items = GlossaryTable.splitList(cell.text, dialect: dialect)
          if items.count == 1 && items[0].isEmpty { continue }
          if items.count == 1 { return Array(repeating: items[0], count: texts.count) }
          if items.count != texts.count {
            throw .malformed(
              document.location(ofByte: cell.byteOffset),
              reason: "\(items.count) values for \(texts.count) \(language) terms")
          }
          return items.map { $0.isEmpty ? nil : $0 }
        }
        return Array(repeating: nil, count: texts.count)
      }
      let statuses = try values(.status(language), position > 0 ? .status(nil) : nil)
      let parts = try values(.partOfSpeech(language), .partOfSpeech(nil))
      let cases = try values(.caseSensitive(language), .caseSensitive(nil))
      let notes = try values(.termNote(language), nil)
      for (index, text) in texts.enumerated() {
        func place(_ column: Column, _ general: Column?) -> SourceLocation {
          let found = cell(column).flatMap { GlossaryTable.trimmed($0.text).isEmpty ? nil : $0 }
          let offset = (found ?? general.flatMap { cell($0) } ?? termCell).byteOffset
          return document.location(ofByte: offset)
        }
        var status: TermStatus = index == 0 ? .preferred : .admitted
        if let value = statuses[index] {
          guard let parsed = TermStatus(glossaryValue: value) else {
            throw .malformed(
              place(.status(language), .status(nil)),
              reason: "unknown status '\(value)' (expected preferred, admitted, deprecated, "
                + "forbidden or superseded)")
          }
          status = parsed
        }
        var partOfSpeech: PartOfSpeech?
        if let value = parts[index] {
          guard let parsed = PartOfSpeech(rawValue: value.lowercased()) else {
            throw .malformed(
              place(.partOfSpeech(language), .partOfSpeech(nil)),
              reason: "unknown part of speech '\(value)' (expected noun, verb, adjective, "
                + "adverb or other)")
          }
          partOfSpeech = parsed
        }
        var caseSensitive = false
        if let value = cases[index] {
          switch value.lowercased() {
          case "yes", "y", "true", "1", "sensitive", "case-sensitive": caseSensitive = true
          case "no", "n", "false", "0", "insensitive", "case-insensitive": caseSensitive = false
          default:
            throw .malformed(
              place(.caseSensitive(language), .caseSensitive(nil)),
              reason: "unknown case value '\(value)' (expected yes or no)")
          }
        }
        terms.append(
          Term(
            text, language: language, status: status, partOfSpeech: partOfSpeech,
            note: notes[index], isCaseSensitive: caseSensitive))
      }
    }
    return PendingEntry(
      id: scalar(.id), terms: terms, definition: scalar(.definition), note: scalar(.note),
      subject: scalar(.subject))
  }
}

extension TermStatus {
  /// A status as written in glossary files: `preferred`, `admitted`, `deprecated`, `forbidden`,
  /// `superseded`, or TBX's `preferredTerm-admn-sts` and the like (case-insensitive).
  public init?(glossaryValue value: String) {
    switch GlossaryTable.trimmed(value).lowercased() {
    case "preferred", "preferredterm-admn-sts", "preferredterm", "standardizedterm-admn-sts":
      self = .preferred
    case "admitted", "admittedterm-admn-sts", "admittedterm", "allowed", "permitted":
      self = .admitted
    case "deprecated", "deprecatedterm-admn-sts", "deprecatedterm", "forbidden", "forbiddenterm",
      "notrecommended", "not recommended":
      self = .deprecated
    case "superseded", "supersededterm-admn-sts", "supersededterm", "obsolete":
      self = .superseded
    default: return nil
    }
  }

  /// The TBX `administrativeStatus` value, e.g. `preferredTerm-admn-sts`.
  public var tbxValue: String { rawValue + "Term-admn-sts" }
}

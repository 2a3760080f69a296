extension GlossaryTable {
  /// Reads a glossary from a TSV or CSV document; see `GlossaryTable` for the columns.
  ///
  /// - Throws: `InputError.malformed` at the offending cell (file:line:column) for an unknown or
  ///   repeated column, a bad status, part of speech or case value, a list whose length does not
  ///   match the terms, a row with more cells than the header, or a row without any term.
  public static func read(_ document: Document, dialect: DelimitedText.Dialect) throws(InputError)
    -> Glossary
  {
    let (name, start) = comments(document)
    let rows = try DelimitedText.parse(document, dialect: dialect, from: start)
      .filter { !$0.isBlank }
    guard let headerRow = rows.first else {
      throw .malformed(document.location(ofByte: start), reason: "no header row")
    }
    let header = try Header(headerRow, document: document)
    var pending: [PendingEntry] = []
    var indexByID: [String: Int] = [:]
    var indexBySourceTerms: [[String]: Int] = [:]
    for row in rows.dropFirst() {
      let entry = try header.entry(row, document: document, dialect: dialect)
      let key = entry.terms.filter { $0.language == header.languages[0] }.map(\.text).sorted()
      let existing =
        entry.id.map { indexByID[$0] } ?? (key.isEmpty ? nil : indexBySourceTerms[key])
      if let existing {
        pending[existing].merge(entry)
      } else {
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

  init(_ row: DelimitedText.Row, document: Document) throws(InputError) {
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
        if Self.isLanguageCode(name) {
          let language = GlossaryFormat.language(fromTag: name)
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
      guard let termCell = cell(.terms(language)) else { continue }
      let texts = GlossaryTable.splitList(termCell.text, dialect: dialect).filter { !$0.isEmpty }
      if texts.isEmpty { continue }
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
    if terms.isEmpty {
      throw .malformed(document.location(ofByte: row.byteOffset), reason: "row has no terms")
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

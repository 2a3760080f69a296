import Foundation

// MARK: - TSV and CSV

extension BilingualReader {
  /// Reads a table whose header names the languages of its columns ("de<TAB>en", "de-DE,en-GB").
  ///
  /// The columns are those of the languages asked for, else the first two; each further row is a
  /// unit, numbered from 1. An optional column headed `id` gives the units' ids.
  func readTable(_ document: Document, dialect: DelimitedText.Dialect) throws(InputError)
    -> BilingualDocument
  {
    let rows = try DelimitedText.parse(document, dialect: dialect)
    let lines = LineIndex(document)
    guard let header = rows.first else {
      throw .malformed(
        document.location(ofByte: document.contentStart), reason: "empty table: no header")
    }
    let names = header.cells.map { $0.text.trimmingCharacters(in: .whitespaces) }
    let languageColumns = names.indices.filter { names[$0].lowercased() != "id" }
    guard languageColumns.count >= 2 else {
      throw .malformed(
        lines.location(ofByte: header.byteOffset),
        reason: "a bilingual table needs a header naming two languages, e.g. de<TAB>en")
    }
    func column(_ asked: Language?, side: String, fallback: Int) throws(InputError) -> Int {
      guard let asked else { return fallback }
      if let index = languageColumns.first(where: { Self.language(names[$0]) == asked }) {
        return index
      }
      throw .languageMismatch(
        lines.location(ofByte: header.cells[fallback].byteOffset), side: side,
        found: Self.language(names[fallback]), expected: asked)
    }
    let sourceColumn = try column(sourceLanguage, side: "source", fallback: languageColumns[0])
    let targetColumn = try column(
      targetLanguage, side: "target",
      fallback: languageColumns.first { $0 != sourceColumn } ?? languageColumns[1])
    let idColumn = names.firstIndex { $0.lowercased() == "id" }
    var units: [BilingualUnit] = []
    units.reserveCapacity(rows.count - 1)
    for (number, row) in rows.dropFirst().enumerated() {
      func cell(_ index: Int) -> DelimitedText.Cell? {
        row.cells.indices.contains(index) ? row.cells[index] : nil
      }
      let source = cell(sourceColumn)
      let target = cell(targetColumn)
      units.append(
        BilingualUnit(
          id: idColumn.flatMap { cell($0)?.text }.flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(number + 1)",
          source: BilingualText(text: source?.text ?? ""),
          target: target.map { BilingualText(text: $0.text) },
          sourceLocation: lines.location(ofByte: source?.byteOffset ?? row.byteOffset),
          targetLocation: target.map { lines.location(ofByte: $0.byteOffset) }))
    }
    return BilingualDocument(
      name: document.name, format: dialect == .tsv ? .tsv : .csv,
      sourceLanguage: Self.language(names[sourceColumn]),
      targetLanguage: Self.language(names[targetColumn]), units: units)
  }
}

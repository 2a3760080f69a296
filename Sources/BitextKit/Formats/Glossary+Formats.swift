extension Glossary {
  /// Reads a glossary file in any `GlossaryFormat`.
  ///
  ///     let glossary = try Glossary.read(path: "glossaries/news-politics.de-en.tbx")
  ///
  /// - Parameters:
  ///   - path: The file; `-` reads standard input (then `format` is required).
  ///   - format: The format; nil chooses it from the extension.
  ///   - languages: TSV/CSV: the languages of `source`/`target` columns and of a table without
  ///     header (see `GlossaryTable.read(_:dialect:languages:warn:)`).
  ///   - warn: receives each warning (repeated entries, conflicting statuses).
  /// - Throws: `InputError` naming the file, with line and column for malformed content.
  public static func read(
    path: String, format: GlossaryFormat? = nil,
    languages: (source: Language, target: Language) = (.german, .english),
    warn: (GlossaryWarning) -> Void = { _ in }
  ) throws(InputError) -> Glossary {
    let format = try GlossaryFormat.resolve(format, path: path)
    let document = try TextReader.read(path: path)
    return try parse(document, format: format, languages: languages, warn: warn)
  }

  /// Reads a glossary from a document already in memory (the document's name is used in errors).
  public static func parse(
    _ document: Document, format: GlossaryFormat,
    languages: (source: Language, target: Language) = (.german, .english),
    warn: (GlossaryWarning) -> Void = { _ in }
  ) throws(InputError) -> Glossary {
    switch format {
    case .tsv: try GlossaryTable.read(document, dialect: .tsv, languages: languages, warn: warn)
    case .csv: try GlossaryTable.read(document, dialect: .csv, languages: languages, warn: warn)
    case .tbx: try TBXReader.read(document)
    case .tmx: try GlossaryTMX.read(document)
    }
  }

  /// The glossary as a file in `format`.
  ///
  /// What each format keeps: TSV and CSV everything; TBX everything (white space inside texts is
  /// normalised, a case-sensitive term is written with `termType` `acronym`); TMX everything but
  /// the name.
  public func rendered(as format: GlossaryFormat) -> String {
    switch format {
    case .tsv: GlossaryTable.render(self, dialect: .tsv)
    case .csv: GlossaryTable.render(self, dialect: .csv)
    case .tbx: TBXWriter().document(self)
    case .tmx: GlossaryTMX.render(self)
    }
  }

  /// Writes the glossary to `path` in `format`, atomically; writing over an input is refused.
  public func write(to path: String, format: GlossaryFormat, inputs: [String] = [])
    throws(InputError)
  {
    try OutputFile.write(rendered(as: format), to: path, inputs: inputs)
  }
}

import Foundation

/// Glossaries as TMX 1.4b, one term pair a `<tu>` (a "TMX-style glossary", `segtype="phrase"`).
///
/// Writing: each entry's first source-language term is paired with each of the entry's terms in
/// other languages, and each further source term with the first target term. The `<tu>`s of an
/// entry share a `<prop type="x-concept">` (the entry id); term attributes go in `x-status-LANG`,
/// `x-pos-LANG`, `x-case-LANG` and `x-note-LANG` props, the entry's in `x-definition`, `x-subject`
/// and a `<note>`.
/// TMX has no place for the glossary's name.
///
/// Reading: `<tu>`s with the same `x-concept` form one entry, and so do `<tu>`s without one whose
/// source-language texts are the same; without status props, the first term of a language is
/// preferred and the others admitted. The header's `srclang` (or the first `tuv`) names the source
/// language; language tags keep only their language ("de-DE" → "de").
public enum GlossaryTMX {
  /// The glossary as a TMX document.
  ///
  /// - Parameter creationDate: the header's `creationdate`; fixed by default so that output is
  ///   reproducible.
  public static func render(
    _ glossary: Glossary, creationDate: Date = Date(timeIntervalSince1970: 0)
  ) -> String {
    let languages = glossary.languages
    let source = languages.first ?? .german
    let target = languages.count > 1 ? languages[1] : nil
    let writer = TMXWriter(sourceLanguage: source, segmentType: .phrase, creationDate: creationDate)
    var units: [TranslationUnit] = []
    for entry in glossary.entries where !entry.terms.isEmpty {
      let anchor = entry.terms(in: source).first ?? entry.terms[0]
      let targetAnchor = target.flatMap { entry.terms(in: $0).first }
      var pairs: [[Term]] = []
      for term in entry.terms where term.language != anchor.language {
        pairs.append([anchor, term])
      }
      for term in entry.terms where term.language == anchor.language && term != anchor {
        pairs.append([term] + (targetAnchor.map { [$0] } ?? []))
      }
      if pairs.isEmpty { pairs = [[anchor]] }
      for (index, pair) in pairs.enumerated() {
        var properties: [(type: String, value: String)] = [("x-concept", entry.id)]
        var notes: [String] = []
        if index == 0 {
          if let definition = entry.definition { properties.append(("x-definition", definition)) }
          if let subject = entry.subject { properties.append(("x-subject", subject)) }
          if let note = entry.note { notes.append(note) }
        }
        for term in pair {
          let code = term.language.rawValue
          properties.append(("x-status-\(code)", term.status.rawValue))
          if let pos = term.partOfSpeech { properties.append(("x-pos-\(code)", pos.rawValue)) }
          if term.isCaseSensitive { properties.append(("x-case-\(code)", "yes")) }
          if let note = term.note { properties.append(("x-note-\(code)", note)) }
        }
        units.append(
          TranslationUnit(
            id: index == 0 ? entry.id : "\(entry.id).\(index + 1)",
            variants: pair.map { .init(language: $0.language, text: $0.text) }, notes: notes,
            properties: properties))
      }
    }
    return writer.document(units)
  }

  /// Reads a TMX document as a glossary.
  ///
  /// - Throws: `InputError.malformed` with file:line:column (see `TMXReader.read`).
  public static func read(_ document: Document) throws(InputError) -> Glossary {
    var content = try TMXReader.read(document)
    content.sourceLanguage = content.sourceLanguage.map {
      GlossaryFormat.language(fromTag: $0.rawValue)
    }
    for index in content.units.indices {
      for variant in content.units[index].variants.indices {
        let tag = content.units[index].variants[variant].language.rawValue
        content.units[index].variants[variant].language = GlossaryFormat.language(fromTag: tag)
      }
    }
    var languages: [Language] = content.sourceLanguage.map { [$0] } ?? []
    for unit in content.units {
      for variant in unit.variants where !languages.contains(variant.language) {
        languages.append(variant.language)
      }
    }
    let source = languages.first
    var groups: [(id: String?, units: [TranslationUnit])] = []
    var indexByKey: [String: Int] = [:]
    for unit in content.units where unit.variants.contains(where: { !$0.text.isEmpty }) {
      let concept = unit.properties.first { $0.type == "x-concept" }?.value
      let sourceTexts = unit.variants.filter { $0.language == source }.map(\.text).sorted()
      let key = concept.map { "c\u{0}" + $0 } ?? "s\u{0}" + sourceTexts.joined(separator: "\u{0}")
      if let index = indexByKey[key], concept != nil || !sourceTexts.isEmpty {
        groups[index].units.append(unit)
      } else {
        indexByKey[key] = groups.count
        groups.append((concept, [unit]))
      }
    }
    var used = Set(groups.compactMap(\.id))
    var entries: [GlossaryEntry] = []
    for group in groups {
      var terms: [Term] = []
      var explicit: Set<Int> = []
      var definition: String?
      var subject: String?
      var notes: [String] = []
      for unit in group.units {
        func property(_ type: String) -> String? {
          unit.properties.first { $0.type == type }.map { TBXReader.normalizeSpace($0.value) }
            .flatMap { $0.isEmpty ? nil : $0 }
        }
        definition = definition ?? property("x-definition")
        subject = subject ?? property("x-subject")
        notes += unit.notes.filter { !$0.isEmpty && !notes.contains($0) }
        for variant in unit.variants {
          let text = TBXReader.normalizeSpace(variant.text)
          if text.isEmpty { continue }
          if terms.contains(where: { $0.language == variant.language && $0.text == text }) {
            continue
          }
          let code = variant.language.rawValue
          var term = Term(text, language: variant.language, status: .admitted)
          if let status = property("x-status-\(code)").flatMap(TermStatus.init(glossaryValue:)) {
            term.status = status
            explicit.insert(terms.count)
          }
          term.partOfSpeech = property("x-pos-\(code)").flatMap { PartOfSpeech(rawValue: $0) }
          term.isCaseSensitive = property("x-case-\(code)") == "yes"
          term.note = unit.properties.first { $0.type == "x-note-\(code)" }?.value
          terms.append(term)
        }
      }
      // Without status props, the first term of each language is the preferred one.
      for language in languages {
        let indexes = terms.indices.filter { terms[$0].language == language }
        if let first = indexes.first, indexes.allSatisfy({ !explicit.contains($0) }) {
          terms[first].status = .preferred
        }
      }
      if terms.isEmpty { continue }
      // Terms grouped by language, in glossary order, as the other formats read them.
      terms = languages.flatMap { language in terms.filter { $0.language == language } }
      let id = group.id ?? GlossaryTable.uniqueID(for: terms, used: &used)
      entries.append(
        GlossaryEntry(
          id: id, terms: terms, definition: definition,
          note: notes.isEmpty ? nil : notes.joined(separator: "\n"), subject: subject))
    }
    return Glossary(
      sourceLanguage: source, targetLanguage: languages.count > 1 ? languages[1] : nil,
      entries: entries)
  }
}

/// Reads TBX glossaries: TBX v3 (ISO 30042:2019, `<tbx>`, DCA style, e.g. TBX-Basic) and the older
/// TBX v2 (`<martif>` with `termEntry`, `langSet`, `tig`/`ntig`).
///
/// Read: concept id, `subjectField`, `definition` (at concept or language level, the first one),
/// concept `note`s, and for each term its `administrativeStatus`, `partOfSpeech`, `termType`
/// `acronym` (case-sensitive) and `note`s. Several notes are joined by line ends; white space in
/// texts is normalised (pretty-printed files break lines inside texts). Language tags keep only
/// their language ("en-US" → "en"). A language without a status
/// on its terms makes the first term preferred and the others admitted. Other data categories
/// (transactions, contexts, cross-references) are skipped.
public enum TBXReader {
  /// Reads a TBX document.
  ///
  /// - Throws: `InputError.malformed` with file:line:column for malformed or unsafe XML (see
  ///   `Glossary.read`), a root that is not `tbx` or `martif`, a language section without
  ///   `xml:lang`, a term section without a term, or an unknown `administrativeStatus`.
  public static func read(_ document: Document) throws(InputError) -> Glossary {
    let root = try XMLTree.parse(document).root
    func fail(_ element: XMLTree.Element, _ reason: String) -> InputError {
      .malformed(XMLTree.location(element, in: document), reason: reason)
    }
    guard root.name == "tbx" || root.name == "martif" else {
      throw fail(root, "not a TBX file (root element <\(root.name)>, expected <tbx>)")
    }
    let title = root.child("tbxHeader").flatMap { $0.child("fileDesc") }
      .flatMap { $0.child("titleStmt") }.flatMap { $0.child("title") }
      .map { normalizeSpace($0.text) }
    let body = root.child("text").flatMap { $0.child("body") }
    var entries: [GlossaryEntry] = []
    var languages: [Language] = []
    var used = Set<String>()
    for concept in body?.children ?? []
    where concept.name == "conceptEntry" || concept.name == "termEntry" {
      var terms: [Term] = []
      var definition = descrips(concept, "definition").first
      for section in concept.children where section.name == "langSec" || section.name == "langSet" {
        guard let code = section.attributes["xml:lang"] ?? section.attributes["lang"],
          !code.isEmpty
        else {
          throw fail(section, "<\(section.name)> without xml:lang")
        }
        let language = GlossaryFormat.language(fromTag: code)
        if !languages.contains(language) { languages.append(language) }
        definition = definition ?? descrips(section, "definition").first
        var hasStatus = false
        var sectionTerms: [Term] = []
        for termSection in section.children
        where ["termSec", "tig", "ntig"].contains(termSection.name) {
          let group = termSection.child("termGrp") ?? termSection
          guard let termElement = group.child("term") else {
            throw fail(termSection, "<\(termSection.name)> without <term>")
          }
          let text = normalizeSpace(termElement.text)
          if text.isEmpty { throw fail(termElement, "empty <term>") }
          var term = Term(text, language: language, status: .admitted)
          let termNotes =
            group.children("termNote")
            + group.children("termNoteGrp").flatMap { $0.children("termNote") }
          var explicit = false
          for termNote in termNotes {
            let value = normalizeSpace(termNote.text)
            switch termNote.attributes["type"] {
            case "administrativeStatus":
              guard let status = TermStatus(glossaryValue: value) else {
                throw fail(termNote, "unknown administrativeStatus '\(value)'")
              }
              term.status = status
              explicit = true
            case "partOfSpeech":
              term.partOfSpeech =
                PartOfSpeech(rawValue: value) ?? (value == "properNoun" ? .noun : .other)
            case "termType":
              if value == "acronym" { term.isCaseSensitive = true }
            default: break
            }
          }
          hasStatus = hasStatus || explicit
          let hasGroup = termSection.child("termGrp") != nil
          term.note = joinedNotes(
            termSection.children("note") + (hasGroup ? group.children("note") : []))
          sectionTerms.append(term)
          if !explicit { sectionTerms[sectionTerms.count - 1].status = .admitted }
        }
        if !hasStatus, !sectionTerms.isEmpty { sectionTerms[0].status = .preferred }
        terms += sectionTerms
      }
      if terms.isEmpty { continue }
      let givenID = concept.attributes["id"] ?? ""
      let id: String
      if !givenID.isEmpty && !used.contains(givenID) {
        id = givenID
        used.insert(id)
      } else {
        id = GlossaryTable.uniqueID(for: terms, used: &used)
      }
      entries.append(
        GlossaryEntry(
          id: id, terms: terms, definition: definition,
          note: joinedNotes(concept.children("note")),
          subject: descrips(concept, "subjectField").first))
    }
    return Glossary(
      name: title.flatMap { $0.isEmpty ? nil : $0 }, sourceLanguage: languages.first,
      targetLanguage: languages.count > 1 ? languages[1] : nil, entries: entries)
  }

  /// The texts of `element`'s `descrip`s of `type`, directly or in a `descripGrp`.
  private static func descrips(_ element: XMLTree.Element, _ type: String) -> [String] {
    let grouped = element.children("descripGrp").flatMap { $0.children("descrip") }
    return (element.children("descrip") + grouped)
      .filter { $0.attributes["type"] == type }.map { normalizeSpace($0.text) }
      .filter { !$0.isEmpty }
  }

  private static func joinedNotes(_ notes: [XMLTree.Element]) -> String? {
    let texts = notes.map { normalizeSpace($0.text) }.filter { !$0.isEmpty }
    return texts.isEmpty ? nil : texts.joined(separator: "\n")
  }

  /// `text` with each run of XML white space (space, tab, line ends) made one space, and none at
  /// either end; other spaces such as U+00A0 are kept.
  static func normalizeSpace(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        pendingSpace = !bytes.isEmpty
      } else {
        if pendingSpace { bytes.append(0x20) }
        pendingSpace = false
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

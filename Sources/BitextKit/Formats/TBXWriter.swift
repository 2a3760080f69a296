/// Writes a glossary as TBX-Basic (TBX v3, ISO 30042:2019) in DCA style.
///
/// The output is valid against the TBX v3 core structure (`TBXcoreStructV03.rng`) and keeps to the
/// TBX-Basic DCA rules: only `subjectField` and `definition` descrips at concept level, `note`,
/// `termNote`s of the types `administrativeStatus` (`preferredTerm-admn-sts` …), `partOfSpeech`
/// and `termType` at term level only, `xml:lang` on every `langSec`, and concept ids that are XML IDs.
///
///     let tbx = TBXWriter().document(glossary)
///
/// Mapping: entry → `conceptEntry` (id, subject, definition, note), language → `langSec`,
/// term → `termSec`; a case-sensitive term gets `termType` `acronym`; a note with several lines becomes
/// one `note` a line. Entries without terms are left out (TBX requires a term).
public struct TBXWriter: Sendable {
  /// The `xml:lang` of the document (the language of notes and definitions).
  public var documentLanguage: Language

  public init(documentLanguage: Language = .english) {
    self.documentLanguage = documentLanguage
  }

  /// A whole TBX document.
  public func document(_ glossary: Glossary) -> String {
    var xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <tbx type="TBX-Basic" style="dca" xml:lang="\(XML.escape(documentLanguage.rawValue))" \
      xmlns="urn:iso:std:iso:30042:ed-2">
        <tbxHeader>
          <fileDesc>

      """
    if let name = glossary.name {
      xml += "      <titleStmt>\n        <title>\(XML.escape(oneLine(name)))</title>\n"
      xml += "      </titleStmt>\n"
    }
    xml += """
            <sourceDesc>
              <p>Written by bitext.</p>
            </sourceDesc>
          </fileDesc>
        </tbxHeader>
        <text>
          <body>

      """
    let languages = glossary.languages
    var used = Set<String>()
    for entry in glossary.entries where !entry.terms.isEmpty {
      xml += conceptEntry(entry, id: Self.xmlID(entry.id, used: &used), languages: languages)
    }
    xml += "    </body>\n  </text>\n</tbx>\n"
    return xml
  }

  private func conceptEntry(_ entry: GlossaryEntry, id: String, languages: [Language]) -> String {
    var xml = "      <conceptEntry id=\"\(XML.escape(id))\">\n"
    if let subject = entry.subject {
      xml += "        <descrip type=\"subjectField\">\(XML.escape(oneLine(subject)))</descrip>\n"
    }
    if let definition = entry.definition {
      xml += "        <descrip type=\"definition\">\(XML.escape(oneLine(definition)))</descrip>\n"
    }
    xml += notes(entry.note, indent: "        ")
    for language in languages {
      let terms = entry.terms(in: language)
      if terms.isEmpty { continue }
      xml += "        <langSec xml:lang=\"\(XML.escape(language.rawValue))\">\n"
      for term in terms {
        xml += "          <termSec>\n"
        xml += "            <term>\(XML.escape(oneLine(term.text)))</term>\n"
        let note = "            <termNote type="
        if let partOfSpeech = term.partOfSpeech {
          xml += note + "\"partOfSpeech\">\(partOfSpeech.rawValue)</termNote>\n"
        }
        xml += note + "\"administrativeStatus\">\(term.status.tbxValue)</termNote>\n"
        if term.isCaseSensitive { xml += note + "\"termType\">acronym</termNote>\n" }
        xml += notes(term.note, indent: "            ")
        xml += "          </termSec>\n"
      }
      xml += "        </langSec>\n"
    }
    return xml + "      </conceptEntry>\n"
  }

  /// One `<note>` for each non-empty line of `text`.
  private func notes(_ text: String?, indent: String) -> String {
    guard let text else { return "" }
    return text.split(whereSeparator: \.isNewline)
      .map { TBXReader.normalizeSpace(String($0)) }.filter { !$0.isEmpty }
      .map { "\(indent)<note>\(XML.escape($0))</note>\n" }.joined()
  }

  private func oneLine(_ text: String) -> String { TBXReader.normalizeSpace(text) }

  /// `id` if it is a valid XML ID (an NCName) not used before, else a valid unused one made from
  /// it.
  static func xmlID(_ id: String, used: inout Set<String>) -> String {
    if isNCName(id) && !used.contains(id) {
      used.insert(id)
      return id
    }
    return GlossaryTable.uniqueID(for: [Term(id, language: .english)], used: &used)
  }

  /// True for an XML NCName: a letter or `_`, then letters, digits, `.`, `-`, `_` or marks.
  static func isNCName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first,
      first == "_" || first.properties.isAlphabetic
    else { return false }
    return text.unicodeScalars.allSatisfy { scalar in
      scalar == "_" || scalar == "-" || scalar == "." || scalar == "\u{B7}"
        || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
        || scalar.properties.generalCategory == .nonspacingMark
        || scalar.properties.generalCategory == .spacingMark
    }
  }
}

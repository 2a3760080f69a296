import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The TBX-Basic DCA Schematron rules (TBX-Basic_DCA.sch, v1.2.1) that xmllint cannot run, checked
/// over a parsed document: each violation is one message.
enum TBXBasicRules {
  static let termNoteValues: [String: Set<String>] = [
    "administrativeStatus": [
      "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
      "supersededTerm-admn-sts",
    ],
    "partOfSpeech": ["adjective", "noun", "other", "verb", "adverb"],
    "grammaticalGender": ["masculine", "feminine", "neuter", "other"],
    "termType": ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"],
    "geographicalUsage": [],
    "termLocation": [],
  ]
  static let allowedTypes: [String: Set<String>] = [
    "admin": ["customerSubset", "projectSubset", "source"],
    "descrip": ["subjectField", "context", "definition"],
    "ref": ["crossReference"],
    "termNote": Set(termNoteValues.keys),
    "transac": ["transactionType"],
    "transacNote": ["responsibility"],
    "xref": ["externalCrossReference", "xGraphic"],
  ]

  /// The violations in `xml`.
  static func violations(in xml: String) -> [String] {
    let collector = Collector()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = collector
    guard parser.parse() else { return ["not well-formed XML"] }
    let dangling = collector.targets.filter { !collector.allIDs.contains($0.target) }
    return collector.violations
      + dangling.map { "\($0.line): target '\($0.target)' is no id or URL" }
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var violations: [String] = []
    var stack: [(name: String, attributes: [String: String], text: String)] = []
    var ids = Set<String>()
    var allIDs = Set<String>()
    var targets: [(line: Int, target: String)] = []

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      let line = parser.lineNumber
      if name.contains(":") { violations.append("\(line): DCT or foreign element <\(name)>") }
      if stack.isEmpty {
        if attributes["type"] != "TBX-Basic" { violations.append("root type is not TBX-Basic") }
        if attributes["style"] != "dca" { violations.append("root style is not dca") }
        if attributes["xmlns"] != "urn:iso:std:iso:30042:ed-2" {
          violations.append("root is not in the TBX namespace")
        }
      }
      if let type = attributes["type"] {
        if type.isEmpty { violations.append("\(line): empty type on <\(name)>") }
        if let allowed = Self.allowed[name], !allowed.contains(type) {
          violations.append("\(line): <\(name) type=\"\(type)\"> is not a TBX-Basic data category")
        }
      }
      let parent = stack.last?.name
      let grandparent = stack.count > 1 ? stack[stack.count - 2].name : nil
      switch name {
      case "termNote":
        if !(parent == "termSec" || (parent == "termNoteGrp" && grandparent == "termSec")) {
          violations.append("\(line): termNote under <\(parent ?? "")>, not at termSec level")
        }
      case "langSec":
        if (attributes["xml:lang"] ?? "").isEmpty {
          violations.append("\(line): langSec without xml:lang")
        }
      case "conceptEntry":
        let id = attributes["id"] ?? ""
        if !Self.isNCName(id) { violations.append("\(line): conceptEntry id '\(id)' is no XML ID") }
        if !ids.insert(id).inserted { violations.append("\(line): duplicate id '\(id)'") }
      case "descrip":
        let level = parent == "descripGrp" ? grandparent : parent
        let levels: [String: Set<String>] = [
          "subjectField": ["conceptEntry"], "definition": ["conceptEntry", "langSec"],
          "context": ["termSec"],
        ]
        if let type = attributes["type"], let allowed = levels[type],
          !allowed.contains(level ?? "")
        {
          violations.append("\(line): descrip \(type) at <\(level ?? "")> level")
        }
      default: break
      }
      if let id = attributes["id"] { allIDs.insert(id) }
      if let target = attributes["target"], !target.hasPrefix("http://"),
        !target.hasPrefix("https://")
      {
        targets.append((line, target))
      }
      stack.append((name, attributes, ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      guard let element = stack.popLast() else { return }
      if name == "termNote", let type = element.attributes["type"],
        let values = TBXBasicRules.termNoteValues[type], !values.isEmpty
      {
        let value = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !values.contains(value) {
          violations.append("\(parser.lineNumber): termNote \(type) value '\(value)' not allowed")
        }
      }
    }

    static let allowed = TBXBasicRules.allowedTypes

    static func isNCName(_ text: String) -> Bool {
      guard let first = text.unicodeScalars.first,
        first == "_" || first.properties.isAlphabetic
      else { return false }
      return text.unicodeScalars.allSatisfy {
        $0 == "_" || $0 == "-" || $0 == "." || $0.properties.isAlphabetic
          || $0.properties.numericType == .decimal
      }
    }
  }
}

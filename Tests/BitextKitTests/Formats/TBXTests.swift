import BitextKit
import Foundation
import Testing

@Suite struct TBXTests {
  // MARK: - Writing

  @Test func roundTripKeepsEverythingTBXHolds() throws {
    let tbx = TBXWriter().document(GlossarySamples.rich)
    let back = try TBXReader.read(GlossarySamples.document(tbx, name: "g.tbx"))
    #expect(back == GlossarySamples.rich)
  }

  @Test func outputIsValidAgainstTheCoreRNG() throws {
    let schema = try GlossarySamples.formatsFile("tbx-basic/TBXcoreStructV03.rng")
    let result = try XMLLint.validate(
      TBXWriter().document(GlossarySamples.rich), extension: "tbx", ["--relaxng", schema])
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func outputKeepsTheTBXBasicSchematronRules() {
    let tbx = TBXWriter().document(GlossarySamples.rich)
    #expect(TBXBasicRules.violations(in: tbx) == [])
    #expect(tbx.contains("<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts<"))
    #expect(tbx.contains("<termNote type=\"termType\">acronym</termNote>"))
  }

  @Test func ruleCheckerAcceptsTheOfficialExampleAndCatchesViolations() throws {
    let example = try String(
      contentsOfFile: GlossarySamples.formatsFile("tbx-basic/Example_Astronomy_DCA_VALID.tbx"),
      encoding: .utf8)
    #expect(TBXBasicRules.violations(in: example) == [])
    let bad = """
      <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
      <text><body><conceptEntry id="1c"><termNote type="administrativeStatus">preferred</termNote>
      <langSec><termSec><term>x</term><termNote type="administrativeStatus">best</termNote>
      <termNote type="gender">m</termNote></termSec></langSec></conceptEntry></body></text></tbx>
      """
    let violations = TBXBasicRules.violations(in: bad)
    #expect(violations.count == 6, "\(violations)")
  }

  @Test func invalidIDsAreReplacedByValidUniqueOnes() throws {
    var glossary = GlossarySamples.rich
    glossary.entries[0].id = "1 bad id"
    glossary.entries[1].id = "nato"
    glossary.entries[2].id = "nato"
    let tbx = TBXWriter().document(glossary)
    #expect(TBXBasicRules.violations(in: tbx) == [])
    let ids = try TBXReader.read(GlossarySamples.document(tbx, name: "g.tbx")).entries.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids[0] == "e-1-bad-id")
  }

  // MARK: - Reading

  @Test func readsTheOfficialExample() throws {
    let path = try GlossarySamples.formatsFile("tbx-basic/Example_Astronomy_DCA_VALID.tbx")
    let glossary = try Glossary.read(path: path)
    #expect(glossary.entries.count == 45)
    #expect(glossary.sourceLanguage == "en")
    #expect(glossary.targetLanguage == "es")
    let first = try #require(glossary.entries.first)
    #expect(first.id == "c1")
    #expect(first.subject == "General")
    #expect(first.definition == "A group of stars formed together in the spiral arms of a galaxy.")
    #expect(first.note == "G-Source: http://www.physics.drexel.edu/observatory/dump.shtml")
    let english = first.terms(in: "en")
    #expect(english.map(\.text) == ["open cluster", "galactic cluster"])
    #expect(english.map(\.status) == [.preferred, .superseded])
    #expect(english[1].note?.hasPrefix("Another name for an open star cluster.") == true)
    #expect(english[1].note?.contains("\nN-Source:") == true)
    #expect(first.terms(in: "es").map(\.text) == ["cúmulo abierto"])
    #expect(first.terms(in: "es").map(\.status) == [.preferred])
    #expect(first.terms.allSatisfy { $0.partOfSpeech == .noun })
  }

  @Test func readsTBXVersion2() throws {
    let tbx = """
      <?xml version="1.0"?>
      <martif type="TBX" xml:lang="en">
        <martifHeader><fileDesc><sourceDesc><p>old</p></sourceDesc></fileDesc></martifHeader>
        <text><body>
          <termEntry id="t1">
            <descrip type="subjectField">military</descrip>
            <langSet xml:lang="de"><tig><term>Waffenstillstand</term></tig></langSet>
            <langSet xml:lang="en">
              <ntig><termGrp><term>ceasefire</term>
                <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
              </termGrp></ntig>
              <tig><term>cease-fire</term>
                <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
            </langSet>
          </termEntry>
        </body></text>
      </martif>
      """
    let glossary = try TBXReader.read(GlossarySamples.document(tbx, name: "old.tbx"))
    #expect(glossary.entries.count == 1)
    #expect(glossary.entries[0].subject == "military")
    #expect(
      glossary.entries[0].terms.map(\.text) == ["Waffenstillstand", "ceasefire", "cease-fire"])
    #expect(glossary.entries[0].terms.map(\.status) == [.preferred, .preferred, .admitted])
  }

  @Test func readsFilesOverTenMegabytes() throws {
    // libxml2 refuses a single input chunk over 10 MB; the reader must feed it in pieces.
    let definition = String(repeating: "Eine lange Definition. ", count: 450)
    let entry = """
      <conceptEntry id="e"><descrip type="definition">\(definition)</descrip>
      <langSec xml:lang="de"><termSec><term>Begriff</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>term</term></termSec></langSec></conceptEntry>

      """
    let tbx =
      "<tbx type=\"TBX-Basic\" style=\"dca\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n"
      + String(repeating: entry, count: 1_100) + "</body></text></tbx>\n"
    #expect(tbx.utf8.count > 11_000_000)
    let glossary = try TBXReader.read(GlossarySamples.document(tbx, name: "big.tbx"))
    #expect(glossary.entries.count == 1_100)
    #expect(glossary.entries.last?.terms.map(\.text) == ["Begriff", "term"])
    #expect(glossary.entries.last?.definition?.utf8.count == definition.utf8.count - 1)
  }

  // MARK: - Errors and unsafe input

  @Test(arguments: [
    (
      "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n<conceptEntry id=\"a\">\n"
        + "  <langSec><termSec><term>x</term></termSec></langSec>\n"
        + "</conceptEntry></body></text></tbx>",
      "g.tbx:3:3: <langSec> without xml:lang"
    ),
    (
      "<tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"de\">\n<termSec>"
        + "<termNote type=\"administrativeStatus\">best</termNote></termSec></langSec>"
        + "</conceptEntry></body></text></tbx>",
      "g.tbx:2:1: <termSec> without <term>"
    ),
    ("<tbx><text>\n<body></text></tbx>", "g.tbx:2:14: malformed XML"),
    ("<glossary/>", "g.tbx:1:1: not a TBX file (root element <glossary>"),
    ("", "g.tbx:1:1: malformed XML"),
  ])
  func errorsNameLineAndColumn(text: String, message: String) {
    let error = GlossarySamples.inputError {
      _ = try TBXReader.read(GlossarySamples.document(text, name: "g.tbx"))
    }
    #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
  }

  @Test func entityExpansionBombIsRefusedQuickly() throws {
    var declarations = "<!ENTITY lol \"lol\">\n"
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      declarations +=
        "<!ENTITY lol\(level) \""
        + String(repeating: "&\(previous);", count: 10) + "\">\n"
    }
    let bomb = """
      <?xml version="1.0"?>
      <!DOCTYPE tbx [
      \(declarations)]>
      <tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec>
      <term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>
      """
    let start = Date()
    let error = GlossarySamples.inputError {
      _ = try TBXReader.read(GlossarySamples.document(bomb, name: "bomb.tbx"))
    }
    #expect(Date().timeIntervalSince(start) < 1)
    #expect(
      error?.description.hasPrefix("bomb.tbx:3:1: entity declarations are not allowed") == true,
      "\(String(describing: error))")
  }

  @Test func externalEntitiesAreRefused() throws {
    let secret = try GlossarySamples.temporaryFile("SECRET", extension: "txt")
    defer { try? FileManager.default.removeItem(atPath: secret) }
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file://\(secret)">]>
      <tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec>
      <term>&xxe;</term></termSec></langSec></conceptEntry></body></text></tbx>
      """
    let error = GlossarySamples.inputError {
      _ = try TBXReader.read(GlossarySamples.document(xml, name: "xxe.tbx"))
    }
    #expect(error?.description.contains("entity declarations are not allowed") == true)
  }

  @Test func anExternalDTDIsNeitherFetchedNorUsed() throws {
    // A DTD that would define an entity if it were loaded; the reference stays undeclared.
    let dtd = try GlossarySamples.temporaryFile("<!ENTITY term \"LOADED\">", extension: "dtd")
    defer { try? FileManager.default.removeItem(atPath: dtd) }
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE tbx SYSTEM "\(dtd)">
      <tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec>
      <term>x&term;</term></termSec></langSec></conceptEntry></body></text></tbx>
      """
    let result = Result { try TBXReader.read(GlossarySamples.document(xml, name: "dtd.tbx")) }
    if case .success(let glossary) = result {
      #expect(glossary.entries.first?.terms.first?.text.contains("LOADED") == false)
    }
    let remote = """
      <?xml version="1.0"?>
      <!DOCTYPE tbx SYSTEM "http://127.0.0.1:9/tbx.dtd">
      <tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec>
      <term>x</term></termSec></langSec></conceptEntry></body></text></tbx>
      """
    let start = Date()
    let glossary = try TBXReader.read(GlossarySamples.document(remote, name: "remote.tbx"))
    #expect(glossary.entries.first?.terms.first?.text == "x")
    #expect(Date().timeIntervalSince(start) < 1)
  }
}

import BitextKit
import Foundation
import Testing

@Suite struct GlossaryTMXTests {
  @Test func roundTripKeepsEverythingButTheName() throws {
    let tmx = GlossaryTMX.render(GlossarySamples.rich)
    let back = try GlossaryTMX.read(GlossarySamples.document(tmx, name: "g.tmx"))
    var expected = GlossarySamples.rich
    expected.name = nil
    #expect(back == expected)
  }

  @Test func outputIsValidAgainstTheDTD() throws {
    let dtd = try GlossarySamples.formatsFile("tmx14.dtd")
    let tmx = GlossaryTMX.render(GlossarySamples.rich)
    #expect(tmx.contains("segtype=\"phrase\""))
    let result = try XMLLint.validate(tmx, extension: "tmx", ["--dtdvalid", dtd])
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func eachUnitIsATermPair() throws {
    let tmx = GlossaryTMX.render(GlossarySamples.rich)
    let content = try TMXReader.read(GlossarySamples.document(tmx, name: "g.tmx"))
    #expect(content.sourceLanguage == .german)
    #expect(content.units.allSatisfy { (1...2).contains($0.variants.count) })
    let first = try #require(content.units.first)
    #expect(first.variants.map(\.text) == ["Kreml-Sprecher", "Kremlin spokesman"])
  }

  @Test func plainTermPairsFromOtherToolsBecomeEntries() throws {
    let tmx = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE tmx SYSTEM "tmx14.dtd">
      <tmx version="1.4">
        <header creationtool="x" creationtoolversion="1" segtype="phrase" o-tmf="x"
          adminlang="en" srclang="de" datatype="plaintext"/>
        <body>
          <tu><tuv xml:lang="de"><seg>Truppe</seg></tuv>
            <tuv xml:lang="en"><seg>troops</seg></tuv></tu>
          <tu><tuv xml:lang="de"><seg>Truppe</seg></tuv>
            <tuv xml:lang="en"><seg>forces</seg></tuv></tu>
          <tu><tuv lang="de"><seg>Kalter <ph>&lt;b&gt;</ph>Krieg</seg></tuv>
            <tuv xml:lang="en"><seg>Cold War</seg></tuv></tu>
        </body>
      </tmx>
      """
    let glossary = try GlossaryTMX.read(GlossarySamples.document(tmx, name: "pairs.tmx"))
    #expect(glossary.entries.count == 2)
    #expect(glossary.entries[0].terms(in: .english).map(\.text) == ["troops", "forces"])
    #expect(glossary.entries[0].terms(in: .english).map(\.status) == [.preferred, .admitted])
    #expect(glossary.entries[1].terms(in: .german).map(\.text) == ["Kalter Krieg"])
  }

  @Test func utf16FilesAndRegionalLanguageTags() throws {
    let tmx = """
      <?xml version="1.0" encoding="UTF-16"?>
      <tmx version="1.4"><header srclang="de-DE"/><body>
      <tu><tuv xml:lang="de-DE"><seg>Grüße</seg></tuv>
      <tuv xml:lang="en-US"><seg>greetings</seg></tuv></tu>
      </body></tmx>
      """
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in tmx.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let path = try GlossarySamples.temporaryFile("", extension: "tmx")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let glossary = try Glossary.read(path: path)
    #expect(glossary.sourceLanguage == .german && glossary.targetLanguage == .english)
    #expect(glossary.entries.first?.terms.map(\.text) == ["Grüße", "greetings"])
  }

  @Test(arguments: [
    (
      "<tmx version=\"1.4\"><header srclang=\"de\"/><body>\n<tu><tuv><seg>x</seg></tuv></tu>"
        + "</body></tmx>",
      "g.tmx:2:5: <tuv> without xml:lang"
    ),
    ("<tmx><body><tu>\n<tuv xml:lang=\"de\"><seg>x</tuv></tu></body></tmx>", "g.tmx:2:"),
    ("<tbx/>", "g.tmx:1:1: not a TMX file"),
  ])
  func errorsNameLineAndColumn(text: String, message: String) {
    let error = GlossarySamples.inputError {
      _ = try GlossaryTMX.read(GlossarySamples.document(text, name: "g.tmx"))
    }
    #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
  }

  @Test func entityDeclarationsAreRefused() {
    let tmx = """
      <?xml version="1.0"?>
      <!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>&b;</seg></tuv>
      </tu></body></tmx>
      """
    let error = GlossarySamples.inputError {
      _ = try GlossaryTMX.read(GlossarySamples.document(tmx, name: "bomb.tmx"))
    }
    #expect(error?.description.hasPrefix("bomb.tmx:2:16: entity declarations") == true)
  }
}

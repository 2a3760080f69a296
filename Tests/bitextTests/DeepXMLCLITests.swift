import Foundation
import Testing

/// A glossary of deeply nested XML is one error line, in every command, not a crash.
@Suite struct DeepXMLCLITests {
  static let de = Fixtures.path("ukraine-nato.de.txt")
  static let en = Fixtures.path("ukraine-nato.en.txt")

  /// A TMX glossary whose one German segment nests 50,000 `<bpt>` elements.
  static func deepGlossary(in folder: TemporaryFolder) throws -> String {
    let depth = 50_000
    let text =
      #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
      + #"<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="phrase" "#
      + #"o-tmf="t" adminlang="en" srclang="de" datatype="plaintext"/><body><tu>"#
      + #"<tuv xml:lang="de"><seg>Krieg"# + String(repeating: #"<bpt i="1">"#, count: depth)
      + String(repeating: "</bpt>", count: depth)
      + #"</seg></tuv><tuv xml:lang="en"><seg>war</seg></tuv></tu></body></tmx>"# + "\n"
    return try folder.write("deep.tmx", text)
  }

  @Test(arguments: [
    ["glossary", "stats", "GLOSSARY"],
    ["glossary", "convert", "GLOSSARY", "-", "--to", "tsv"],
    ["check", de, en, "--glossary", "GLOSSARY", "--no-dictionary"],
    ["align", de, en, "--glossary", "GLOSSARY", "--no-dictionary"],
  ])
  func aDeepGlossaryIsOneLineAndExitTwo(arguments: [String]) throws {
    let folder = try TemporaryFolder()
    let glossary = try Self.deepGlossary(in: folder)
    let result = try BitextProcess.run(arguments.map { $0 == "GLOSSARY" ? glossary : $0 })
    #expect(result.status == 2, "\(result.stderr)")
    #expect(
      result.stderr == "bitext: \(glossary):2:11404: malformed XML: elements nested more than "
        + "1024 deep\n")
  }

  @Test func aDeepGlossaryInABatchIsAnErrorLine() throws {
    let folder = try TemporaryFolder()
    let glossary = try Self.deepGlossary(in: folder)
    let input =
      [
        #"{"id": "deep", "source_text": "Krieg.", "target_text": "War.", "source_lang": "de", "#
          + #""target_lang": "en", "glossary": "\#(glossary)"}"#,
        #"{"id": "plain", "source_text": "Krieg.", "target_text": "War.", "source_lang": "de", "#
          + #""target_lang": "en"}"#,
      ].joined(separator: "\n") + "\n"
    let result = try BitextProcess.run(
      ["batch", "--no-dictionary", "--jobs", "1"], stdin: Data(input.utf8))
    #expect(result.status == 1, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    try #require(lines.count == 2)
    #expect(lines[0].contains("elements nested more than 1024 deep"))
    #expect(lines[1].contains("\"beads\""))
  }
}

import BitextKit
import Foundation
import Testing

@Suite struct GlossaryFormatTests {
  @Test(arguments: [
    ("terms.tsv", GlossaryFormat.tsv), ("dir.v2/TERMS.CSV", .csv), ("a.b.tbx", .tbx),
    ("x.tmx", .tmx), ("list.txt", .tsv),
  ])
  func formatFromExtension(path: String, format: GlossaryFormat) {
    #expect(GlossaryFormat(path: path) == format)
  }

  @Test(arguments: ["terms", "terms.xml", ".tsv", "dir.tsv/terms"])
  func unknownExtensionsNeedAnExplicitFormat(path: String) throws {
    #expect(GlossaryFormat(path: path) == nil)
    #expect(try GlossaryFormat.resolve(.tbx, path: path) == .tbx)
    let error = GlossarySamples.inputError { _ = try GlossaryFormat.resolve(nil, path: path) }
    #expect(error?.description.contains("unknown glossary format") == true)
  }

  @Test(arguments: GlossaryFormat.allCases)
  func readAndWriteThroughFiles(format: GlossaryFormat) throws {
    let path = try GlossarySamples.temporaryFile("", extension: format.rawValue)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try GlossarySamples.rich.write(to: path, format: format)
    let back = try Glossary.read(path: path)
    #expect(back.entries == GlossarySamples.rich.entries)
    let error = GlossarySamples.inputError {
      try GlossarySamples.rich.write(to: path, format: format, inputs: [path])
    }
    #expect(error == .outputOverwritesInput(path: path))
  }

  @Test func aBadFileNamesItself() throws {
    let path = try GlossarySamples.temporaryFile("de\ten\nA\tB\tC\n", extension: "tsv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let error = GlossarySamples.inputError { _ = try Glossary.read(path: path) }
    #expect(error?.description.hasPrefix("\(path):2:5: row has 3 cells") == true)
  }
}

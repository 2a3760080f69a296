import Foundation
import Testing

/// What TMX export and language detection may claim: no untranslated unit, no guessed language.
@Suite struct ExportCLITests {
  static let german =
    "Der Krieg in der Ukraine dauert an. Die Regierung hat neue Hilfen für die Bauern angekündigt. "
    + "Das Parlament stimmt morgen über den Haushalt ab.\n"
  /// The second sentence is the German one, not translated.
  static let english =
    "The war in Ukraine continues. Die Regierung hat neue Hilfen für die Bauern angekündigt. "
    + "Parliament votes on the budget tomorrow.\n"
  static let french =
    "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs. Selon le "
    + "ministre, ces aides seront versées avant la fin de l'année. Les syndicats estiment toutefois "
    + "que le plan est insuffisant et appellent à de nouvelles manifestations.\n"

  @Test func alignLeavesUntranslatedBeadsOutOfTMX() throws {
    let folder = try TemporaryFolder()
    let de = try folder.write("a.de.txt", Self.german)
    let en = try folder.write("a.en.txt", Self.english)
    let omitted = try BitextProcess.run(["align", de, en, "--no-dictionary", "--format", "tmx"])
    #expect(omitted.status == 0, "\(omitted.stderr)")
    #expect(omitted.stdout.components(separatedBy: "<tu ").count - 1 == 2)
    #expect(!omitted.stdout.contains("Die Regierung"))
    let marked = try BitextProcess.run(
      ["align", de, en, "--no-dictionary", "--format", "tmx", "--untranslated", "mark"])
    #expect(marked.status == 0, "\(marked.stderr)")
    #expect(marked.stdout.components(separatedBy: "<tu ").count - 1 == 3)
    #expect(marked.stdout.contains(#"<prop type="x-untranslated">yes</prop>"#))
  }

  @Test func batchLeavesUntranslatedBeadsOutOfItsTMX() throws {
    let folder = try TemporaryFolder()
    let line =
      #"{"id": "u", "source_text": "\#(Self.german.dropLast())", "# + #""target_text": ""#
      + Self.english.dropLast() + #"", "source_lang": "de", "target_lang": "en"}"# + "\n"
    let tmx = folder.file("out.tmx")
    let result = try BitextProcess.run(
      ["batch", "--no-dictionary", "--tmx", tmx], stdin: Data(line.utf8))
    #expect(result.stdout.contains("\"untranslated\""), "\(result.stdout)")
    let text = try String(contentsOfFile: tmx, encoding: .utf8)
    #expect(text.components(separatedBy: "<tu ").count - 1 == 2)
    #expect(!text.contains("Die Regierung"))
  }

  @Test(arguments: [
    ["align", "FR", "EN", "--source-lang", "auto", "--target-lang", "auto", "--no-dictionary"],
    ["segment", "FR"],
  ])
  func autoDetectionNeverLabelsALanguageItDidNotDetect(arguments: [String]) throws {
    let folder = try TemporaryFolder()
    let fr = try folder.write("a.fr.txt", Self.french)
    let en = try folder.write("a.en.txt", Self.english)
    let result = try BitextProcess.run(
      arguments.map { $0 == "FR" ? fr : $0 == "EN" ? en : $0 })
    let option = arguments[0] == "segment" ? "--lang" : "--source-lang"
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "bitext: \(fr): cannot tell the language (auto detects German and English): give "
        + "\(option)\n")
  }
}

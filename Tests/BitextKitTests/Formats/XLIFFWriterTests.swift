import BitextKit
import Testing

/// `XLIFFWriter`: units, states and notes per bead shape, read back by `BilingualReader`.
@Suite struct XLIFFWriterTests {
  /// Source sentences S0…S3, target sentences T0…T3; beads 1-1, 0-1, 1-0, 2-1 (low), 1-1.
  static let alignment: Alignment = {
    func sentences(_ prefix: String, _ count: Int) -> [Sentence] {
      var offset = 0
      return (0..<count).map { index in
        let text = "\(prefix) \(index) & <mehr>."
        defer { offset += text.utf8.count + 1 }
        return Sentence(
          index: index, paragraph: 0, utf8Range: offset..<offset + text.utf8.count, text: text)
      }
    }
    return Alignment(
      source: sentences("Satz", 5), target: sentences("Sentence", 4),
      beads: [
        AlignmentBead(source: 0..<1, target: 0..<1, confidence: 0.9),
        AlignmentBead(source: 1..<1, target: 1..<2, confidence: 0.8),
        AlignmentBead(source: 1..<2, target: 2..<2, confidence: 0.7),
        AlignmentBead(source: 2..<4, target: 2..<3, confidence: 0.3),
        AlignmentBead(source: 4..<5, target: 3..<4, confidence: 0.95),
      ])
  }()

  @Test(arguments: XLIFFWriter.Version.allCases)
  func beadShapesReadBack(version: XLIFFWriter.Version) throws {
    let writer = XLIFFWriter(version: version, sourceLanguage: .german, targetLanguage: .english)
    let xml = writer.document(Self.alignment, original: "a.de.txt")
    let file = try BilingualReader().read(Document(name: "a.xlf", text: xml))
    #expect(file.format == (version == .v1_2 ? .xliff : .xliff2))
    #expect(file.sourceLanguage == .german && file.targetLanguage == .english)
    #expect(file.units.map(\.id) == ["1", "2", "3", "4"])
    #expect(
      file.units.map(\.source.text) == [
        "Satz 0 & <mehr>.", "Satz 1 & <mehr>.", "Satz 2 & <mehr>. Satz 3 & <mehr>.",
        "Satz 4 & <mehr>.",
      ])
    #expect(
      file.units.map { $0.target?.text } == [
        "Sentence 0 & <mehr>.", nil, "Sentence 2 & <mehr>.", "Sentence 3 & <mehr>.",
      ])
    let states = file.units.map(\.state)
    if version == .v1_2 {
      #expect(states == ["translated", nil, "needs-review-translation", "translated"])
    } else {
      #expect(states == ["translated", "initial", "initial", "translated"])
    }
    // The 0-1 bead is a note on the unit before it; the low-confidence bead's note its score.
    let units = xml.components(separatedBy: version == .v1_2 ? "<trans-unit " : "<unit ")
    #expect(units[1].contains("added in the translation (0-1 bead), no source: Sentence 1"))
    #expect(units[2].contains("no translation in the target text (1-0 bead)"))
    #expect(units[3].contains("alignment confidence 0.300 (2-1 bead)"))
  }
}

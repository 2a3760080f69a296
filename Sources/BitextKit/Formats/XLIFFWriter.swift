/// Writes an alignment as XLIFF 1.2 or 2.1, so that it can be opened and corrected in a CAT tool.
///
///     let writer = XLIFFWriter(version: .v1_2, sourceLanguage: .german, targetLanguage: .english)
///     let xliff = writer.document(alignment, original: "a.de.txt")
///
/// One unit per bead that has source sentences, numbered from 1 in bead order:
/// - a bead with both sides is a unit with source and target (state `translated`); a
///   low-confidence one (`AlignmentBead.isLowConfidence`) has the state
///   `needs-review-translation` (2.1: `initial` with `subState="bitext:low-confidence"`) and a
///   note with its confidence;
/// - a 1-0 bead (omitted in the translation) is a unit without target, with a note;
/// - a 0-1 bead (added in the translation) has no source, so it is a note on the unit before it
///   (the first unit when it comes first).
/// Sentences of one side are joined by a space; line breaks inside them become spaces.
public struct XLIFFWriter: Sendable {
  public enum Version: String, Sendable, CaseIterable {
    case v1_2 = "1.2"
    case v2_1 = "2.1"
  }

  public var version: Version
  public var sourceLanguage: Language
  public var targetLanguage: Language

  public init(version: Version, sourceLanguage: Language, targetLanguage: Language) {
    self.version = version
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
  }

  /// One unit of the output.
  struct Unit {
    var source: String
    var target: String?
    var lowConfidence: Bool
    var notes: [String]
  }

  /// The whole document.
  ///
  /// - Parameter original: The `original` attribute of `<file>`: the source text's name.
  public func document(_ alignment: Alignment, original: String) -> String {
    let units = self.units(alignment)
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    let source = XML.escape(sourceLanguage.rawValue)
    let target = XML.escape(targetLanguage.rawValue)
    switch version {
    case .v1_2:
      xml += "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      xml += "  <file original=\"\(XML.escape(original))\" source-language=\"\(source)\" "
      xml += "target-language=\"\(target)\" datatype=\"plaintext\">\n"
      xml += "    <header><tool tool-id=\"bitext\" tool-name=\"bitext\" "
      xml += "tool-version=\"\(XML.escape(BitextKit.version))\"/></header>\n    <body>\n"
      for (index, unit) in units.enumerated() {
        xml += "      <trans-unit id=\"\(index + 1)\">\n"
        xml += "        <source>\(XML.escape(unit.source))</source>\n"
        if let text = unit.target {
          let state = unit.lowConfidence ? "needs-review-translation" : "translated"
          xml += "        <target state=\"\(state)\">\(XML.escape(text))</target>\n"
        }
        for note in unit.notes {
          xml += "        <note from=\"bitext\">\(XML.escape(note))</note>\n"
        }
        xml += "      </trans-unit>\n"
      }
      xml += "    </body>\n  </file>\n</xliff>\n"
    case .v2_1:
      xml += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" "
      xml += "srcLang=\"\(source)\" trgLang=\"\(target)\">\n"
      xml += "  <file id=\"f1\" original=\"\(XML.escape(original))\">\n"
      for (index, unit) in units.enumerated() {
        xml += "    <unit id=\"\(index + 1)\">\n"
        if !unit.notes.isEmpty {
          xml += "      <notes>\n"
          for note in unit.notes {
            xml += "        <note category=\"bitext\">\(XML.escape(note))</note>\n"
          }
          xml += "      </notes>\n"
        }
        let state =
          unit.target == nil
          ? "initial"
          : unit.lowConfidence ? "initial\" subState=\"bitext:low-confidence" : "translated"
        xml += "      <segment state=\"\(state)\">\n"
        xml += "        <source>\(XML.escape(unit.source))</source>\n"
        if let text = unit.target { xml += "        <target>\(XML.escape(text))</target>\n" }
        xml += "      </segment>\n    </unit>\n"
      }
      xml += "  </file>\n</xliff>\n"
    }
    return xml
  }

  /// The units of the beads with source sentences, with the notes of their neighbours.
  func units(_ alignment: Alignment) -> [Unit] {
    func text(_ range: Range<Int>, _ sentences: [Sentence]) -> String {
      AlignmentFormatter.text(of: range, in: sentences)
    }
    var units: [Unit] = []
    var leading: [String] = []  // additions before the first unit
    for bead in alignment.beads {
      if bead.source.isEmpty {
        guard !bead.target.isEmpty else { continue }
        let note =
          "added in the translation (\(bead.kind) bead), no source: "
          + text(bead.target, alignment.target)
        if units.isEmpty { leading.append(note) } else { units[units.count - 1].notes.append(note) }
        continue
      }
      var unit = Unit(
        source: text(bead.source, alignment.source), target: nil, lowConfidence: false, notes: [])
      if bead.target.isEmpty {
        unit.notes.append("no translation in the target text (\(bead.kind) bead)")
      } else {
        unit.target = text(bead.target, alignment.target)
        unit.lowConfidence = bead.isLowConfidence
        if bead.isLowConfidence {
          unit.notes.append(
            "alignment confidence \(AlignmentFormatter.score(bead.confidence)) "
              + "(\(bead.kind) bead): please check")
        }
      }
      units.append(unit)
    }
    if !units.isEmpty { units[0].notes.insert(contentsOf: leading, at: 0) }
    return units
  }
}

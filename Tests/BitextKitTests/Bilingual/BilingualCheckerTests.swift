import BitextKit
import Testing

/// `BilingualChecker`'s rules on small files built in the test.
@Suite struct BilingualCheckerTests {
  /// A unit with plain source and target (nil: no target) at line `number`.
  static func unit(_ id: String, _ source: String, _ target: String?) -> BilingualUnit {
    let line = Int(id.filter(\.isNumber)) ?? 1
    return BilingualUnit(
      id: id, source: BilingualText(text: source), target: target.map { BilingualText(text: $0) },
      sourceLocation: SourceLocation(file: "t.xlf", line: line, column: 1),
      targetLocation: target.map { _ in SourceLocation(file: "t.xlf", line: line, column: 9) })
  }

  static func check(_ units: [BilingualUnit], glossary: Glossary = Glossary()) -> BilingualCheck {
    let file = BilingualDocument(
      name: "t.xlf", format: .xliff, sourceLanguage: .german, targetLanguage: .english,
      units: units)
    return BilingualChecker(configuration: .init(glossary: glossary)).check(file)
  }

  static func kinds(_ check: BilingualCheck) -> [String] {
    check.findings.map { "\(check.file.units[check.unit(of: $0)!].id) \($0.kind.rawValue)" }
  }

  @Test func missingAndEmptyTargets() {
    let check = Self.check([
      Self.unit("u1", "Der Kreml schweigt.", nil),
      Self.unit("u2", "Der Kreml schweigt heute.", "  "),
      Self.unit("u3", "Der Kreml schweigt morgen.", "The Kremlin is silent tomorrow."),
    ])
    #expect(Self.kinds(check) == ["u1 missing-target", "u2 missing-target"])
    #expect(check.location(of: check.findings[0]).description == "t.xlf:1:1")
    #expect(check.location(of: check.findings[1]).description == "t.xlf:2:9")
  }

  @Test func targetEqualToSourceNeedsSourceLanguageWords() {
    let check = Self.check([
      Self.unit("u1", "Die Sitzung ist vorbei.", "Die Sitzung ist vorbei."),
      Self.unit("u2", "NATO", "NATO"),
      Self.unit("u3", "Berlin, 2024", "Berlin, 2024"),
    ])
    #expect(Self.kinds(check) == ["u1 untranslated"])
  }

  @Test func inconsistentTargetsAndSources() {
    let check = Self.check([
      Self.unit("u1", "Der Vertrag tritt in Kraft.", "The treaty enters into force."),
      Self.unit("u2", "Der  Vertrag tritt in Kraft. ", "The treaty takes effect. "),
      Self.unit("u3", "Das Abkommen tritt in Kraft.", "The treaty enters into force."),
      Self.unit("u4", "Der Vertrag tritt in Kraft.", "The treaty enters into force."),
      // The same source in NFD ("a" + combining diaeresis) and NFC, translated differently.
      Self.unit("u5", "Die Verha\u{308}ndlung beginnt.", "The negotiation begins."),
      Self.unit("u6", "Die Verhandlung beginnt.", "The negotiations begin."),
      Self.unit("u7", "Die Verh\u{E4}ndlung beginnt.", "The talks begin."),
    ])
    #expect(
      Self.kinds(check) == [
        "u2 inconsistent-target", "u3 inconsistent-source", "u7 inconsistent-target",
      ])
    #expect(check.findings[0].message.contains("unit u1"))
  }

  @Test func inlineCodesCountAndOrder() {
    var unit = Self.unit("u1", "", "")
    unit.source = BilingualText()
    unit.source.text = "\u{FFFC}Speichern\u{FFFC} und \u{FFFC}"
    unit.source.codes = [
      InlineCode(role: .opening, id: "1", element: "g"),
      InlineCode(role: .closing, id: "1", element: "g"),
      InlineCode(role: .standalone, id: "2", element: "x"),
    ]
    var swapped = unit
    swapped.id = "u2"
    swapped.target = BilingualText(
      text: "\u{FFFC} and \u{FFFC}save\u{FFFC}",
      codes: [
        unit.source.codes[2], unit.source.codes[0], unit.source.codes[1],
      ])
    var lost = unit
    lost.id = "u3"
    lost.source.text = "\u{FFFC}Sichern\u{FFFC} und \u{FFFC}"
    lost.target = BilingualText(text: "save and \u{FFFC}", codes: [unit.source.codes[2]])
    let check = Self.check([swapped, lost])
    #expect(Self.kinds(check) == ["u2 inline-code-order", "u3 inline-code-mismatch"])
    #expect(check.findings[1].message.contains("missing {1} {/1}"))
    #expect(check.findings[1].severity == .error && check.findings[0].severity == .warning)
  }

  @Test func whitespaceAndEndPunctuation() {
    let check = Self.check([
      Self.unit("u1", " Wie geht es weiter?", "What happens next?"),
      Self.unit("u2", "Wie geht es jetzt weiter?", "What happens now."),
      Self.unit("u3", "Hinweis:", "Note:"),
    ])
    #expect(Self.kinds(check) == ["u1 whitespace-mismatch", "u2 end-punctuation-mismatch"])
  }

  /// A glossary term broken by an inline code is no match; a term beside codes is.
  @Test func termsIgnoreCodes() {
    let glossary = Glossary(
      sourceLanguage: .german, targetLanguage: .english,
      entries: [
        GlossaryEntry(
          id: "kreml",
          terms: [Term("Kreml", language: .german), Term("Kremlin", language: .english)])
      ])
    var split = Self.unit("u1", "", "The Kremlin is silent.")
    split.source = BilingualText(
      text: "Der Kr\u{FFFC}eml schweigt.",
      codes: [InlineCode(role: .standalone, id: "1", element: "x")])
    split.target?.append(InlineCode(role: .standalone, id: "1", element: "x"))
    var wrapped = Self.unit("u2", "", "The Russians are silent.")
    wrapped.source = BilingualText(
      text: "Der \u{FFFC}Kreml\u{FFFC} schweigt heute.",
      codes: [
        InlineCode(role: .opening, id: "1", element: "g"),
        InlineCode(role: .closing, id: "1", element: "g"),
      ])
    wrapped.target = BilingualText(
      text: "The \u{FFFC}Russians\u{FFFC} are silent today.", codes: wrapped.source.codes)
    let check = Self.check([split, wrapped], glossary: glossary)
    #expect(Self.kinds(check) == ["u2 term-missing"])
  }

  /// Per-pair messages that count sentences name units instead.
  @Test func inconsistentRenderingNamesUnits() {
    let glossary = Glossary(
      sourceLanguage: .german, targetLanguage: .english,
      entries: [
        GlossaryEntry(
          id: "bundesregierung",
          terms: [
            Term("Bundesregierung", language: .german),
            Term("federal government", language: .english),
            Term("German government", language: .english),
          ])
      ])
    let check = Self.check(
      [
        Self.unit("x7", "Die Bundesregierung tagt.", "The federal government meets."),
        Self.unit("x8", "Die Bundesregierung schweigt.", "The German government is silent."),
      ], glossary: glossary)
    let finding = check.findings.first { $0.kind == .inconsistentRendering }
    #expect(finding?.message.contains("(unit x7)") == true, "\(String(describing: finding))")
    #expect(finding?.message.contains("(unit x8)") == true)
    #expect(finding?.message.contains("sentence") == false)
  }

  /// `translate="no"` units are not checked.
  @Test func untranslatableUnitsAreSkipped() {
    var unit = Self.unit("u1", "Die Sitzung ist vorbei.", nil)
    unit.isTranslatable = false
    #expect(Self.check([unit]).findings.isEmpty)
  }
}

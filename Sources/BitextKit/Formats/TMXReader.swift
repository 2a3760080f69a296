/// Reads TMX files (1.4b, and older ones that use `lang` instead of `xml:lang`).
///
///     let tmx = try TMXReader.read(TextReader.read(path: "memory.tmx"))
///     // tmx.units[0].variants[0].language == "de"
public enum TMXReader {
  /// A TMX file's content.
  public struct Content: Hashable, Sendable {
    /// The header's `srclang`; nil when it is `*all*` or missing.
    public var sourceLanguage: Language?
    public var units: [TranslationUnit]
  }

  /// Reads a TMX document: each `<tu>` with its `tuid`, `<note>`s, `<prop>`s and `<tuv>`s (the
  /// text of `<seg>` without inline codes such as `<bpt>` and `<ph>`).
  ///
  /// - Throws: `InputError.malformed` with file:line:column for malformed or unsafe XML, a root
  ///   that is not `tmx`, a `tuv` without `xml:lang` or a `tuv` without `seg`.
  public static func read(_ document: Document) throws(InputError) -> Content {
    let root = try XMLTree.parse(document).root
    func fail(_ element: XMLTree.Element, _ reason: String) -> InputError {
      .malformed(XMLTree.location(element, in: document), reason: reason)
    }
    guard root.name == "tmx" else {
      throw fail(root, "not a TMX file (root element <\(root.name)>, expected <tmx>)")
    }
    let sourceCode = root.child("header")?.attributes["srclang"]
    let sourceLanguage = sourceCode.flatMap {
      $0.isEmpty || $0 == "*all*" ? nil : Language(rawValue: $0)
    }
    var units: [TranslationUnit] = []
    for unit in root.child("body")?.children("tu") ?? [] {
      var variants: [TranslationUnit.Variant] = []
      for variant in unit.children("tuv") {
        guard let code = variantLanguage(variant), !code.isEmpty else {
          throw fail(variant, "<tuv> without xml:lang")
        }
        guard let segment = variant.child("seg") else { throw fail(variant, "<tuv> without <seg>") }
        variants.append(.init(language: Language(rawValue: code), text: segment.text))
      }
      units.append(
        TranslationUnit(
          id: unit.attributes["tuid"], variants: variants,
          notes: unit.children("note").map(\.text),
          properties: unit.children("prop").map { ($0.attributes["type"] ?? "", $0.text) }))
    }
    return Content(sourceLanguage: sourceLanguage, units: units)
  }

  /// A `<tuv>`'s language code: `xml:lang`, or `lang` in TMX before 1.4 (shared with
  /// `BilingualReader`, which reads TMX as a bilingual file).
  static func variantLanguage(_ variant: XMLTree.Element) -> String? {
    variant.attributes["xml:lang"] ?? variant.attributes["lang"]
  }
}

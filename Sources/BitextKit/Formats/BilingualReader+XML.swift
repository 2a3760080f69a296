// MARK: - XLIFF 1.2, XLIFF 2.x and TMX

extension BilingualReader {
  /// The elements streamed: one translation unit each.
  static let unitElements: Set<String> = ["trans-unit", "unit", "tu"]

  /// Reads an XML bilingual file, telling XLIFF 1.2, XLIFF 2.x and TMX apart by the root element
  /// (`<xliff version="1.2">`, `<xliff version="2.1">`, `<tmx>`).
  ///
  /// A unit's source and target locations are where their content starts, just after the start
  /// tag of `<source>`, `<target>`, `<mrk>` or `<seg>`.
  func readXML(_ document: Document) throws(InputError) -> BilingualDocument {
    var units: [BilingualUnit] = []
    var format: BilingualDocument.Format?
    var languages: (source: Language, target: Language)?
    var count = 0
    let locator = XMLTree.Locator(document)
    func location(_ element: XMLTree.Element) -> SourceLocation {
      locator.contentLocation(element)
    }
    func fail(_ element: XMLTree.Element, _ reason: String) -> InputError {
      .malformed(locator.location(element), reason: reason)
    }
    let tree = try XMLTree.parse(document, streaming: Self.unitElements) {
      element, ancestors throws(InputError) in
      guard let root = ancestors.first else { return }
      if format == nil { format = try Self.format(ofRoot: root, fail: fail) }
      count += 1
      switch (format!, element.name) {
      case (.xliff, "trans-unit"):
        let file = ancestors.last { $0.name == "file" } ?? root
        if languages == nil {
          languages = try self.languages(of: file, location: locator.location(file))
        }
        try checkSameLanguages(file, languages!, locator)
        units += try Self.xliffUnits(
          element, ancestors: ancestors, number: count, location: location, fail: fail)
      case (.xliff2, "unit"):
        if languages == nil {
          languages = try self.languages(
            of: root, attributes: ("srcLang", "trgLang"), location: locator.location(root))
        }
        units += try Self.xliff2Units(
          element, ancestors: ancestors, number: count, location: location, fail: fail)
      case (.tmx, "tu"):
        if languages == nil {
          guard
            let pair = tmxLanguages(header: root.child("header"), unit: element)
          else { return }
          languages = pair
        }
        if let unit = Self.tmxUnit(
          element, languages: languages!, number: count, location: location)
        {
          units.append(unit)
        }
      default: break
      }
    }
    let root = tree.root
    let rootFormat: BilingualDocument.Format
    if let format {
      rootFormat = format
    } else {
      rootFormat = try Self.format(ofRoot: root, fail: fail)
    }
    if languages == nil {
      // A file without units: its languages are still checked.
      switch rootFormat {
      case .xliff:
        let file = root.child("file") ?? root
        languages = try self.languages(of: file, location: locator.location(file))
      case .xliff2:
        languages = try self.languages(
            of: root, attributes: ("srcLang", "trgLang"), location: locator.location(root))
      default:
        let languages = [sourceLanguage, targetLanguage].compactMap { $0?.rawValue }
        throw fail(
          root,
          count == 0
            ? "no <tu> in the file"
            : "no <tu> has variants in two languages"
              + (languages.isEmpty ? "" : " (\(languages.joined(separator: ", ")))"))
      }
    }
    if rootFormat == .tmx && units.isEmpty {
      throw fail(
        root, "no <tu> has variants in both \(languages!.source) and \(languages!.target)")
    }
    return BilingualDocument(
      name: document.name, format: rootFormat, sourceLanguage: languages!.source,
      targetLanguage: languages!.target, units: units)
  }

  static func format(
    ofRoot root: XMLTree.Element, fail: (XMLTree.Element, String) -> InputError
  ) throws(InputError) -> BilingualDocument.Format {
    switch root.name {
    case "xliff":
      let version = root.attributes["version"] ?? "1.2"
      if version.hasPrefix("2") { return .xliff2 }
      if version.hasPrefix("1") { return .xliff }
      throw fail(root, "XLIFF version \(version) is not read (1.2, 2.0 and 2.1 are)")
    case "tmx": return .tmx
    default:
      throw fail(
        root, "not a bilingual file (root element <\(root.name)>, expected <xliff> or <tmx>)")
    }
  }

  // MARK: XLIFF 1.2

  /// The languages an element names in two attributes: `source-language`/`target-language` on an
  /// XLIFF 1.2 `<file>` (the default), `srcLang`/`trgLang` on an XLIFF 2 root.
  private func languages(
    of element: XMLTree.Element, attributes: (source: String, target: String) = (
      "source-language", "target-language"
    ),
    location: @autoclosure () -> SourceLocation
  ) throws(InputError) -> (source: Language, target: Language) {
    (
      try language(
        element.attributes[attributes.source], asked: sourceLanguage, side: "source",
        at: location()),
      try language(
        element.attributes[attributes.target], asked: targetLanguage, side: "target",
        at: location())
    )
  }

  /// Refuses a second `<file>` in another pair of languages.
  private func checkSameLanguages(
    _ file: XMLTree.Element, _ languages: (source: Language, target: Language),
    _ locator: XMLTree.Locator
  ) throws(InputError) {
    for (attribute, language) in [
      ("source-language", languages.source), ("target-language", languages.target),
    ] {
      if let code = file.attributes[attribute], !code.isEmpty, Self.language(code) != language {
        throw .malformed(
          locator.location(file),
          reason: "<file> \(attribute)=\"\(code)\" differs from the first file's \(language)")
      }
    }
  }

  /// The units of a `<trans-unit>`: one per `<mrk mtype="seg">` of its `<seg-source>`, paired
  /// with the target's `<mrk>` of the same `mid`; else the unit itself.
  static func xliffUnits(
    _ element: XMLTree.Element, ancestors: [XMLTree.Element], number: Int,
    location: (XMLTree.Element) -> SourceLocation,
    fail: (XMLTree.Element, String) -> InputError
  ) throws(InputError) -> [BilingualUnit] {
    let id = element.attributes["id"] ?? "\(number)"
    // The PO header that translate-toolkit's po2xliff keeps as a unit: metadata, not text.
    if element.attributes["restype"] == "x-gettext-domain-header" { return [] }
    guard let source = element.child("source") else {
      throw fail(element, "<trans-unit id=\"\(id)\"> has no <source>")
    }
    let target = element.child("target")
    let translatable = ([element] + ancestors).allSatisfy { $0.attributes["translate"] != "no" }
    let approved = element.attributes["approved"] == "yes"
    let segments = element.child("seg-source").map(segmentMarks) ?? []
    guard !segments.isEmpty else {
      return [
        BilingualUnit(
          id: id, source: inlineText(source), target: target.map(inlineText),
          state: target?.attributes["state"] ?? element.attributes["mq:status"],
          isApproved: approved, isTranslatable: translatable,
          sourceLocation: location(source), targetLocation: target.map(location))
      ]
    }
    var targetMarks: [String: XMLTree.Element] = [:]
    for mark in target.map(segmentMarks) ?? [] {
      if let mid = mark.attributes["mid"] { targetMarks[mid] = targetMarks[mid] ?? mark }
    }
    // SDLXLIFF: each segment's confirmation level in <sdl:seg-defs><sdl:seg id="mid" conf="…">;
    // "ApprovedTranslation" and "ApprovedSignOff" are approved.
    var definitions: [String: [String: String]] = [:]
    for definition in element.child("seg-defs")?.children("seg") ?? [] {
      if let mid = definition.attributes["id"] { definitions[mid] = definition.attributes }
    }
    return segments.enumerated().map { index, mark in
      let mid = mark.attributes["mid"] ?? "\(index + 1)"
      let targetMark = targetMarks[mid]
      return BilingualUnit(
        id: id, segment: mid, source: inlineText(mark), target: targetMark.map(inlineText),
        state: definitions[mid]?["conf"] ?? target?.attributes["state"],
        isApproved: approved || definitions[mid]?["conf"]?.hasPrefix("Approved") == true,
        isTranslatable: translatable, sourceLocation: location(mark),
        targetLocation: targetMark.map(location))
    }
  }

  /// The `<mrk mtype="seg">` elements inside `element`, in document order (they may sit inside
  /// `<g>`).
  static func segmentMarks(_ element: XMLTree.Element) -> [XMLTree.Element] {
    var marks: [XMLTree.Element] = []
    for child in element.children {
      if child.name == "mrk" && child.attributes["mtype"] == "seg" {
        marks.append(child)
      } else {
        marks += segmentMarks(child)
      }
    }
    return marks
  }

  // MARK: XLIFF 2

  /// The units of a `<unit>`: one per `<segment>`, whose `id` is the unit's segment.
  static func xliff2Units(
    _ element: XMLTree.Element, ancestors: [XMLTree.Element], number: Int,
    location: (XMLTree.Element) -> SourceLocation,
    fail: (XMLTree.Element, String) -> InputError
  ) throws(InputError) -> [BilingualUnit] {
    let id = element.attributes["id"] ?? "\(number)"
    let translatable = ([element] + ancestors).allSatisfy { $0.attributes["translate"] != "no" }
    let segments = element.children("segment")
    guard !segments.isEmpty else { throw fail(element, "<unit id=\"\(id)\"> has no <segment>") }
    var units: [BilingualUnit] = []
    for (index, segment) in segments.enumerated() {
      guard let source = segment.child("source") else {
        throw fail(segment, "<segment> of <unit id=\"\(id)\"> has no <source>")
      }
      let target = segment.child("target")
      let state = segment.attributes["state"]
      units.append(
        BilingualUnit(
          id: id,
          segment: segment.attributes["id"] ?? (segments.count > 1 ? "\(index + 1)" : nil),
          source: inlineText(source), target: target.map(inlineText), state: state,
          isApproved: state == "final" || state == "reviewed",
          isTranslatable: translatable && segment.attributes["translate"] != "no",
          sourceLocation: location(source), targetLocation: target.map(location)))
    }
    return units
  }

  // MARK: TMX

  /// The pair of languages of a TMX file: those asked for, else the first unit's source (its
  /// `srclang`, else the header's when the unit has a variant in it, else its first variant's)
  /// and the first other language of the unit; nil when `unit` cannot tell.
  private func tmxLanguages(
    header: XMLTree.Element?, unit: XMLTree.Element
  ) -> (source: Language, target: Language)? {
    let variants = unit.children("tuv").compactMap(Self.tmxLanguage)
    let stated = [unit.attributes["srclang"], header?.attributes["srclang"]]
      .compactMap { $0 }.filter { $0 != "*all*" && !$0.isEmpty }.map(Self.language)
    guard let source = sourceLanguage ?? stated.first(where: variants.contains) ?? variants.first
    else { return nil }
    if let targetLanguage { return (source, targetLanguage) }
    guard let target = variants.first(where: { $0 != source }) else { return nil }
    return (source, target)
  }

  private static func tmxLanguage(_ variant: XMLTree.Element) -> Language? {
    TMXReader.variantLanguage(variant).map(language)
  }

  /// The `<tu>`'s variants in the two languages (the first `<tuv>` of each); nil when it lacks
  /// one of them (a unit of another pair, ignored).
  static func tmxUnit(
    _ element: XMLTree.Element, languages: (source: Language, target: Language), number: Int,
    location: (XMLTree.Element) -> SourceLocation
  ) -> BilingualUnit? {
    func segment(_ language: Language) -> XMLTree.Element? {
      element.children("tuv").first { tmxLanguage($0) == language }?.child("seg")
    }
    guard let source = segment(languages.source), let target = segment(languages.target) else {
      return nil
    }
    return BilingualUnit(
      id: element.attributes["tuid"] ?? "\(number)", source: inlineText(source),
      target: inlineText(target), sourceLocation: location(source),
      targetLocation: location(target))
  }

  // MARK: Inline content

  /// The text of a `<source>`, `<target>`, `<mrk>` or `<seg>`, its inline codes as placeholders.
  static func inlineText(_ element: XMLTree.Element) -> BilingualText {
    var text = BilingualText()
    appendInline(element, to: &text)
    return text
  }

  private static func appendInline(_ element: XMLTree.Element, to text: inout BilingualText) {
    for piece in element.content {
      switch piece {
      case .text(let string): text.append(string)
      case .child(let index):
        let child = element.children[index]
        let attributes = child.attributes
        let id = attributes["rid"] ?? attributes["id"] ?? attributes["i"] ?? attributes["x"]
        switch child.name {
        case "g", "pc":
          text.append(InlineCode(role: .opening, id: id, element: child.name))
          appendInline(child, to: &text)
          text.append(InlineCode(role: .closing, id: id, element: child.name))
        case "x", "ph", "ut":
          text.append(InlineCode(role: .standalone, id: id, element: child.name))
        case "bx", "bpt", "sc":
          text.append(InlineCode(role: .opening, id: id, element: child.name))
        case "ex", "ept", "ec":
          text.append(
            InlineCode(role: .closing, id: attributes["startRef"] ?? id, element: child.name))
        case "it":
          let role: InlineCode.Role =
            switch attributes["pos"] {
            case "open", "begin": .opening
            case "close", "end": .closing
            default: .standalone
            }
          text.append(InlineCode(role: role, id: id, element: child.name))
        case "cp":
          if let hex = attributes["hex"], let value = UInt32(hex, radix: 16),
            let scalar = Unicode.Scalar(value)
          {
            text.append(String(Character(scalar)))
          }
        case "sm", "em", "sub", "note": break
        default: appendInline(child, to: &text)  // mrk, hi and other annotations: their text
        }
      }
    }
  }
}

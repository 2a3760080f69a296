import Foundation

/// A translation unit of a TMX file: one variant per language.
public struct TranslationUnit: Hashable, Sendable {
  public struct Variant: Hashable, Sendable {
    public var language: Language
    public var text: String
    public init(language: Language, text: String) {
      self.language = language
      self.text = text
    }
  }

  /// Optional `tuid`.
  public var id: String?
  public var variants: [Variant]
  /// `<note>` elements.
  public var notes: [String]
  /// `<prop type="…">` elements, in order.
  public var properties: [(type: String, value: String)]

  public init(
    id: String? = nil, variants: [Variant], notes: [String] = [],
    properties: [(type: String, value: String)] = []
  ) {
    self.id = id
    self.variants = variants
    self.notes = notes
    self.properties = properties
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.id == rhs.id && lhs.variants == rhs.variants && lhs.notes == rhs.notes
      && lhs.properties.map(\.type) == rhs.properties.map(\.type)
      && lhs.properties.map(\.value) == rhs.properties.map(\.value)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(variants)
    hasher.combine(notes)
  }
}

/// Writes TMX 1.4b, valid against the LISA DTD (`tmx14.dtd`).
public struct TMXWriter: Sendable {
  /// `segtype`: "sentence" for aligned text, "phrase" for a glossary.
  public enum SegmentType: String, Sendable { case sentence, phrase, paragraph, block }

  public var sourceLanguage: Language
  public var segmentType: SegmentType
  /// `creationdate` in the header; a fixed date makes output reproducible.
  public var creationDate: Date

  public init(sourceLanguage: Language, segmentType: SegmentType, creationDate: Date = Date()) {
    self.sourceLanguage = sourceLanguage
    self.segmentType = segmentType
    self.creationDate = creationDate
  }

  /// The header and the opening of `<body>`.
  public func header() -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4">
      <header creationtool="bitext" creationtoolversion="\(XML.escape(version))" \
    segtype="\(segmentType.rawValue)" o-tmf="bitext" adminlang="en" \
    srclang="\(XML.escape(sourceLanguage.rawValue))" datatype="plaintext" \
    creationdate="\(Self.timestamp(creationDate))"/>
      <body>

    """
  }

  /// One `<tu>` element, indented, with a trailing line end.
  public func unit(_ unit: TranslationUnit) -> String {
    var xml = "    <tu"
    if let id = unit.id { xml += " tuid=\"\(XML.escape(id))\"" }
    xml += ">\n"
    for note in unit.notes { xml += "      <note>\(XML.escape(note))</note>\n" }
    for property in unit.properties {
      xml += "      <prop type=\"\(XML.escape(property.type))\">\(XML.escape(property.value))</prop>\n"
    }
    for variant in unit.variants {
      xml += "      <tuv xml:lang=\"\(XML.escape(variant.language.rawValue))\">"
      xml += "<seg>\(XML.escape(variant.text))</seg></tuv>\n"
    }
    return xml + "    </tu>\n"
  }

  /// The closing of `<body>` and `<tmx>`.
  public func footer() -> String { "  </body>\n</tmx>\n" }

  /// A whole TMX document.
  public func document(_ units: some Sequence<TranslationUnit>) -> String {
    var xml = header()
    for unit in units { xml += self.unit(unit) }
    return xml + footer()
  }

  /// A date as TMX wants it: `YYYYMMDDThhmmssZ`, UTC.
  public static func timestamp(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
    return "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
  }
}

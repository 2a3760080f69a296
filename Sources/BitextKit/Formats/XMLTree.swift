import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A small element tree read safely with Foundation's `XMLParser`, for the TBX and TMX readers.
///
/// Safety: documents that declare entities (`<!ENTITY`) are refused before parsing, so no
/// entity-expansion bomb and no external entity can take effect; external entity resolution is off,
/// and no DTD or other resource is fetched. Elements may nest at most `maximumDepth` deep, so that
/// nothing that walks the tree (or frees it) recurses without bound. Errors carry the file's line
/// and column.
struct XMLTree {
  /// The deepest nesting of elements read; deeper is malformed input. TBX and TMX need about ten.
  static let maximumDepth = 1024

  /// An element with its attributes, children and text, and where its start tag ends.
  struct Element {
    /// The name without a namespace prefix ("conceptEntry" for `<tbx:conceptEntry>`).
    var name: String
    /// Attributes by qualified name, e.g. "xml:lang", "id".
    var attributes: [String: String]
    var children: [Element]
    /// The element's content in document order: character data, and children by index.
    var content: [Piece]

    /// A piece of mixed content.
    enum Piece {
      case text(String)
      case child(Int)
    }

    /// The element's text with that of its descendants, in document order, leaving out inline
    /// codes (TMX `bpt`, `ept`, `it`, `ph`, `ut`; TBX `sc`, `ec`), which hold markup, not text.
    var text: String {
      var result = ""
      for piece in content {
        switch piece {
        case .text(let string): result += string
        case .child(let index):
          if !XMLTree.inlineCodes.contains(children[index].name) { result += children[index].text }
        }
      }
      return result
    }
    /// 1-based line and column of the parser after the start tag (where libxml2 reports it).
    var line: Int
    var column: Int

    /// The children named `name`.
    func children(_ name: String) -> [Element] { children.filter { $0.name == name } }

    /// The first child named `name`.
    func child(_ name: String) -> Element? { children.first { $0.name == name } }
  }

  var root: Element

  /// Inline codes, whose content is markup and not part of the text.
  static let inlineCodes: Set<String> = ["bpt", "ept", "it", "ph", "ut", "sc", "ec"]

  /// Parses `document` as XML.
  ///
  /// - Throws: `InputError.malformed` with file:line:column for malformed XML or entity
  ///   declarations.
  static func parse(_ document: Document) throws(InputError) -> XMLTree {
    try parse(document, streaming: []) { _, _ throws(InputError) in }
  }

  /// Parses `document` as XML, handing each element named in `streamed` to `handle` as soon as it
  /// ends, instead of keeping it in the tree: memory then holds one such element at a time (and
  /// the open elements around it), not the whole document, which is how the bilingual readers
  /// read 100,000 translation units.
  ///
  /// - Parameters:
  ///   - streamed: Names (without namespace prefix) of the elements handed over and dropped,
  ///     e.g. `["trans-unit", "unit", "tu"]`; the root is never handed over.
  ///   - handle: Called with the element and the open elements around it, outermost first (their
  ///     attributes and the children they have so far); an error it throws ends the parse.
  /// - Returns: The tree without the streamed elements.
  /// - Throws: `InputError.malformed` with file:line:column for malformed XML or entity
  ///   declarations, and whatever `handle` throws.
  static func parse(
    _ document: Document, streaming streamed: Set<String>,
    _ handle: @escaping (Element, [Element]) throws(InputError) -> Void
  ) throws(InputError) -> XMLTree {
    let bytes = document.utf8
    if let declaration = firstEntityDeclaration(in: bytes) {
      throw .malformed(
        document.location(ofByte: declaration),
        reason: "entity declarations are not allowed in XML input (entity expansion refused)")
    }
    // A stream makes the parser read in chunks: libxml2 refuses a single chunk over 10 MB.
    let data = Data(declaringUTF8(Array(bytes[document.contentStart...])))
    let parser = XMLParser(stream: InputStream(data: data))
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = false
    parser.shouldReportNamespacePrefixes = false
    let builder = Builder(streamed: streamed, handle: handle)
    parser.delegate = builder
    let succeeded = parser.parse()
    if let thrown = builder.thrown { throw thrown }
    if !succeeded || builder.failure != nil || builder.root == nil {
      let line = builder.failure?.line ?? max(parser.lineNumber, 1)
      let column = builder.failure?.column ?? max(parser.columnNumber, 1)
      let reason = builder.failure?.reason ?? Self.reason(parser.parserError)
      let location = SourceLocation(file: document.name, line: line, column: column)
      throw .malformed(location, reason: "malformed XML: \(reason)")
    }
    return XMLTree(root: builder.root!)
  }

  /// The location of an element's start tag (its `<`) in the file.
  ///
  /// - Complexity: O(*n*) in the length of the document; `Locator` places many elements.
  static func location(_ element: Element, in document: Document) -> SourceLocation {
    Locator(document).location(element)
  }

  /// Places elements in their document, with one line index for all of them.
  ///
  /// libxml2 reports the parser's place near the end of a start tag (on its `>` or just after
  /// it); the locator walks back to the tag's `<`, or on to the end of the tag.
  struct Locator {
    let lines: LineIndex

    /// - Complexity: O(*n*) in the length of the document.
    init(_ document: Document) { lines = LineIndex(document) }

    /// The UTF-8 byte offset of the element's `<`.
    func startTagOffset(_ element: Element) -> Int {
      let document = lines.document
      let bytes = document.utf8
      let index = lines.byteOffset(line: element.line, column: element.column)
      var start = min(index - 1, bytes.count - 1)
      while start > document.contentStart && bytes[start] != 0x3C { start -= 1 }
      return max(start, document.contentStart)
    }

    /// The location of the element's start tag (its `<`).
    func location(_ element: Element) -> SourceLocation {
      lines.location(ofByte: startTagOffset(element))
    }

    /// The location just after the element's start tag: where its content starts.
    func contentLocation(_ element: Element) -> SourceLocation {
      let bytes = lines.document.utf8
      var index = startTagOffset(element)
      var quote: UInt8?
      while index < bytes.count {
        let byte = bytes[index]
        if let open = quote {
          if byte == open { quote = nil }
        } else if byte == 0x22 || byte == 0x27 {
          quote = byte
        } else if byte == 0x3E {
          index += 1
          break
        }
        index += 1
      }
      return lines.location(ofByte: index)
    }
  }

  /// `bytes` (always UTF-8: `TextReader` transcodes UTF-16) with the XML declaration's encoding
  /// made UTF-8, padded with spaces so that columns stay where they were.
  static func declaringUTF8(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.starts(with: Array("<?xml".utf8)),
      let end = bytes.indices.first(where: {
        $0 + 1 < bytes.count && bytes[$0] == 0x3F && bytes[$0 + 1] == 0x3E
      }),
      let name = range(of: Array("encoding".utf8), in: bytes[..<end])
    else { return bytes }
    var index = name.upperBound
    while index < end && (bytes[index] == 0x20 || bytes[index] == 0x3D) { index += 1 }
    guard index < end, bytes[index] == 0x22 || bytes[index] == 0x27,
      let close = bytes[(index + 1)..<end].firstIndex(of: bytes[index])
    else { return bytes }
    let value = String(decoding: bytes[(index + 1)..<close], as: UTF8.self).lowercased()
    if value == "utf-8" || value == "utf8" { return bytes }
    var replacement = Array("encoding=\"UTF-8\"".utf8)
    let width = close + 1 - name.lowerBound
    if replacement.count < width {
      replacement += Array(repeating: 0x20, count: width - replacement.count)
    }
    var result = bytes
    result.replaceSubrange(name.lowerBound..<(close + 1), with: replacement)
    return result
  }

  private static func range(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Range<Int>? {
    guard bytes.count >= pattern.count else { return nil }
    for start in bytes.startIndex...(bytes.endIndex - pattern.count)
    where bytes[start..<start + pattern.count].elementsEqual(pattern) {
      return start..<start + pattern.count
    }
    return nil
  }

  /// The byte offset of the first `<!ENTITY` in `bytes`, if any.
  static func firstEntityDeclaration(in bytes: [UInt8]) -> Int? {
    let pattern = Array("<!ENTITY".utf8)
    guard bytes.count >= pattern.count else { return nil }
    var index = 0
    while index <= bytes.count - pattern.count {
      if bytes[index] == 0x3C && bytes[index..<index + pattern.count].elementsEqual(pattern) {
        return index
      }
      index += 1
    }
    return nil
  }

  static func reason(_ error: (any Error)?) -> String {
    guard let error else { return "parse error" }
    let code = (error as NSError).code
    switch code {
    case 4: return "empty document"
    case 5: return "premature end of document"
    case 26: return "undeclared entity"
    case 38, 39, 40, 41: return "bad attribute"
    case 64: return "document does not start with an element"
    case 73, 76: return "mismatched or unclosed tag"
    case 111: return "entity reference loop"
    default: return "parse error \(code)"
    }
  }
}

// MARK: - Building the tree

/// The `XMLParserDelegate` that builds elements.
private final class Builder: NSObject, XMLParserDelegate {
  var stack: [XMLTree.Element] = []
  var root: XMLTree.Element?
  var failure: (line: Int, column: Int, reason: String)?
  /// Elements handed to `handle` when they end rather than kept in the tree.
  let streamed: Set<String>
  let handle: (XMLTree.Element, [XMLTree.Element]) throws(InputError) -> Void
  /// The error `handle` threw, which ended the parse.
  var thrown: InputError?

  init(
    streamed: Set<String>,
    handle: @escaping (XMLTree.Element, [XMLTree.Element]) throws(InputError) -> Void
  ) {
    self.streamed = streamed
    self.handle = handle
  }

  /// Frees what a failed parse leaves on the stack without recursing into it.
  deinit {
    var pending = stack
    stack = []
    while var element = pending.popLast() {
      pending.append(contentsOf: element.children)
      element.children = []
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    guard failure == nil else { return }
    if stack.count >= XMLTree.maximumDepth {
      failure = (
        max(parser.lineNumber, 1), max(parser.columnNumber, 1),
        "elements nested more than \(XMLTree.maximumDepth) deep"
      )
      parser.abortParsing()
      return
    }
    let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
    stack.append(
      XMLTree.Element(
        name: local, attributes: attributes, children: [], content: [],
        line: parser.lineNumber, column: parser.columnNumber))
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    guard failure == nil, let element = stack.popLast() else { return }
    if stack.isEmpty {
      root = element
    } else if streamed.contains(element.name) {
      do throws(InputError) {
        try handle(element, stack)
      } catch {
        thrown = error
        failure = (parser.lineNumber, parser.columnNumber, "\(error)")
        parser.abortParsing()
      }
    } else {
      let parent = stack.count - 1
      stack[parent].content.append(.child(stack[parent].children.count))
      stack[parent].children.append(element)
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard !stack.isEmpty else { return }
    stack[stack.count - 1].content.append(.text(string))
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    foundCharacters(parser, String(decoding: CDATABlock, as: UTF8.self))
  }

  private func foundCharacters(_ parser: XMLParser, _ string: String) {
    self.parser(parser, foundCharacters: string)
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    if failure == nil {
      failure = (
        max(parser.lineNumber, 1), max(parser.columnNumber, 1), XMLTree.reason(parseError)
      )
    }
  }

  func parser(
    _ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?
  ) -> Data? {
    failure = (parser.lineNumber, parser.columnNumber, "external entity '\(name)' refused")
    parser.abortParsing()
    return nil
  }

  func parser(
    _ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?
  ) {
    failure = (parser.lineNumber, parser.columnNumber, "entity declaration '\(name)' refused")
    parser.abortParsing()
  }

  func parser(
    _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
    systemID: String?
  ) {
    failure = (parser.lineNumber, parser.columnNumber, "entity declaration '\(name)' refused")
    parser.abortParsing()
  }
}

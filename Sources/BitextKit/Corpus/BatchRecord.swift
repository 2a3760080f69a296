import Foundation

/// One document pair of a corpus: a line of `bitext batch` input (JSON Lines).
///
///     {"id": "a1", "source": "a1.de.txt", "target_text": "It rained.",
///      "source_lang": "de", "target_lang": "en", "glossary": "terms.tbx"}
///
/// Each side is either a path (`source`, `target`) or inline text (`source_text`, `target_text`);
/// exactly one of the two must be given. `glossary` is optional. Relative paths are resolved
/// against the current directory (or the batch's base directory, see `BatchResources.PathPolicy`).
/// Languages are ISO 639 codes as the CLI takes them (a region is dropped), by default `de` and
/// `en`. Unknown keys are ignored.
public struct BatchRecord: Hashable, Sendable {
  /// Where one side's text comes from.
  public enum Text: Hashable, Sendable {
    case path(String)
    case inline(String)
  }

  /// The pair's identifier, echoed in its output line.
  public var id: BatchID
  public var source: Text
  public var target: Text
  public var sourceLanguage: Language
  public var targetLanguage: Language
  /// Path of the pair's glossary, if it names one.
  public var glossary: String?

  public init(
    id: BatchID, source: Text, target: Text, sourceLanguage: Language, targetLanguage: Language,
    glossary: String? = nil
  ) {
    self.id = id
    self.source = source
    self.target = target
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.glossary = glossary
  }
}

/// The `id` of a batch record: a JSON string or number, echoed as it was given.
public struct BatchID: Hashable, Sendable, CustomStringConvertible {
  /// The identifier as text (a number in its JSON spelling).
  public var text: String
  /// True when the input gave a JSON number, which the output then echoes unquoted.
  public var isNumber: Bool

  public init(_ text: String, isNumber: Bool = false) {
    self.text = text
    self.isNumber = isNumber
  }

  /// The identifier as a JSON value.
  public var json: String { isNumber ? text : JSON.quote(text) }

  public var description: String { text }
}

// MARK: - Parsing

extension BatchRecord {
  /// Parses one input line.
  ///
  /// - Parameters:
  ///   - line: the line's bytes, without its line end.
  ///   - number: the 1-based line number, for messages.
  /// - Throws: `BatchError`, carrying the record's id whenever the line has a usable one; a message
  ///   without an id starts with "line N:".
  public init(line: [UInt8], number: Int) throws(BatchError) {
    // Without an id, the line number is the only way to find the line again.
    func fail(_ id: BatchID?, _ reason: String) -> BatchError {
      BatchError(id: id, message: id == nil ? "line \(number): \(reason)" : reason)
    }
    if TextScanner.isBlank(0..<line.count, in: line) {
      throw fail(nil, "empty line (expected a JSON object)")
    }
    if let bad = UTF8Validation.firstInvalidByte(in: line) {
      throw fail(nil, "invalid UTF-8 at byte offset \(bad)")
    }
    let decoder = JSONDecoder()
    let data = Data(line)
    let id: BatchID
    do {
      guard let raw = try decoder.decode(RawID.self, from: data).id else {
        throw fail(nil, "missing \"id\"")
      }
      id = raw
    } catch let error as BatchError {
      throw error
    } catch {
      if Self.isAboutID(error) {
        throw fail(nil, "\"id\" must be a non-empty string or an integer")
      }
      throw fail(nil, Self.describe(error))
    }
    let object: RawRecord
    do {
      object = try decoder.decode(RawRecord.self, from: data)
    } catch {
      throw fail(id, Self.describe(error))
    }
    func string(_ key: String) -> String? { object.fields[key] ?? nil }
    func side(_ name: String) throws(BatchError) -> Text {
      let path = string(name)
      let text = string(name + "_text")
      switch (path, text) {
      case (let path?, nil):
        if path.isEmpty { throw fail(id, "\"\(name)\" is an empty path") }
        if path == "-" { throw fail(id, "\"\(name)\" cannot be standard input (\"-\")") }
        return .path(path)
      case (nil, let text?): return .inline(text)
      case (nil, nil): throw fail(id, "missing \"\(name)\" or \"\(name)_text\"")
      case (_?, _?): throw fail(id, "give either \"\(name)\" or \"\(name)_text\", not both")
      }
    }
    // As the CLI: an ISO 639 code (a region dropped), German and English by default.
    func language(_ key: String, default fallback: Language) throws(BatchError) -> Language {
      guard let code = string(key) else { return fallback }
      guard let language = Language(code: code) else {
        throw fail(id, "\"\(key)\" is not a language code: \(JSON.quote(code))")
      }
      return language
    }
    self.init(
      id: id, source: try side("source"), target: try side("target"),
      sourceLanguage: try language("source_lang", default: .german),
      targetLanguage: try language("target_lang", default: .english),
      glossary: string("glossary").flatMap { $0.isEmpty ? nil : $0 })
  }

  /// The record as one JSON line (without line end), as `init(line:number:)` reads it.
  public var jsonLine: String {
    func side(_ name: String, _ text: Text) -> String {
      switch text {
      case .path(let path): "\(JSON.quote(name)): \(JSON.quote(path))"
      case .inline(let text): "\(JSON.quote(name + "_text")): \(JSON.quote(text))"
      }
    }
    var fields = ["\"id\": \(id.json)", side("source", source), side("target", target)]
    fields.append("\"source_lang\": \(JSON.quote(sourceLanguage.rawValue))")
    fields.append("\"target_lang\": \(JSON.quote(targetLanguage.rawValue))")
    if let glossary { fields.append("\"glossary\": \(JSON.quote(glossary))") }
    return "{" + fields.joined(separator: ", ") + "}"
  }

  /// True when a decoding error concerns the `id` value (not the line as a whole).
  private static func isAboutID(_ error: any Error) -> Bool {
    switch error {
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
      DecodingError.dataCorrupted(let context):
      context.codingPath.first?.stringValue == "id"
    default: false
    }
  }

  /// A one-line reason for a JSON decoding error.
  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      if let key = context.codingPath.last?.stringValue {
        return "\"\(key)\" must be a string"
      }
      return "expected a JSON object"
    default:
      return "malformed JSON"
    }
  }
}

// MARK: - Decoding

/// Just the `id` of a record, decoded first so that later errors can name it.
private struct RawID: Decodable {
  var id: BatchID?

  private enum Key: String, CodingKey { case id }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    if try !container.contains(.id) || container.decodeNil(forKey: .id) {
      id = nil
    } else if let text = try? container.decode(String.self, forKey: .id) {
      guard !text.isEmpty else {
        throw DecodingError.dataCorruptedError(
          forKey: .id, in: container, debugDescription: "empty id")
      }
      id = BatchID(text)
    } else {
      id = BatchID(String(try container.decode(Int64.self, forKey: .id)), isNumber: true)
    }
  }
}

/// The string fields of a record; other keys are ignored.
private struct RawRecord: Decodable {
  static let keys = [
    "source", "source_text", "target", "target_text", "source_lang", "target_lang", "glossary",
  ]
  var fields: [String: String?] = [:]

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    for name in Self.keys {
      let key = Key(stringValue: name)
      if container.contains(key), try !container.decodeNil(forKey: key) {
        fields[name] = try container.decode(String.self, forKey: key)
      }
    }
  }
}

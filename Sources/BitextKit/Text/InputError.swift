/// Why an input file could not be read. Each message is one line that names the file.
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
  case notFound(path: String)
  case isDirectory(path: String)
  case unreadable(path: String, reason: String)
  case empty(path: String)
  case binary(path: String, byteOffset: Int)
  /// The first byte that is not valid UTF-8 (or UTF-16), with its 0-based byte offset in the file.
  case invalidEncoding(SourceLocation, byteOffset: Int, encoding: String)
  /// A structured input (XML, TSV, JSON) that does not parse.
  case malformed(SourceLocation, reason: String)
  /// An output path that names one of the inputs.
  case outputOverwritesInput(path: String)
  case unwritable(path: String, reason: String)
  /// Language detection could not tell the text's language; `option` names it instead.
  case undetectedLanguage(path: String, option: String)
  /// A bilingual file whose `side` ("source" or "target") language is `found`, where the user asked
  /// for `expected` (`--source-lang`, `--target-lang`).
  case languageMismatch(SourceLocation, side: String, found: Language, expected: Language)

  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file"
    case .isDirectory(let path): "\(path): is a directory, not a text file"
    case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
    case .empty(let path): "\(path): empty input (no text to process)"
    case .binary(let path, let offset): "\(path): binary file (NUL byte at byte offset \(offset))"
    case .invalidEncoding(let location, let offset, let encoding):
      "\(location): invalid \(encoding) at byte offset \(offset)"
    case .malformed(let location, let reason): "\(location): \(reason)"
    case .outputOverwritesInput(let path):
      "\(path): refusing to write the output over an input file"
    case .unwritable(let path, let reason): "\(path): cannot write: \(reason)"
    case .undetectedLanguage(let path, let option):
      "\(path): cannot tell the language (auto detects German and English): give \(option)"
    case .languageMismatch(let location, let side, let found, let expected):
      "\(location): the file's \(side) language is \(found), but --\(side)-lang is \(expected)"
    }
  }
}

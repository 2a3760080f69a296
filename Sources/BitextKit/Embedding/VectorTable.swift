import Foundation

/// Sentence vectors computed elsewhere, looked up by text: a `SentenceEmbedder` for vectors of
/// another model, for evaluation on fixed vectors, and for tests.
///
/// The file format is one text a line: the text (tabs and line breaks replaced by spaces), a tab,
/// then the vector's components separated by spaces. A text not in the table gets the zero
/// vector, which is similar to nothing.
public struct VectorTable: SentenceEmbedder {
  public let dimension: Int
  private var vectors: [String: [Float]]

  /// A table of the given vectors (normalised here); all must have one length.
  public init(_ vectors: [String: [Float]]) {
    self.dimension = vectors.first?.value.count ?? 0
    self.vectors = vectors.mapValues(Self.normalized)
  }

  /// Reads a table file.
  ///
  /// - Throws: `InputError` naming the file and line of the first malformed line.
  public init(contentsOf path: String) throws(InputError) {
    let document = try TextReader.read(path: path)
    var vectors: [String: [Float]] = [:]
    var dimension: Int?
    var lineNumber = 0
    for line in document.text(document.contentStart..<document.utf8.count).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      lineNumber += 1
      guard !line.isEmpty else { continue }
      let location = SourceLocation(file: path, line: lineNumber, column: 1)
      guard let tab = line.lastIndex(of: "\t") else {
        throw InputError.malformed(location, reason: "expected a text, a tab and a vector")
      }
      let components = line[line.index(after: tab)...].split(separator: " ").compactMap {
        Float($0)
      }
      guard !components.isEmpty, components.count == (dimension ?? components.count) else {
        throw InputError.malformed(location, reason: "the vector's length differs")
      }
      dimension = components.count
      vectors[String(line[..<tab])] = components
    }
    self.init(vectors)
  }

  /// The text's vector, or `nil` when the table does not have it.
  public func vector(for text: String) -> [Float]? { vectors[Self.key(text)] }

  public func embed(_ texts: [String], progress: ((Int, Int) -> Void)?) -> [[Float]] {
    let zero = [Float](repeating: 0, count: dimension)
    return texts.map { vectors[Self.key($0)] ?? zero }
  }

  /// How many of `texts` the table lacks.
  public func missing(_ texts: [String]) -> Int { texts.count { vectors[Self.key($0)] == nil } }

  /// The text as a table line holds it: tabs and line breaks become spaces.
  public static func key(_ text: String) -> String {
    String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }

  static func normalized(_ vector: [Float]) -> [Float] {
    let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    return norm > 0 ? vector.map { $0 / norm } : vector
  }
}

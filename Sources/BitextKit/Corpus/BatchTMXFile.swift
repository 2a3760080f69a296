import Foundation

/// One TMX 1.4b file of all aligned pairs of a batch, streamed to disk and put in place at the end.
///
/// The header declares `srclang="*all*"` since a corpus may mix source languages; each bead with
/// text on both sides becomes a `<tu>` (see `BatchPair.translationUnits`). Written through an
/// `OutputFile.Stream`: memory stays flat and the file appears whole or not at all.
public final class BatchTMXFile {
  private let stream: OutputFile.Stream
  private let writer: TMXWriter
  /// Translation units written so far.
  public private(set) var unitCount = 0

  /// Starts the file (in a temporary place) and writes the header.
  ///
  /// - Parameter creationDate: the header's `creationdate`.
  public init(path: String, inputs: [String] = [], creationDate: Date = Date()) throws(InputError) {
    stream = try OutputFile.Stream(path: path, inputs: inputs)
    writer = TMXWriter(
      sourceLanguage: Language(rawValue: "*all*"), segmentType: .sentence,
      creationDate: creationDate)
    try stream.write(writer.header())
  }

  /// Appends the translation units of one aligned pair.
  public func add(_ pair: BatchPair) throws(InputError) {
    for unit in pair.translationUnits {
      try stream.write(writer.unit(unit))
      unitCount += 1
    }
  }

  /// Writes the footer and renames the file into place.
  public func commit() throws(InputError) {
    try stream.write(writer.footer())
    try stream.commit()
  }

  /// Drops the file; the target stays as it was.
  public func discard() { stream.discard() }
}

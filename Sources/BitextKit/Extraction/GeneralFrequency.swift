import Foundation

/// How common words are in general German: the Zipf frequencies of PyPI `wordfreq`'s German list,
/// which termhood compares a text's frequencies with ("Jahr" 5.8, "Gegenoffensive" 2.4).
///
/// bitext reads a compact list derived once at setup time, not `wordfreq`'s own files (gzipped
/// MessagePack, which would need a decompressor and a MessagePack reader here): `scripts/setup.sh`
/// installs `wordfreq` (pinned) and runs `scripts/wordfreq_list.py`, which writes every German word
/// of the `large` list with a Zipf frequency of at least 1.5 as `word<TAB>zipf` lines (lower-case,
/// 335,000 words, 5.4 MB) to `GeneralFrequency.defaultPath`. Nothing is downloaded at run time.
/// `locate` looks at `$BITEXT_WORDFREQ`, then at the default path; without a list termhood falls
/// back on word length (see `Termhood`).
///
///     if let path = GeneralFrequency.locate() {
///       let list = try GeneralFrequency(contentsOf: path)
///     }
public struct GeneralFrequency: Sendable {
  /// The environment variable that names a list explicitly.
  public static let environmentVariable = "BITEXT_WORDFREQ"
  /// How to install the list.
  public static let installCommand =
    "scripts/setup.sh (pip install wordfreq, then scripts/wordfreq_list.py)"
  /// The Zipf frequency of a word missing from the list: rarer than anything in it.
  public static let unlisted = 1.0

  /// Lower-case word → Zipf frequency (log10 of occurrences per billion words).
  public private(set) var zipf: [String: Double]

  public init(zipf: [String: Double] = [:]) {
    self.zipf = zipf
  }

  /// Reads a `word<TAB>zipf` list; lines starting with `#` are comments.
  ///
  /// - Throws: `InputError` naming the file (and the line of a malformed entry).
  public init(contentsOf path: String) throws(InputError) {
    let document = try TextReader.read(path: path)
    var zipf: [String: Double] = [:]
    var lineNumber = 0
    for line in document.text(0..<document.utf8.count).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      lineNumber += 1
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t")
      guard fields.count == 2, let value = Double(fields[1]) else {
        throw .malformed(
          SourceLocation(file: path, line: lineNumber, column: 1),
          reason: "expected word<TAB>zipf frequency")
      }
      zipf[String(fields[0])] = value
    }
    self.zipf = zipf
  }

  /// The default place of the derived list: `$XDG_DATA_HOME/bitext/wordfreq-de.tsv`, by default
  /// `~/.local/share/bitext/wordfreq-de.tsv`.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
      return data + "/bitext/wordfreq-de.tsv"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/share/bitext/wordfreq-de.tsv"
  }

  /// The list to read: `$BITEXT_WORDFREQ` when set (even if missing, so that the error names it),
  /// else the default path when the file is there; nil when there is none.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    if let explicit = environment[environmentVariable], !explicit.isEmpty { return explicit }
    guard let path = defaultPath(environment: environment),
      FileManager.default.isReadableFile(atPath: path)
    else { return nil }
    return path
  }

  /// True when the list has no words (no list was found).
  public var isEmpty: Bool { zipf.isEmpty }

  /// The Zipf frequency of a word (any case).
  ///
  /// For a word of four letters or more that the list lacks, that of the commonest listed word it
  /// misspells by one missing letter (`misspelled`); else `unlisted`. A typo is not a rare word:
  /// "Östereichs" ranked as high as "Gegenoffensive".
  public func frequency(of word: String) -> Double {
    let folded = TextNormalizer.foldCase(word)
    return zipf[folded] ?? misspelled(folded) ?? Self.unlisted
  }

  /// The Zipf frequency of the commonest listed word that `folded` (four letters or more) is with
  /// one letter left out, when there is one: "östereichs" is "österreichs" misspelt.
  func misspelled(_ folded: String) -> Double? {
    let scalars = Array(folded.unicodeScalars)
    guard scalars.count >= 4 else { return nil }
    var best: Double?
    for position in 0...scalars.count {
      for letter in Self.letters {
        var candidate = String.UnicodeScalarView()
        candidate.append(contentsOf: scalars[..<position])
        candidate.append(letter)
        candidate.append(contentsOf: scalars[position...])
        if let value = zipf[String(candidate)], value > (best ?? -.infinity) { best = value }
      }
    }
    return best
  }

  private static let letters = Array("abcdefghijklmnopqrstuvwxyzäöüß".unicodeScalars)
}

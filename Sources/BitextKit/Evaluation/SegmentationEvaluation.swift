import Foundation

/// Boundary precision, recall and F1 of a sentence splitter on gold-segmented data.
///
/// The metric is the one of `shared/data/segmentation/README.md`: white space (Python's `\s`) is
/// deleted from each unit's text, and a boundary is the number of non-white-space characters
/// (Unicode scalars) before the first character of every sentence but the unit's first. Scores are
/// micro-averaged over a dataset. `inside` counts only boundaries inside units; `all` also counts the
/// breaks between units (`units - 1` boundaries that every splitter gets for free).
///
///     let dataset = try SegmentationEvaluation.loadUD(text: "de-gsd-dev.txt", gold: "de-gsd-dev.gold.txt")
///     let result = SegmentationEvaluation.evaluate(dataset, with: SentenceSplitter(language: .german))
///     // result.inside.f1
public enum SegmentationEvaluation {
  /// One unit of evaluation data: a text the splitter runs on, and its gold sentences.
  public struct Unit: Hashable, Sendable {
    public var text: String
    public var sentences: [String]

    public init(text: String, sentences: [String]) {
      self.text = text
      self.sentences = sentences
    }
  }

  /// A named list of units.
  public struct Dataset: Hashable, Sendable {
    public var name: String
    public var language: Language
    public var units: [Unit]
    /// Cases left out because their gold sentences differ from the text in non-white-space.
    public var skipped: Int

    public init(name: String, language: Language, units: [Unit], skipped: Int = 0) {
      self.name = name
      self.language = language
      self.units = units
      self.skipped = skipped
    }
  }

  /// True, false and missed boundaries, with the derived scores.
  public struct Score: Hashable, Sendable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init() {}

    public var precision: Double {
      let predicted = truePositives + falsePositives
      return predicted == 0 ? 1 : Double(truePositives) / Double(predicted)
    }
    public var recall: Double {
      let gold = truePositives + falseNegatives
      return gold == 0 ? 1 : Double(truePositives) / Double(gold)
    }
    public var f1: Double {
      let (p, r) = (precision, recall)
      return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
  }

  /// A boundary the splitter got wrong, for error analysis.
  public struct Error: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case missed, spurious }
    public var kind: Kind
    /// Index of the unit in its dataset.
    public var unit: Int
    /// The text around the boundary, with `|` marking it.
    public var context: String
  }

  /// The scores of one splitter on one dataset.
  public struct Result: Hashable, Sendable {
    public var dataset: String
    public var units: Int
    public var goldSentences: Int
    public var skipped: Int
    public var inside = Score()
    public var all = Score()
    public var errors: [Error] = []
  }

  // MARK: - Scoring

  /// Scores `splitter` on every unit of `dataset`.
  public static func evaluate(_ dataset: Dataset, with splitter: SentenceSplitter) -> Result {
    evaluate(dataset) { document in splitter.split(document).map(\.utf8Range) }
  }

  /// Scores ICU's sentence break iterator run on each unit's whole text as it is (line ends and all),
  /// the set-up of the data's README baselines.
  public static func evaluateRawICU(_ dataset: Dataset) -> Result {
    let iterator =
      BreakIterator(.sentence, locale: dataset.language.icuLocale) ?? BreakIterator(.sentence, locale: "")!
    return evaluate(dataset) { document in
      var ranges: [Range<Int>] = []
      var start = document.contentStart
      document.utf8[document.contentStart...].withUnsafeBufferPointer { text in
        iterator.forEachBoundary(in: text, reading: .utf8Text) { offset in
          let end = document.contentStart + offset
          let range = TextScanner.trimmed(start..<end, in: document.utf8)
          if !range.isEmpty { ranges.append(range) }
          start = end
        }
      }
      return ranges
    }
  }

  /// Scores a segmenter that returns sentence ranges (UTF-8 byte offsets into the document).
  public static func evaluate(_ dataset: Dataset, segment: (Document) -> [Range<Int>]) -> Result {
    var result = Result(
      dataset: dataset.name, units: dataset.units.count,
      goldSentences: dataset.units.reduce(0) { $0 + $1.sentences.count }, skipped: dataset.skipped)
    for (index, unit) in dataset.units.enumerated() {
      let gold = goldBoundaries(unit.sentences)
      let document = Document(text: unit.text)
      let predicted = predictedBoundaries(segment(document), in: document)
      let hits = gold.intersection(predicted).count
      result.inside.truePositives += hits
      result.inside.falsePositives += predicted.count - hits
      result.inside.falseNegatives += gold.count - hits
      for boundary in gold.subtracting(predicted).sorted() {
        result.errors.append(Error(kind: .missed, unit: index, context: context(unit.text, boundary)))
      }
      for boundary in predicted.subtracting(gold).sorted() {
        result.errors.append(Error(kind: .spurious, unit: index, context: context(unit.text, boundary)))
      }
    }
    result.all = result.inside
    result.all.truePositives += max(0, dataset.units.count - 1)
    return result
  }

  /// Python's `\s` on `str`: the characters `str.isspace()` accepts.
  public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      true
    default: false
    }
  }

  static func nonWhitespaceCount(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.count { !isWhitespace($0) }
  }

  static func goldBoundaries(_ sentences: [String]) -> Set<Int> {
    var boundaries = Set<Int>()
    var position = 0
    for sentence in sentences {
      let length = nonWhitespaceCount(sentence)
      if length == 0 { continue }
      if position > 0 { boundaries.insert(position) }
      position += length
    }
    return boundaries
  }

  static func predictedBoundaries(_ sentences: [Range<Int>], in document: Document) -> Set<Int> {
    var boundaries = Set<Int>()
    var offset = document.contentStart
    var position = 0
    for sentence in sentences {
      position += nonWhitespaceCount(document.text(offset..<sentence.lowerBound))
      offset = sentence.lowerBound
      if position > 0 { boundaries.insert(position) }
    }
    return boundaries
  }

  /// About 40 characters either side of the boundary (a count of non-white-space characters).
  static func context(_ text: String, _ boundary: Int) -> String {
    var seen = 0
    var index = text.unicodeScalars.startIndex
    while index < text.unicodeScalars.endIndex {
      let scalar = text.unicodeScalars[index]
      if !isWhitespace(scalar) {
        if seen == boundary { break }
        seen += 1
      }
      index = text.unicodeScalars.index(after: index)
    }
    let before = text.unicodeScalars[..<index].suffix(40)
    let after = text.unicodeScalars[index...].prefix(40)
    return (String(before) + "|" + String(after)).replacingOccurrences(of: "\n", with: "⏎")
  }

  // MARK: - Loading

  /// The four datasets of `directory` (`golden-rules/{de,en}.jsonl`, `ud/{de-gsd,en-ewt}-dev`).
  public static func loadAll(directory: String) throws(InputError) -> [Dataset] {
    let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }
    return [
      try loadGoldenRules(path("golden-rules/de.jsonl"), name: "golden-rules/de", language: .german),
      try loadGoldenRules(path("golden-rules/en.jsonl"), name: "golden-rules/en", language: .english),
      try loadUD(
        text: path("ud/de-gsd-dev.txt"), gold: path("ud/de-gsd-dev.gold.txt"), name: "ud/de-gsd-dev",
        language: .german),
      try loadUD(
        text: path("ud/en-ewt-dev.txt"), gold: path("ud/en-ewt-dev.gold.txt"), name: "ud/en-ewt-dev",
        language: .english),
    ]
  }

  private struct GoldenCase: Decodable {
    var text: String
    var sentences: [String]
  }

  /// Golden-rule cases, one JSON object a line with `text` and `sentences`; cases whose sentences
  /// differ from the text in non-white-space are counted in `skipped`.
  public static func loadGoldenRules(_ path: String, name: String, language: Language)
    throws(InputError) -> Dataset
  {
    let document = try TextReader.read(path: path)
    var units: [Unit] = []
    var skipped = 0
    var lineNumber = 0
    for line in document.text(document.contentStart..<document.utf8.count).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      lineNumber += 1
      if line.allSatisfy(\.isWhitespace) { continue }
      let golden: GoldenCase
      do {
        golden = try JSONDecoder().decode(GoldenCase.self, from: Data(line.utf8))
      } catch {
        throw .malformed(
          SourceLocation(file: path, line: lineNumber, column: 1),
          reason: "not a golden-rule case (want an object with text and sentences)")
      }
      if withoutWhitespace(golden.text) != withoutWhitespace(golden.sentences.joined()) {
        skipped += 1
        continue
      }
      units.append(Unit(text: golden.text, sentences: golden.sentences))
    }
    return Dataset(name: name, language: language, units: units, skipped: skipped)
  }

  /// A running text (paragraphs separated by blank lines) and its gold sentences, one a line; each
  /// paragraph is one unit.
  public static func loadUD(text: String, gold: String, name: String, language: Language)
    throws(InputError) -> Dataset
  {
    let document = try TextReader.read(path: text)
    let goldDocument = try TextReader.read(path: gold)
    var goldLines = SentenceSplitter.lines(of: goldDocument).map(\.text)[...]
    var units: [Unit] = []
    for paragraph in document.paragraphs {
      let paragraphText = document.text(paragraph.utf8Range)
      let length = nonWhitespaceCount(paragraphText)
      var sentences: [String] = []
      var covered = 0
      while covered < length, let line = goldLines.popFirst() {
        sentences.append(line)
        covered += nonWhitespaceCount(line)
      }
      guard covered == length else {
        throw .malformed(
          document.location(ofByte: paragraph.utf8Range.lowerBound),
          reason: "gold sentences in \(gold) do not match this paragraph")
      }
      units.append(Unit(text: paragraphText, sentences: sentences))
    }
    return Dataset(name: name, language: language, units: units)
  }

  private static func withoutWhitespace(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    result.append(contentsOf: text.unicodeScalars.lazy.filter { !isWhitespace($0) })
    return String(result)
  }
}

import ArgumentParser
import BitextKit
import Foundation

extension Bitext {
  struct EvalCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Precision and recall of bitext check on text pairs with planted findings.",
      discussion: """
        Each PATH is a German file NAME.de.txt, or a folder of them; beside each lie NAME.en.txt \
        and NAME.findings.gold.jsonl, one planted finding a line: {"kind", "source_sentence", \
        "term"} (added-target: "target_sentences"). A reported finding is correct when kind, \
        source sentence and term (for added-target: target sentences) equal a planted one; every \
        other reported finding counts as a false alarm, low-confidence ones included.

        Examples:
          bitext eval check
          bitext eval check Fixtures/corpus --glossary glossaries/news-politics.de-en.tbx
        """
    )

    @Argument(
      help: ArgumentHelp(
        "German files (NAME.de.txt) or folders of them (default: the repository's "
          + "Fixtures/ukraine-nato.de.txt and Fixtures/corpus)."))
    var paths: [String] = []

    @Option(
      help: ArgumentHelp(
        "The glossary: TSV, CSV, TBX or TMX (default: the repository's "
          + "glossaries/news-politics.de-en.tsv).", valueName: "file"))
    var glossary: String?

    @Flag(help: "Use no dictionary, not even the installed one.")
    var noDictionary = false

    /// What a planted and a reported finding are compared on.
    struct Key: Hashable, CustomStringConvertible {
      var kind: String
      var sourceSentence: Int?
      var term: String?
      var targetSentences: [Int]?

      init(kind: String, sourceSentence: Int?, term: String?, targetSentences: [Int]) {
        self.kind = kind
        self.sourceSentence = sourceSentence
        self.term = kind == "added-target" ? nil : term
        self.targetSentences = kind == "added-target" ? targetSentences : nil
      }

      var description: String {
        let place =
          sourceSentence.map { "sentence \($0)" }
          ?? "target sentences \(targetSentences?.map(String.init).joined(separator: ",") ?? "")"
        return "\(kind) [\(place)]" + (term.map { " \"\($0)\"" } ?? "")
      }
    }

    func run() throws {
      let glossary = try Glossary.read(
        path: self.glossary
          ?? Repository.defaultPath(
            "glossaries/news-politics.de-en.tsv", option: "--glossary FILE",
            what: "a German-English glossary (the repository's glossaries/ has one)"),
        warn: Diagnostics.warn)
      var rows = [
        "| pair | planted | reported | correct | missed | false alarms |",
        "|---|---|---|---|---|---|",
      ]
      var details: [String] = []
      var totals = (planted: 0, reported: 0, correct: 0)
      let files = try germanFiles()
      if files.isEmpty {
        throw ValidationError(
          "\(paths.joined(separator: ", ")): no NAME.de.txt files: nothing to evaluate")
      }
      for german in files {
        let base = String(german.dropLast(".de.txt".count))
        var arguments = [german, base + ".en.txt"]
        if noDictionary { arguments.append("--no-dictionary") }
        let input = try PairInputOptions.parse(arguments)
        let loaded = try input.load(glossary: glossary)
        let planted = try readGold(
          base + ".findings.gold.jsonl", sourceCount: loaded.alignment.source.count,
          targetCount: loaded.alignment.target.count)
        let checker = TranslationChecker(
          configuration: .init(
            glossary: glossary, lexicon: loaded.lexicon, sourceLanguage: loaded.sourceLanguage,
            targetLanguage: loaded.targetLanguage))
        let reported = checker.check(loaded.alignment, source: loaded.source, target: loaded.target)
          .map {
            Key(
              kind: $0.kind.rawValue, sourceSentence: $0.sourceSentences.first, term: $0.term,
              targetSentences: $0.targetSentences)
          }
        var unmatched = planted
        var correct = 0
        for key in reported {
          if let index = unmatched.firstIndex(of: key) {
            unmatched.remove(at: index)
            correct += 1
          } else {
            details.append("\(base): false alarm: \(key)")
          }
        }
        for key in unmatched { details.append("\(base): missed: \(key)") }
        rows.append(
          "| \(base) | \(planted.count) | \(reported.count) | \(correct) | \(unmatched.count) "
            + "| \(reported.count - correct) |")
        totals.planted += planted.count
        totals.reported += reported.count
        totals.correct += correct
      }
      if totals.planted == 0 {
        throw ValidationError("the gold files plant no findings: nothing to evaluate")
      }
      rows.append(
        "| total | \(totals.planted) | \(totals.reported) | \(totals.correct) "
          + "| \(totals.planted - totals.correct) | \(totals.reported - totals.correct) |")
      let precision = totals.reported == 0 ? 1 : Double(totals.correct) / Double(totals.reported)
      let recall = totals.planted == 0 ? 1 : Double(totals.correct) / Double(totals.planted)
      try Output.print(rows.joined(separator: "\n"))
      try Output.print(String(format: "\nprecision %.3f  recall %.3f", precision, recall))
      if !details.isEmpty { try Output.print("\n" + details.joined(separator: "\n")) }
    }

    /// The German files named by `paths`, folders expanded (sorted by name).
    private func germanFiles() throws -> [String] {
      var files: [String] = []
      let paths =
        self.paths.isEmpty
        ? ["Fixtures/ukraine-nato.de.txt", "Fixtures/corpus"].map {
          Repository.defaultPath(
            $0, option: "the German files or folders to score",
            what: "NAME.de.txt files with NAME.en.txt and NAME.findings.gold.jsonl beside them")
        } : self.paths
      for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
          throw InputError.notFound(path: path)
        }
        if isDirectory.boolValue {
          let names = try FileManager.default.contentsOfDirectory(atPath: path)
          files += names.filter { $0.hasSuffix(".de.txt") }.sorted().map {
            URL(fileURLWithPath: path).appendingPathComponent($0).relativePath
          }
        } else {
          guard path.hasSuffix(".de.txt") else {
            throw ValidationError("\(path): expected a NAME.de.txt file or a folder")
          }
          files.append(path)
        }
      }
      return files
    }

    /// The planted findings of a gold file, checked against the pair's sentence counts: a known
    /// kind, sentences that exist, no finding planted twice.
    private func readGold(_ path: String, sourceCount: Int, targetCount: Int) throws -> [Key] {
      let document = try TextReader.read(path: path)
      var keys: [Key] = []
      var lineNumber = 0
      for line in document.text(document.contentStart..<document.utf8.count).split(
        separator: "\n", omittingEmptySubsequences: false)
      {
        lineNumber += 1
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
        guard
          let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          let kind = object["kind"] as? String
        else {
          throw InputError.malformed(
            SourceLocation(file: path, line: lineNumber, column: 1), reason: "not a finding object")
        }
        let location = SourceLocation(file: path, line: lineNumber, column: 1)
        guard Finding.Kind(rawValue: kind) != nil else {
          throw InputError.malformed(location, reason: "unknown kind '\(kind)'")
        }
        let key = Key(
          kind: kind, sourceSentence: object["source_sentence"] as? Int,
          term: object["term"] as? String,
          targetSentences: object["target_sentences"] as? [Int] ?? [])
        if let sentence = key.sourceSentence, !(0..<sourceCount).contains(sentence) {
          throw InputError.malformed(
            location,
            reason: "source sentence \(sentence) does not exist (\(sourceCount) sentences)")
        }
        for sentence in key.targetSentences ?? [] where !(0..<targetCount).contains(sentence) {
          throw InputError.malformed(
            location,
            reason: "target sentence \(sentence) does not exist (\(targetCount) sentences)")
        }
        if keys.contains(key) {
          throw InputError.malformed(location, reason: "the same finding is planted twice")
        }
        keys.append(key)
      }
      return keys
    }
  }
}

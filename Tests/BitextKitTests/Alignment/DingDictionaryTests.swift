import BitextKit
import Foundation
import Testing

/// Stem keys as the lexicon stores them.
private func de(_ word: String) -> String {
  Stemmer(language: .german)!.stem(TextNormalizer().key(word))
}

private func en(_ word: String) -> String {
  Stemmer(language: .english)!.stem(TextNormalizer().key(word))
}

private func parse(_ text: String, name: String = "dict.txt") throws -> BilingualLexicon {
  try DingDictionary(parsing: Document(name: name, text: text)).germanToEnglish
}

@Suite struct DingDictionaryTests {
  // MARK: - Ding format

  @Test func pairsTheNthGermanSubEntryWithTheNthEnglishOne() throws {
    let lexicon = try parse("Hund {m} | Hundehütte {f} :: dog | kennel\n")
    #expect(lexicon.targets(of: de("Hund")) == [en("dog")])
    #expect(lexicon.targets(of: de("Hundehütte")) == [en("kennel")])
  }

  @Test func pairsEverySynonymOfOneSideWithEverySynonymOfTheOther() throws {
    let lexicon = try parse("Gegenangriff {m}; Konterattacke {f} :: counterattack; riposte\n")
    let expected: Set = [en("counterattack"), en("riposte")]
    #expect(lexicon.targets(of: de("Gegenangriff")) == expected)
    #expect(lexicon.targets(of: de("Konterattacke")) == expected)
  }

  @Test func dropsGrammarUsageCommentAndSpellingTags() throws {
    let lexicon = try parse(
      "Sprecher {m} (einer Gruppe) [pol.] <Sprecherinnen> :: spokesman [Br.] (of a group) {n}\n")
    #expect(lexicon.targets(of: de("Sprecher")) == [en("spokesman")])
    #expect(lexicon.count == 1)
    for tag in ["einer", "gruppe", "pol", "sprecherinnen", "m"] {
      #expect(lexicon.targets(of: de(tag)).isEmpty, "\(tag)")
    }
    #expect(!lexicon.translations.values.contains { $0.contains(en("group")) })
    #expect(!lexicon.translations.values.contains { $0.contains("br") })
  }

  @Test func separatorsInsideBracketsDoNotSplit() throws {
    // The `;` and `|` inside the comments must not cut the entry into more variants.
    let lexicon = try parse("Krieg {m} (gegen jdn.; mit etw. | so) :: war (with sb.; on sth.)\n")
    #expect(lexicon.translations == [de("Krieg"): [en("war")]])
  }

  @Test func nestedAndStrayBracketsAreHandled() throws {
    let lexicon = try parse(
      """
      Wort (mit (geschachtelter) Klammer) :: word
      Zeichen ) :: sign (<)
      Größer {adj} :: greater
      """)
    #expect(lexicon.targets(of: de("Wort")) == [en("word")])
    #expect(lexicon.targets(of: de("Klammer")).isEmpty)
    #expect(lexicon.targets(of: de("Zeichen")) == [en("sign")])
    #expect(lexicon.targets(of: de("Größer")) == [en("greater")])
  }

  @Test func skipsCommentLinesAndBlankLines() throws {
    let lexicon = try parse(
      """
      # Version :: devel 2023-01-30
        # Copyright :: nobody

      Haus {n} :: house
      """)
    #expect(lexicon.translations == [de("Haus"): [en("house")]])
  }

  @Test func skipsFunctionWordsAndPlaceholders() throws {
    let lexicon = try parse(
      "etw. aufgeben {vt} | jdn. im Stich lassen :: to give up sth. | to abandon sb.\n")
    #expect(lexicon.targets(of: de("aufgeben")) == [en("give")])
    #expect(lexicon.targets(of: de("Stich")) == [en("abandon")])
    #expect(lexicon.targets(of: de("lassen")) == [en("abandon")])
    for placeholder in ["etw", "jdn", "im"] { #expect(lexicon.targets(of: placeholder).isEmpty) }
    #expect(!lexicon.translations.values.contains { $0.contains("sth") || $0.contains("to") })
  }

  @Test func aSingleWordPairsWithEachContentWordOfAPhrase() throws {
    let lexicon = try parse(
      "Atomwaffenarsenal {n} :: nuclear arsenal\nGegenoffensive starten :: counteroffensive\n")
    #expect(lexicon.targets(of: de("Atomwaffenarsenal")) == [en("nuclear"), en("arsenal")])
    #expect(lexicon.targets(of: de("Gegenoffensive")) == [en("counteroffensive")])
    #expect(lexicon.targets(of: de("starten")) == [en("counteroffensive")])
  }

  @Test func phrasesDoNotPairWordByWord() throws {
    // "russisch" is not "almond", nor "Mandel" "Russian".
    let lexicon = try parse("Russische Mandel {f} [bot.] :: Russian almond\n")
    #expect(lexicon.isEmpty)
  }

  @Test func skipsExampleSentences() throws {
    // Four content words on a side: an example, not a translation of words.
    let lexicon = try parse(
      """
      Truppe {f} | Der Oberbefehlshaber zog alle seine Truppen zurück. :: troop | \
      The commander-in-chief withdrew all his troops.
      """)
    #expect(lexicon.targets(of: de("Truppe")) == [en("troop")])
    #expect(lexicon.targets(of: de("Oberbefehlshaber")).isEmpty)
    #expect(DingDictionary.maximumContentWords == 3)
  }

  @Test func hyphensAndSlashesSeparateWords() throws {
    let lexicon = try parse("Truppen {pl} :: troops/forces\nNATO-Kontingent :: contingent\n")
    #expect(lexicon.targets(of: de("Truppen")) == [en("troops"), en("forces")])
    #expect(lexicon.targets(of: de("NATO")) == [en("contingent")])
    #expect(lexicon.targets(of: de("Kontingent")) == [en("contingent")])
  }

  @Test func handlesCRLFLineEndsAndAByteOrderMark() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Haus :: house\r\nBaum :: tree\r\n".utf8)
    let document = try TextReader.decode(bytes, name: "bom.txt")
    let lexicon = try DingDictionary(parsing: document).germanToEnglish
    #expect(lexicon.translations == [de("Haus"): [en("house")], de("Baum"): [en("tree")]])
  }

  // MARK: - TSV

  @Test func readsTSV() throws {
    let lexicon = try parse("Kreml-Sprecher\tKremlin spokesman\tnote\nTruppe\ttroop\n")
    let expected: Set = [en("Kremlin"), en("spokesman")]
    #expect(lexicon.targets(of: de("Kreml")) == expected)
    #expect(lexicon.targets(of: de("Sprecher")) == expected)
    #expect(lexicon.targets(of: de("Truppen")) == [en("troops")])
  }

  // MARK: - Errors

  @Test(arguments: [
    ("Haus :: house\nkaputt\n", 2, "'German :: English'"),
    ("# dictionary\nHaus\thouse\nBaum\n", 3, "'German<TAB>English'"),
    ("\nHaus\thouse\n\t tree\n", 3, "'German<TAB>English'"),
    ("just words\n", 1, "or"),
  ])
  func malformedLinesAreReportedWithTheirLine(text: String, line: Int, expected: String) {
    #expect {
      try parse(text, name: "bad.dict")
    } throws: { error in
      guard case .malformed(let location, let reason) = error as? InputError else { return false }
      return location == SourceLocation(file: "bad.dict", line: line, column: 1)
        && reason.contains(expected)
    }
  }

  // MARK: - Languages and vocabulary

  @Test func servesBothDirectionsAndNoOtherPair() throws {
    let dictionary = try DingDictionary(
      parsing: Document(text: "Truppe | Truppen :: troop | troops\n"))
    let inverted = try #require(dictionary.lexicon(from: .english, to: .german))
    #expect(inverted.targets(of: en("troops")) == [de("Truppe")])
    #expect(dictionary.lexicon(from: .german, to: .english) == dictionary.germanToEnglish)
    #expect(dictionary.lexicon(from: .german, to: .french) == nil)
  }

  @Test func restrictsToTheVocabularyOfTwoTexts() throws {
    let dictionary = try DingDictionary(
      parsing: Document(text: "Truppe :: troop; force\nHaus :: house\nBaum :: tree\n"))
    let german = SentenceSplitter(language: .german).split(Document(text: "Die Truppen im Haus."))
    let english = SentenceSplitter(language: .english).split(Document(text: "The troops."))
    let vocabulary = DingDictionary.Vocabulary(german: german, english: english)
    let restricted = dictionary.restricted(to: vocabulary).germanToEnglish
    #expect(restricted.translations == [de("Truppen"): [en("troops")]])
  }
}

// MARK: - Cache

@Suite struct DingDictionaryCacheTests {
  /// A Ding file just over the cache threshold: a few entries, then comment lines (cheap to parse).
  private static func largeDictionary(extra: String = "") -> String {
    var text = "Wortform {f} | Wortformen {pl} :: word form | word forms\nHaus {n} :: house\n"
    let comment = "# " + String(repeating: "padding ", count: 100) + "\n"
    while text.utf8.count < DingDictionary.cacheThreshold + 1_000 { text += comment }
    return text + extra
  }

  private static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-ding-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func aFreshCacheGivesTheParsedDictionary() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("de-en").path
    try Self.largeDictionary(extra: "Truppe :: troop\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let cache = directory.appendingPathComponent("cache").path

    let parsed = try DingDictionary(contentsOf: path, cacheDirectory: nil)
    let first = try DingDictionary(contentsOf: path, cacheDirectory: cache)
    let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter {
      $0.hasSuffix(".tsv")
    }
    #expect(files.count == 1)
    // Overwrite the source file's entry in the cache to prove the second load reads the cache.
    let cacheFile = cache + "/" + files[0]
    let cached = try String(contentsOfFile: cacheFile, encoding: .utf8)
    #expect(cached.hasPrefix("bitext-ding-cache "))
    let second = try DingDictionary(contentsOf: path, cacheDirectory: cache)
    #expect(first == parsed)
    #expect(second == parsed)
    #expect(second.germanToEnglish.targets(of: de("Truppe")) == [en("troop")])

    let marked = cached.replacingOccurrences(of: "\n\(de("Truppe"))\t\(en("troop"))\n",
      with: "\n\(de("Truppe"))\tcached\n")
    #expect(marked != cached)
    try marked.write(toFile: cacheFile, atomically: true, encoding: .utf8)
    let fromCache = try DingDictionary(contentsOf: path, cacheDirectory: cache)
    #expect(fromCache.germanToEnglish.targets(of: de("Truppe")) == ["cached"])
  }

  @Test func aChangedDictionaryMakesTheCacheStale() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("de-en").path
    let cache = directory.appendingPathComponent("cache").path
    try Self.largeDictionary().write(toFile: path, atomically: true, encoding: .utf8)
    let before = try DingDictionary(contentsOf: path, cacheDirectory: cache)
    #expect(before.germanToEnglish.targets(of: de("Baum")).isEmpty)

    try Self.largeDictionary(extra: "Baum :: tree\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let after = try DingDictionary(contentsOf: path, cacheDirectory: cache)
    #expect(after.germanToEnglish.targets(of: de("Baum")) == [en("tree")])
    let files = try FileManager.default.contentsOfDirectory(atPath: cache)
    #expect(files.filter { $0.hasSuffix(".tsv") }.count == 1)
  }

  @Test func restrictedLoadsFromTheCacheMatchRestrictedParses() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("de-en").path
    let cache = directory.appendingPathComponent("cache").path
    try Self.largeDictionary(extra: "Truppe :: troop; force\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let vocabulary = DingDictionary.Vocabulary(
      german: [de("Truppe"), de("Wortformen")], english: [en("troop"), en("forms")])
    let cold = try DingDictionary(contentsOf: path, restrictedTo: vocabulary, cacheDirectory: cache)
    let warm = try DingDictionary(contentsOf: path, restrictedTo: vocabulary, cacheDirectory: cache)
    let full = try DingDictionary(contentsOf: path, cacheDirectory: nil)
    #expect(cold == full.restricted(to: vocabulary))
    #expect(warm == cold)
    #expect(warm.germanToEnglish.translations == [
      de("Truppe"): [en("troop")], de("Wortformen"): [en("forms")],
    ])
  }

  @Test func loadsRunningAtOnceAllGetTheDictionary() async throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("de-en").path
    let cache = directory.appendingPathComponent("cache").path
    try Self.largeDictionary(extra: "Truppe :: troop\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    let loads = (0..<3).map { _ in
      Task.detached { try DingDictionary(contentsOf: path, cacheDirectory: cache) }
    }
    // Each load opens its own lock: the first parses and writes the cache, the others wait for
    // it and read the cache.
    for load in loads {
      let dictionary = try await load.value
      #expect(dictionary.germanToEnglish.targets(of: de("Truppe")) == [en("troop")])
    }
  }

  @Test func anUnwritableCacheFallsBackToParsing() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("de-en").path
    try Self.largeDictionary(extra: "Truppe :: troop\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    // A regular file where the cache folder should be: nothing can be created under it.
    let blocker = directory.appendingPathComponent("blocker").path
    try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
    let dictionary = try DingDictionary(contentsOf: path, cacheDirectory: blocker + "/bitext")
    #expect(dictionary.germanToEnglish.targets(of: de("Truppe")) == [en("troop")])
  }

  @Test func smallFilesAreNotCached() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("small.tsv").path
    try "Haus\thouse\n".write(toFile: path, atomically: true, encoding: .utf8)
    let cache = directory.appendingPathComponent("cache").path
    let dictionary = try DingDictionary(contentsOf: path, cacheDirectory: cache)
    #expect(dictionary.germanToEnglish.translations == [de("Haus"): [en("house")]])
    #expect(!FileManager.default.fileExists(atPath: cache))
  }

  @Test func aLargeFileIsParsedWholeAndBadLinesKeepTheirNumbers() throws {
    let text = Self.largeDictionary(extra: "Truppe :: troop\n")
    let lexicon = try DingDictionary(parsing: Document(text: text)).germanToEnglish
    #expect(lexicon.targets(of: de("Haus")) == [en("house")])  // first line
    #expect(lexicon.targets(of: de("Truppe")) == [en("troop")])  // last line
    let lines = text.split(separator: "\n").count
    for bad in ["kaputt\n", "Haus\thouse\n"] {
      #expect {
        try DingDictionary(parsing: Document(name: "big", text: text + bad))
      } throws: { error in
        (error as? InputError).map {
          if case .malformed(let location, _) = $0 { return location.line == lines + 1 }
          return false
        } ?? false
      }
    }
  }

  @Test func aMissingFileIsAnInputError() {
    #expect(throws: InputError.notFound(path: "/nonexistent/de-en")) {
      try DingDictionary(contentsOf: "/nonexistent/de-en", cacheDirectory: nil)
    }
  }
}

// MARK: - Glossary

@Suite struct GlossaryLexiconTests {
  private static func write(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-glossary-\(UUID().uuidString).tsv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test(arguments: ["", "de\ten\n", "German\tEnglish\n", "source\ttarget\tnote\n"])
  func readsTSVWithOrWithoutAHeader(header: String) throws {
    let path = try Self.write(
      header + "# a comment\nKreml-Sprecher\tKremlin spokesman\n\nTruppe\ttroop\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let lexicon = try GlossaryLexicon.read(path: path, source: .german, target: .english)
    #expect(lexicon.translations == [
      de("Kreml"): [en("Kremlin"), en("spokesman")],
      de("Sprecher"): [en("Kremlin"), en("spokesman")],
      de("Truppe"): [en("troop")],
    ])
  }

  @Test func aLineWithoutTwoTermsIsMalformed() throws {
    let path = try Self.write("Truppe\ttroop\nKreml-Sprecher\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: InputError.malformed(
      SourceLocation(file: path, line: 2, column: 1),
      reason: "row has no en term (1 of 2 cells)")
    ) {
      try GlossaryLexicon.read(path: path, source: .german, target: .english)
    }
  }

  @Test func readsTheShippedGlossaryThroughTheGlossaryReader() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("glossaries/news-politics.de-en.tsv").path
    let lexicon = try GlossaryLexicon.read(path: path, source: .german, target: .english)
    #expect(lexicon.targets(of: de("Sprecher")).isSuperset(of: [en("spokesman"), en("speaker")]))
    #expect(lexicon.targets(of: de("Truppe")) == [en("troops"), en("forces")])
    // The status and note columns are not terms.
    #expect(!lexicon.targets(of: de("Truppe")).contains(en("plural")))
  }

  @Test func pairsEveryTermOfAnEntryFromTheModel() {
    let glossary = Glossary(entries: [
      GlossaryEntry(id: "kreml-sprecher", terms: [
        Term("Kreml-Sprecher", language: .german),
        Term("Kremlin spokesman", language: .english),
        Term("Kremlin speaker", language: .english, status: .deprecated),
      ])
    ])
    let lexicon = GlossaryLexicon.lexicon(from: glossary, source: .german, target: .english)
    #expect(lexicon.targets(of: de("Sprecher")) == [en("Kremlin"), en("spokesman"), en("speaker")])
  }
}

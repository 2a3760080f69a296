/// Processes the lines of a batch one at a time: parse, read, segment, align, check.
///
/// Owns the objects that are not thread-safe (sentence splitters with their ICU iterators, one per
/// language): a batch runs one worker per thread. The shared, read-only parts come from
/// `BatchResources`.
///
///     let worker = BatchWorker(resources: BatchResources())
///     let result = worker.process(line: Array(#"{"id": "x", …}"#.utf8), number: 1)
///     print(result.jsonLine)
public final class BatchWorker {
  public let resources: BatchResources
  private var splitters: [Language: SentenceSplitter] = [:]

  public init(resources: BatchResources) {
    self.resources = resources
  }

  /// The result of one input line; never throws: a bad line or pair becomes an error result.
  ///
  /// - Parameter number: the 1-based line number, for messages.
  public func process(line: [UInt8], number: Int) -> BatchResult {
    do throws(BatchError) {
      let record = try BatchRecord(line: line, number: number)
      return BatchResult(line: number, outcome: .aligned(try process(record)))
    } catch {
      return BatchResult(line: number, outcome: .failed(error))
    }
  }

  /// Aligns and checks one record.
  ///
  /// - Throws: `BatchError` with the record's id when a text or its glossary cannot be read.
  public func process(_ record: BatchRecord) throws(BatchError) -> BatchPair {
    var record = record
    if let glossary = record.glossary {
      do throws(InputError) {
        record.glossary = try resources.resolve(glossary)
      } catch {
        throw BatchError(id: record.id, message: "glossary: \(error.description)")
      }
    }
    let source = try read(record.source, side: "source", of: record)
    let target = try read(record.target, side: "target", of: record)
    let glossary = try resources.context(for: record)
    let sourceSentences = splitter(for: record.sourceLanguage).split(source)
    let targetSentences = splitter(for: record.targetLanguage).split(target)
    let dictionary = glossary.dictionaryLexicon(source: sourceSentences, target: targetSentences)
    let aligner = Aligner(
      configuration: Aligner.Configuration(
        sourceLanguage: record.sourceLanguage, targetLanguage: record.targetLanguage,
        lexicon: glossary.alignerLexicon(dictionary: dictionary)),
      embedder: resources.embedder)
    let alignment = aligner.align(sourceSentences, targetSentences)
    var pair = BatchPair(
      id: record.id, source: source, target: target, sourceLanguage: record.sourceLanguage,
      targetLanguage: record.targetLanguage,
      alignment: alignment,
      findings: check(
        alignment, source: source, target: target, glossary: glossary, lexicon: dictionary,
        languages: record))
    if let termhood = resources.extractionTermhood {
      let extractor = GlossaryExtractor(
        configuration: .init(
          lexicon: GlossaryExtractor.lexicon(for: alignment, from: glossary.dictionary),
          termhood: termhood, sourceLanguage: record.sourceLanguage,
          targetLanguage: record.targetLanguage))
      pair.extracted = extractor.extract(alignment, source: source, target: target)
    }
    return pair
  }

  /// The findings of an aligned pair: terminology (with the pair's glossary, if any), numbers,
  /// untranslated text, and what the alignment shows (`TranslationChecker`).
  private func check(
    _ alignment: Alignment, source: Document, target: Document, glossary: BatchGlossary?,
    lexicon: BilingualLexicon, languages record: BatchRecord
  ) -> [Finding] {
    var checker = TranslationChecker(
      configuration: TranslationChecker.Configuration(
        glossary: glossary?.glossary ?? Glossary(), lexicon: lexicon,
        sourceLanguage: record.sourceLanguage, targetLanguage: record.targetLanguage))
    checker.glossaryIndex = glossary?.index
    return checker.check(alignment, source: source, target: target)
  }

  private func read(_ text: BatchRecord.Text, side: String, of record: BatchRecord)
    throws(BatchError) -> Document
  {
    do throws(InputError) {
      switch text {
      case .path(let path):
        let resolved = try resources.resolve(path)
        resources.noteRead(resolved)
        var document = try TextReader.read(path: resolved)
        document.name = path
        return document
      case .inline(let text):
        return try TextReader.decode(Array(text.utf8), name: side + "_text")
      }
    } catch {
      throw BatchError(id: record.id, message: error.description)
    }
  }

  private func splitter(for language: Language) -> SentenceSplitter {
    if let splitter = splitters[language] { return splitter }
    let splitter = SentenceSplitter(language: language)
    splitters[language] = splitter
    return splitter
  }
}

/// One glossary over many document pairs (`bitext batch --extract-glossary`): the glossaries of the
/// pairs added one by one, terms grouped by base form with their counts summed.
///
///     var corpus = CorpusGlossary()
///     for pair in pairs { corpus.add(extractor.extract(pair.alignment, …)) }
///     let glossary = corpus.glossary(maximumTerms: 500)
///
/// A rendering's count is summed over the documents; its sentence numbers would mean nothing
/// across documents, so the corpus keeps the documents' numbers (from 1, in the order added)
/// instead. A term is inconsistent when a document renders it inconsistently, or when two
/// documents render it in disjoint ways. Termhood is computed again from the summed count and the
/// share of rendered occurrences (without the phrase unithood of single documents).
public struct CorpusGlossary: Sendable {
  public var termhood: Termhood
  private var terms: [String: ExtractedTerm] = [:]
  private var order: [String] = []
  /// Rendering keys (`TerminologyChecker.spellingKey`) of each term per document.
  private var renderingKeys: [String: [Set<String>]] = [:]
  public private(set) var documentCount = 0

  public init(termhood: Termhood = Termhood()) {
    self.termhood = termhood
  }

  /// Adds the glossary of one more document pair.
  public mutating func add(_ glossary: ExtractedGlossary) {
    documentCount += 1
    let document = documentCount
    for term in glossary.terms {
      let key = term.candidate.key
      let keys = Set(term.renderings.map { TerminologyChecker.spellingKey($0.name) })
      guard var known = terms[key] else {
        var first = term
        first.renderings = term.renderings.map {
          .init(name: $0.name, count: $0.count, sentences: [document])
        }
        first.unrenderedSentences = term.unrenderedSentences.isEmpty ? [] : [document]
        terms[key] = first
        order.append(key)
        renderingKeys[key] = keys.isEmpty ? [] : [keys]
        continue
      }
      known.count += term.count
      known.candidate.forms.merge(term.candidate.forms, uniquingKeysWith: +)
      known.misspellings = Array(Set(known.misspellings + term.misspellings)).sorted()
      known.candidate.sentences += term.candidate.sentences
      known.candidate.text = known.candidate.commonestForm
      for rendering in term.renderings {
        let spelling = TerminologyChecker.spellingKey(rendering.name)
        if let index = known.renderings.firstIndex(where: {
          TerminologyChecker.spellingKey($0.name) == spelling
        }) {
          known.renderings[index].count += rendering.count
          known.renderings[index].sentences.append(document)
        } else {
          known.renderings.append(
            .init(name: rendering.name, count: rendering.count, sentences: [document]))
        }
      }
      if !term.unrenderedSentences.isEmpty { known.unrenderedSentences.append(document) }
      let disjoint = renderingKeys[key, default: []].contains {
        !keys.isEmpty && $0.isDisjoint(with: keys)
      }
      known.isConsistent = known.isConsistent && term.isConsistent && !disjoint
      if !keys.isEmpty { renderingKeys[key, default: []].append(keys) }
      if known.knownEntry == nil { known.knownEntry = term.knownEntry }
      terms[key] = known
    }
  }

  /// The corpus's glossary, highest termhood first.
  ///
  /// - Parameters:
  ///   - minimumCount: terms seen fewer times in all documents are left out.
  ///   - maximumTerms: keep this many terms; nil keeps all.
  public func glossary(
    minimumCount: Int = 1, maximumTerms: Int? = nil, sourceLanguage: Language = .german,
    targetLanguage: Language = .english
  ) -> ExtractedGlossary {
    var result: [ExtractedTerm] = []
    for key in order {
      var term = terms[key]!
      guard term.count >= minimumCount else { continue }
      term.renderings.sort { $0.count > $1.count }
      let rendered = min(term.count, term.renderings.reduce(0) { $0 + $1.count })
      term.termhood = termhood.score(of: term.candidate, count: term.count, rendered: rendered)
      result.append(term)
    }
    return ExtractedGlossary(
      terms: ExtractedGlossary.ranked(result, keeping: maximumTerms),
      sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, isCorpus: true)
  }
}

import Foundation

/// A glossary's term pairs as word translations for the aligner: strong anchors.
///
/// Each source-language term of an entry is paired with each target-language term of the same
/// entry (deprecated renderings included: a translation that uses one is still a translation), and
/// a pair of terms yields the pairs of their content words' stem keys, as `DingDictionary` does.
///
///     let lexicon = try GlossaryLexicon.read(path: "terms.tsv", source: .german, target: .english)
public enum GlossaryLexicon {
  /// The word translations of `glossary` from `source` terms to `target` terms.
  public static func lexicon(from glossary: Glossary, source: Language, target: Language)
    -> BilingualLexicon
  {
    let sourceKeyer = DingDictionary.ContentWords(language: source)
    let targetKeyer = DingDictionary.ContentWords(language: target)
    var lexicon = BilingualLexicon()
    for entry in glossary.entries {
      let targetTerms = entry.terms(in: target).map { targetKeyer.contentStems($0.text[...]) }
      for sourceTerm in entry.terms(in: source) {
        let sourceStems = sourceKeyer.contentStems(sourceTerm.text[...])
        for targetStems in targetTerms {
          for sourceStem in sourceStems {
            for targetStem in targetStems { lexicon.add(source: sourceStem, target: targetStem) }
          }
        }
      }
    }
    return lexicon
  }

  /// Reads a glossary file and returns its word translations.
  ///
  /// The file is read as every command reads glossaries (`Glossary.read`): by extension, a file
  /// without a known one as TSV, with or without a header row (`de<TAB>en`, `German<TAB>English`,
  /// `source<TAB>target`).
  ///
  /// - Throws: `InputError` when the file cannot be read or parsed.
  public static func read(
    path: String, source: Language, target: Language, warn: (GlossaryWarning) -> Void = { _ in }
  ) throws(InputError) -> BilingualLexicon {
    let format = GlossaryFormat(path: path) ?? .tsv
    let glossary = try Glossary.read(
      path: path, format: format, languages: (source, target), warn: warn)
    return lexicon(from: glossary, source: source, target: target)
  }
}

/// Evidence from a bilingual lexicon (dictionary, glossary or learned): shared features.
///
/// A source word whose stem key the lexicon translates contributes the feature `L` + each
/// translation's stem; a target word contributes `L` + its own stem when some source word can
/// translate to it. So a source and a target sentence share an `L` feature exactly when the lexicon
/// links one of their words.
enum LexicalEvidence {
  /// The features of every sentence: anchors and lexicon features, sorted, without duplicates.
  static func features(
    source: [SentenceEvidence], target: [SentenceEvidence], lexicon: BilingualLexicon
  ) -> (source: [[UInt64]], target: [[UInt64]]) {
    var vocabulary: Set<String> = []
    if !lexicon.isEmpty {
      for targets in lexicon.translations.values { vocabulary.formUnion(targets) }
    }
    let sourceFeatures = Parallel.mapChunks(count: source.count, minimumChunk: 512) { range in
      range.map { index in
        var features = source[index].anchors
        if !lexicon.isEmpty {
          for stem in source[index].stems {
            for translation in lexicon.targets(of: stem) {
              features.append(FeatureHash.hash("L", translation))
            }
          }
        }
        return sortedUnique(features)
      }
    }.flatMap { $0 }
    let targetFeatures = Parallel.mapChunks(count: target.count, minimumChunk: 512) { range in
      range.map { index in
        var features = target[index].anchors
        for stem in target[index].stems where vocabulary.contains(stem) {
          features.append(FeatureHash.hash("L", stem))
        }
        return sortedUnique(features)
      }
    }.flatMap { $0 }
    return (sourceFeatures, targetFeatures)
  }

  static func sortedUnique(_ features: [UInt64]) -> [UInt64] {
    let sorted = features.sorted()
    var unique: [UInt64] = []
    unique.reserveCapacity(sorted.count)
    for feature in sorted where feature != unique.last { unique.append(feature) }
    return unique
  }
}

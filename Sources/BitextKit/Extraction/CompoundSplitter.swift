/// Renders a German compound the dictionary lacks through its parts: "Globalschätzung" is
/// "global" + "Schätzung", so its translations are those of "global" and "Schätzung" ("global
/// estimate"), and the rendering finder then joins the adjacent English words into one rendering.
///
/// A split is a modifier and a head of at least `GermanMorphology.minimumCompoundPart` letters
/// each, the modifier less a linking element ("Unternehmen-s-sektor", "Atomwaffe-n-arsenal"), and
/// both known to the dictionary; the modifier may itself be split once ("Atom" + "waffe" +
/// "arsenal"). The longest known head wins: German compounds are right-headed.
///
/// Not thread-safe (it owns a stemmer): one per task.
final class CompoundSplitter {
  private let stemmer: Stemmer?

  init(language: Language = .german) {
    stemmer = Stemmer(language: language)
  }

  func stem(_ key: some StringProtocol) -> String { stemmer?.stem(key) ?? String(key) }

  /// The stems of every part a compound (a comparison key) could be split into: what the
  /// dictionary must keep to split it.
  func partStems(of key: String) -> Set<String> {
    let scalars = Array(key.unicodeScalars)
    let minimum = GermanMorphology.minimumCompoundPart
    guard scalars.count >= 2 * minimum else { return [] }
    var stems: Set<String> = []
    for start in 0...(scalars.count - minimum) {
      for end in (start + minimum)...scalars.count where end - start < scalars.count {
        let part = String(String.UnicodeScalarView(scalars[start..<end]))
        stems.insert(stem(part))
        if end < scalars.count {
          for base in modifierBases(part) { stems.insert(stem(base)) }
        }
      }
    }
    return stems
  }

  /// The translations (target stems) of a compound (a comparison key) through its parts; empty
  /// when no split has both parts in `lexicon`.
  func translations(of key: String, lexicon: BilingualLexicon, depth: Int = 1) -> Set<String> {
    let scalars = Array(key.unicodeScalars)
    let minimum = GermanMorphology.minimumCompoundPart
    guard scalars.count >= 2 * minimum - 1 else { return [] }
    for split in (minimum - 1)...(scalars.count - minimum) {
      let head = String(String.UnicodeScalarView(scalars[split...]))
      let headTargets = lexicon.targets(of: stem(head))
      guard !headTargets.isEmpty else { continue }
      let modifier = String(String.UnicodeScalarView(scalars[..<split]))
      guard GermanMorphology.isPlausibleModifier(Substring(modifier)) else { continue }
      for base in [modifier] + modifierBases(modifier) {
        var modifierTargets = lexicon.targets(of: stem(base))
        if modifierTargets.isEmpty, depth > 0 {
          modifierTargets = translations(of: base, lexicon: lexicon, depth: depth - 1)
        }
        if !modifierTargets.isEmpty { return headTargets.union(modifierTargets) }
      }
    }
    return []
  }

  /// A modifier without each linking element it may end with ("staats" → "staat", "atomwaffen" →
  /// "atomwaffe", "atomwaff"), bases of at least three letters.
  private func modifierBases(_ modifier: String) -> [String] {
    GermanMorphology.linkingElements.dropFirst().compactMap { link in
      guard modifier.hasSuffix(link), modifier.count - link.count >= 3 else { return nil }
      return String(modifier.dropLast(link.count))
    }
  }
}

extension ExtractedGlossary {
  /// The terms as a JSON array, highest termhood first: `{"term", "key", "kind", "forms", "count",
  /// "termhood", "consistent", "renderings": [{"rendering", "count", "sentences"}],
  /// "unrendered_sentences", "misspellings", "known_entry", "example": {"source", "target",
  /// "source_sentences", "target_sentences"}}`; sentence numbers count from 0.
  public func json() -> String {
    let items = terms.map { term -> String in
      let renderings = term.renderings.map {
        JSON.object([
          "rendering": JSON.quote($0.name), "count": String($0.count),
          "sentences": JSON.array($0.sentences),
        ])
      }
      let forms = term.candidate.forms.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
      }.map { JSON.quote($0.key) }
      let example = term.example.map {
        JSON.object([
          "source": JSON.quote($0.sourceText), "target": JSON.quote($0.targetText),
          "source_sentences": JSON.array($0.sourceSentences),
          "target_sentences": JSON.array($0.targetSentences),
        ])
      }
      return JSON.object([
        "term": JSON.quote(term.text), "key": JSON.quote(term.candidate.key),
        "kind": JSON.quote(term.candidate.kind.rawValue), "forms": JSON.array(forms),
        "count": String(term.count), "termhood": Self.decimal(term.termhood),
        "consistent": String(term.isConsistent), "renderings": JSON.array(renderings),
        "unrendered_sentences": JSON.array(term.unrenderedSentences),
        "misspellings": JSON.array(term.misspellings.map(JSON.quote)),
        "known_entry": term.knownEntry.map { JSON.quote($0.id) } ?? "null",
        "example": example ?? "null",
      ])
    }
    return items.isEmpty ? "[]\n" : "[\n  " + items.joined(separator: ",\n  ") + "\n]\n"
  }
}

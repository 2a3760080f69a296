// MARK: - The units as an alignment

extension BilingualDocument {
  /// The units as two texts and a 1-1 alignment of them, the shape the per-pair checks
  /// (`TranslationChecker`) and the review page (`ReviewReport`) take.
  ///
  /// Sentence *i* of each side is unit *i*'s source or target text (inline codes as
  /// placeholders), the units' texts joined by line ends; a unit without target has an empty
  /// target sentence. Segments of one unit (the same `id`) form a paragraph. Bead *i* links the two sentences of unit *i*, with confidence 1: the file's
  /// tool paired them.
  ///
  /// - Returns: The texts (named after the file, "(source)" and "(target)") and the alignment;
  ///   sentence ranges are UTF-8 byte offsets into those texts.
  /// - Complexity: O(*n*) in the length of the units' texts.
  public func pairedText() -> (source: Document, target: Document, alignment: Alignment) {
    var paragraphs: [Int] = []
    paragraphs.reserveCapacity(units.count)
    for (index, unit) in units.enumerated() {
      let previous = paragraphs.last ?? -1
      paragraphs.append(index > 0 && units[index - 1].id == unit.id ? previous : previous + 1)
    }
    func side(_ texts: [String], _ suffix: String) -> (Document, [Sentence]) {
      var bytes: [UInt8] = []
      var sentences: [Sentence] = []
      sentences.reserveCapacity(texts.count)
      for (index, text) in texts.enumerated() {
        if index > 0 { bytes.append(0x0A) }
        let start = bytes.count
        bytes += text.utf8
        sentences.append(
          Sentence(
            index: index, paragraph: paragraphs[index], utf8Range: start..<bytes.count, text: text))
      }
      return (Document(name: "\(name) (\(suffix))", utf8: bytes), sentences)
    }
    let (source, sourceSentences) = side(units.map(\.source.text), "source")
    let (target, targetSentences) = side(units.map { $0.target?.text ?? "" }, "target")
    let beads = units.indices.map {
      AlignmentBead(source: $0..<$0 + 1, target: $0..<$0 + 1, confidence: 1)
    }
    return (
      source, target,
      Alignment(source: sourceSentences, target: targetSentences, beads: beads)
    )
  }
}

/// omitted-source, added-target and low-confidence: what the alignment itself shows.
///
/// A bead with no target sentences is an omission (one finding per bead), one with no source
/// sentences an addition; a bead with both sides whose confidence is below
/// `AlignmentBead.lowConfidence` asks for a look. Merges and splits (2-1, 1-2) are normal
/// translation and are not reported.
struct AlignmentCheck {
  let text: AlignedText
  let severities: [Finding.Kind: Finding.Severity]

  func findings() -> [Finding] {
    var findings: [Finding] = []
    for bead in text.alignment.beads {
      if bead.target.isEmpty && !bead.source.isEmpty {
        findings.append(
          Finding(
            kind: .omittedSource, severity: severities[.omittedSource]!,
            sourceSentences: Array(bead.source), targetSentences: [],
            sourceRange: text.sourceRange(of: bead.source),
            message: "source \(sentencesText(Array(bead.source))) not translated (omitted)"))
      } else if bead.source.isEmpty && !bead.target.isEmpty {
        findings.append(
          Finding(
            kind: .addedTarget, severity: severities[.addedTarget]!, sourceSentences: [],
            targetSentences: Array(bead.target), targetRange: text.targetRange(of: bead.target),
            message: "target \(sentencesText(Array(bead.target))) has no source (added)"))
      } else if bead.isLowConfidence {
        let confidence = (bead.confidence * 100).rounded() / 100
        findings.append(
          Finding(
            kind: .lowConfidence, severity: severities[.lowConfidence]!,
            sourceSentences: Array(bead.source), targetSentences: Array(bead.target),
            sourceRange: text.sourceRange(of: bead.source),
            targetRange: text.targetRange(of: bead.target),
            message:
              "uncertain alignment (\(bead.kind), confidence \(confidence)) of source "
              + "\(sentencesText(Array(bead.source))) with target "
              + sentencesText(Array(bead.target))
          ))
      }
    }
    return findings
  }
}

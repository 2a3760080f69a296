import Foundation
import Testing

/// Runs the built `bitext` binary on the fixtures, as a user would.
@Suite struct SegmentCLITests {
  @Test func segmentsTheSeedArticleIntoTwentySentences() throws {
    let result = try BitextProcess.run(["segment", Fixtures.path("ukraine-nato.de.txt"), "--lang", "de"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: true)
    #expect(lines.count == 20)
    #expect(lines.contains("UKRAINE-STRATEGIE?"))
    #expect(lines.contains("\"Nichts sollte ausgeschlossen werden."))
  }
}

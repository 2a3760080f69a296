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

  @Test(arguments: [
    ("ukraine-nato.de.txt", "de", nil, 20), ("ukraine-nato.de.txt", "de", "keep", 19),
    ("ukraine-nato.en.txt", "en", nil, 20), ("ukraine-nato.en.txt", "en", "keep", 19),
  ])
  func quotesChoosesTheQuotationPolicy(file: String, lang: String, quotes: String?, count: Int)
    throws
  {
    // The fixtures' Macron quotation is two sentences when split, one when kept.
    let result = try BitextProcess.run(
      ["segment", Fixtures.path(file), "--lang", lang] + (quotes.map { ["--quotes", $0] } ?? []))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == count)
  }

  @Test func langTakesALanguageCodeWithOrWithoutRegion() throws {
    let plain = try BitextProcess.run(
      ["segment", Fixtures.path("ukraine-nato.de.txt"), "--lang", "de"])
    let regional = try BitextProcess.run(
      ["segment", Fixtures.path("ukraine-nato.de.txt"), "--lang", "de-CH"])
    #expect(regional.status == 0, "\(regional.stderr)")
    #expect(regional.stdout == plain.stdout)
  }

  @Test(arguments: ["xx", "german", "d e", ""])
  func langRejectsWhatIsNoLanguageCode(code: String) throws {
    let result = try BitextProcess.run(
      ["segment", Fixtures.path("ukraine-nato.de.txt"), "--lang", code])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("--lang"))
  }

  @Test func quotesRejectsOtherValues() throws {
    let result = try BitextProcess.run(
      ["segment", Fixtures.path("ukraine-nato.en.txt"), "--quotes", "maybe"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--quotes"))
  }
}

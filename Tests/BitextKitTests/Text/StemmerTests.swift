import BitextKit
import Testing

@Suite struct StemmerTests {
  @Test(arguments: [
    ("kalten", "kalter"), ("krieges", "krieg"), ("truppen", "truppe"),
    ("atomwaffenarsenale", "atomwaffenarsenal"),
  ])
  func germanInflectionsShareAStem(left: String, right: String) throws {
    let stemmer = try #require(Stemmer(language: .german))
    #expect(stemmer.stem(left) == stemmer.stem(right))
  }

  @Test func englishPluralsShareAStem() throws {
    let stemmer = try #require(Stemmer(language: .english))
    #expect(stemmer.stem("arsenals") == stemmer.stem("arsenal"))
    #expect(Stemmer(language: "xx") == nil)
  }
}

import BitextKit
import Testing

@Suite struct NumberAnchorTests {
  @Test(arguments: [
    ("1.000", "1000"), ("1,000", "1000"), ("1'000", "1000"), ("1000", "1000"),
    ("3,5", "3.5"), ("3.5", "3.5"), ("3,50", "3.5"), ("8847,60", "8847.6"),
    ("1.000,5", "1000.5"), ("1,000.50", "1000.5"), ("007", "7"), ("8848.", "8848"),
  ])
  func writingsOfOneNumberMeet(text: String, expected: String) {
    #expect(NumberAnchor.normalize(text) == expected)
  }

  @Test func differentNumbersStayApart() {
    #expect(NumberAnchor.normalize("3,5") != NumberAnchor.normalize("35"))
    #expect(NumberAnchor.normalize("1.000") != NumberAnchor.normalize("1.0"))
  }

  @Test(arguments: ["", ".", "abc", "12a", ",5"])
  func nonNumbersAreRejected(text: String) {
    #expect(NumberAnchor.normalize(text) == nil)
  }
}

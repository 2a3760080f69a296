import BitextKit
import Testing

@Suite struct TextNormalizerTests {
  let normalizer = TextNormalizer()

  @Test(arguments: [
    ("Straße", "STRASSE"),
    ("„Zitat“", "\"zitat\""),
    ("»Zitat«", "\"ZITAT\""),
    ("Kreml–Sprecher", "Kreml-Sprecher"),
    ("Kreml‑Sprecher", "kreml-sprecher"),
    ("spokesman’s", "spokesman's"),
    ("Regierungs\u{AD}chef", "Regierungschef"),
    ("a\u{A0}b", "a b"),
    ("a\u{202F}b", "a b"),
    ("a\u{2009}b", "a b"),
    ("Null\u{200B}summe", "Nullsumme"),
    ("Cafe\u{301}", "café"),
  ])
  func keysCompareEqual(left: String, right: String) {
    #expect(normalizer.key(left) == normalizer.key(right))
  }

  @Test func umlautKeyIsOptional() {
    #expect(normalizer.key("München") != normalizer.key("Muenchen"))
    let folding = TextNormalizer(foldsUmlauts: true)
    #expect(folding.key("München") == folding.key("Muenchen"))
    #expect(folding.key("GRÖSSE") == folding.key("Groesse"))
  }

  @Test func nfcComposes() {
    #expect(TextNormalizer.nfc("Cafe\u{301}").unicodeScalars.count == 4)
  }
}

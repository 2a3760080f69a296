import ArgumentParser
import BitextKit

extension Bitext {
  struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Split a text into sentences.",
      discussion: """
        Paragraphs are separated by blank lines; a single line break inside a paragraph is soft.
        Quotations: sentences inside a quotation are sentences of their own, in every language \
        ("Nichts sollte ausgeschlossen werden. Wir werden alles tun", sagte Macron. is two \
        sentences); --quotes keep keeps a quotation in one sentence, as the English golden rules do.

        Examples:
          bitext segment Fixtures/ukraine-nato.de.txt --lang de
          bitext segment Fixtures/ukraine-nato.de.txt --format jsonl -o article.jsonl
          cat Fixtures/ukraine-nato.en.txt | bitext segment - --lang auto
          bitext segment Fixtures/ukraine-nato.en.txt --lang en --quotes keep
        """
    )

    @Argument(help: "The text file (UTF-8 or UTF-16 with BOM); - reads standard input.")
    var file: String

    @Option(help: "Language: de, en, another ISO 639 code, or auto (German/English detection).")
    var lang: LanguageOption = .auto

    @Option(help: SentenceSplitter.Quotations.help)
    var quotes: SentenceSplitter.Quotations?

    @Option(help: "Output: text (a sentence a line, a blank line between paragraphs) or jsonl.")
    var format: SegmentFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
      let out = Output(path: output, inputs: [file])
      try out.validate()
      let document = try TextReader.read(path: file)
      let language = try lang.resolve(for: document, option: "--lang")
      // Streamed: each paragraph's sentences are written as they are found, so memory stays near
      // the input's size and the first lines come at once (`| head` stops it).
      let stream = try out.stream()
      var failure: InputError?
      var previous: Int?
      SentenceSplitter(language: language, quotations: quotes).forEachSentence(in: document) {
        sentence in
        guard failure == nil else { return }
        do throws(InputError) {
          try stream.write(SentenceFormatter.render(sentence, after: previous, as: format))
        } catch {
          failure = error
        }
        previous = sentence.paragraph
      }
      if let failure {
        stream.discard()
        throw failure
      }
      try stream.commit()
    }
  }
}

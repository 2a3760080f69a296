import ArgumentParser
import BitextKit

extension GlossaryFormat: ExpressibleByArgument {}

extension Bitext {
  /// `bitext glossary`: converting and inspecting glossary files.
  struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "glossary",
      abstract: "Convert and inspect glossaries (TSV, CSV, TBX-Basic, TMX).",
      subcommands: [Convert.self, Stats.self, Extract.self]
    )
  }
}

extension Bitext.GlossaryCommand {
  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Convert a glossary between TSV, CSV, TBX-Basic and TMX.",
      discussion: """
        Formats come from the extensions (.tsv, .csv, .tbx, .tmx) unless --from or --to is given.
        The output is written atomically; writing over the input is refused.

        Examples:
          bitext glossary convert glossaries/news-politics.de-en.tsv news.tbx
          bitext glossary convert Fixtures/samples/terms.csv terms.tmx
          bitext glossary convert Fixtures/samples/export.xml terms.tsv --from tbx
        """
    )

    @Argument(help: "The glossary to read.")
    var input: String

    @Argument(help: "The file to write; - writes to standard output (then --to is required).")
    var output: String

    @Option(help: "Input format (default: from the extension).")
    var from: GlossaryFormat?

    @Option(help: "Output format (default: from the extension).")
    var to: GlossaryFormat?

    func validate() throws {
      if output == "-" && to == nil {
        throw ValidationError("give --to when writing to standard output")
      }
      if output != "-" && to == nil && GlossaryFormat(path: output) == nil {
        throw ValidationError("cannot tell the output format from '\(output)': give --to")
      }
    }

    func run() throws {
      let out = Output(path: output == "-" ? nil : output, inputs: [input])
      try out.validate()
      let glossary = try Glossary.read(path: input, format: from, warn: Diagnostics.warn)
      let format = to ?? GlossaryFormat(path: output)!
      try out.write(glossary.rendered(as: format))
    }
  }

  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read a glossary and print its entries and terms per language and status.",
      discussion: """
        Reading checks the file: a malformed one gives an error with its place and exit code 2.

        Example:
          bitext glossary stats glossaries/news-politics.de-en.tsv
        """
    )

    @Argument(help: "The glossary to read.")
    var input: String

    @Option(help: "Input format (default: from the extension).")
    var from: GlossaryFormat?

    func run() throws {
      let glossary = try Glossary.read(path: input, format: from, warn: Diagnostics.warn)
      try Output.print(GlossaryStatistics(glossary).report(name: input), terminator: "")
    }
  }
}

import ArgumentParser

extension Bitext {
  struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure bitext on evaluation data (the README's quality table).",
      subcommands: [EvalSegmentation.self, EvalAlignment.self, EvalCheck.self, EvalTerms.self]
    )
  }
}

import ArgumentParser

extension Bitext {
  struct EvalAlignment: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "alignment", abstract: "Not written yet.")
    func run() throws { throw ValidationError("not written yet") }
  }
}

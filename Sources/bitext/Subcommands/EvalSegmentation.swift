import ArgumentParser

extension Bitext {
  struct EvalSegmentation: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "segmentation", abstract: "Not written yet.")
    func run() throws { throw ValidationError("not written yet") }
  }
}

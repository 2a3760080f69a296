import Foundation
import Testing

/// Inputs that are streams (FIFOs, `<(command)`) are read; devices that are not text are refused.
@Suite struct StreamInputCLITests {
  static let de = Fixtures.path("ukraine-nato.de.txt")
  static let en = Fixtures.path("ukraine-nato.en.txt")

  /// Writes `file` into the FIFO at `fifo` on a thread of its own (open blocks until bitext reads).
  static func feed(_ fifo: String, from file: String) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      if let data = FileManager.default.contents(atPath: file),
        let handle = FileHandle(forWritingAtPath: fifo)
      {
        try? handle.write(contentsOf: data)
        try? handle.close()
      }
      done.signal()
    }
    thread.start()
    return done
  }

  @Test func twoFIFOsAreAlignedLikeTheFiles() throws {
    let folder = try TemporaryFolder()
    let source = try folder.fifo("source")
    let target = try folder.fifo("target")
    let fed = [Self.feed(source, from: Self.de), Self.feed(target, from: Self.en)]
    let streamed = try BitextProcess.run(["align", source, target, "--no-dictionary"])
    for done in fed { done.wait() }
    let plain = try BitextProcess.run(["align", Self.de, Self.en, "--no-dictionary"])
    #expect(streamed.status == 0, "\(streamed.stderr)")
    #expect(streamed.stdout == plain.stdout)
  }

  @Test func aFIFOGlossaryAndCorpusAreRead() throws {
    let folder = try TemporaryFolder()
    let glossary = try folder.fifo("terms.tsv")
    let fed = Self.feed(glossary, from: Fixtures.path("../glossaries/news-politics.de-en.tsv"))
    let stats = try BitextProcess.run(["glossary", "stats", glossary])
    fed.wait()
    #expect(stats.status == 0, "\(stats.stderr)")
    #expect(stats.stdout.contains("328 entries"))
  }

  @Test(arguments: [["segment", "DEVICE"], ["align", "DEVICE", en], ["batch", "DEVICE"]])
  func aDeviceIsRefusedWithATrueMessage(arguments: [String]) throws {
    let folder = try TemporaryFolder()
    let zero = try folder.device("zero", major: 1, minor: 5)
    let result = try BitextProcess.run(arguments.map { $0 == "DEVICE" ? zero : $0 })
    #expect(result.status == 2)
    #expect(result.stderr == "bitext: \(zero): cannot read: a character device, not a text file\n")
  }
}

import Foundation
import Testing

/// `bitext glossary convert` and `bitext glossary stats` run as a process.
@Suite struct GlossaryCommandTests {
  static let glossary = Fixtures.directory.deletingLastPathComponent()
    .appendingPathComponent("glossaries/news-politics.de-en.tsv").path

  func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("bitext-glossary-cli-\(UUID().uuidString)-\(name)").path
  }

  @Test func convertsTSVToTBXAndBack() throws {
    let tbx = temporaryPath("g.tbx")
    let tsv = temporaryPath("g.tsv")
    defer { for path in [tbx, tsv] { try? FileManager.default.removeItem(atPath: path) } }
    let toTBX = try BitextProcess.run(["glossary", "convert", Self.glossary, tbx])
    #expect(toTBX.status == 0, "\(toTBX.stderr)")
    let back = try BitextProcess.run(["glossary", "convert", tbx, tsv])
    #expect(back.status == 0, "\(back.stderr)")
    let stats = try BitextProcess.run(["glossary", "stats", tsv])
    let original = try BitextProcess.run(["glossary", "stats", Self.glossary])
    #expect(
      stats.stdout.split(separator: "\n").dropFirst()
        == original.stdout.split(separator: "\n").dropFirst())
  }

  @Test func writesToStandardOutputWithAnExplicitFormat() throws {
    let result = try BitextProcess.run(["glossary", "convert", Self.glossary, "-", "--to", "tmx"])
    #expect(result.status == 0)
    #expect(
      result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"))
    let missing = try BitextProcess.run(["glossary", "convert", Self.glossary, "-"])
    #expect(missing.status == 2)
  }

  @Test func refusesToOverwriteItsInput() throws {
    let result = try BitextProcess.run(["glossary", "convert", Self.glossary, Self.glossary])
    #expect(result.status == 2)
    #expect(result.stderr.contains("refusing to write the output over an input file"))
  }

  @Test func badInputExitsWithTwoAndNamesThePlace() throws {
    let path = temporaryPath("bad.csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data("de,en\n\"Truppe,troops\n".utf8).write(to: URL(fileURLWithPath: path))
    let result = try BitextProcess.run(["glossary", "convert", path, temporaryPath("out.tbx")])
    #expect(result.status == 2)
    #expect(result.stderr == "bitext: \(path):2:1: quoted CSV field is not closed\n")
  }

  /// CSV is RFC 4180: Python's csv module (a standard reader) takes the first row as the header
  /// and reads every entry back, also from a glossary with a name (the TBX's title).
  @Test func csvOutputIsReadByAStandardCSVReader() throws {
    let tbx = temporaryPath("g.tbx")
    let csv = temporaryPath("g.csv")
    defer { for path in [tbx, csv] { try? FileManager.default.removeItem(atPath: path) } }
    let toTBX = try BitextProcess.run(["glossary", "convert", Self.glossary, tbx])
    #expect(toTBX.status == 0, "\(toTBX.stderr)")
    let toCSV = try BitextProcess.run(["glossary", "convert", tbx, csv])
    #expect(toCSV.status == 0, "\(toCSV.stderr)")
    let script = """
      import csv, sys
      with open(sys.argv[1], newline="", encoding="utf-8") as f:
          rows = list(csv.DictReader(f, strict=True))
      print(",".join(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")).fieldnames[:3]))
      print(len(rows))
      print(rows[0]["de"])
      """
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", script, csv]
    let pipe = Pipe()
    python.standardOutput = pipe
    try python.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    python.waitUntilExit()
    #expect(python.terminationStatus == 0)
    let lines = output.split(separator: "\n")
    let stats = try BitextProcess.run(["glossary", "stats", Self.glossary])
    let entries = stats.stdout.split(separator: "\n").first { $0.contains("entries") }
    #expect(lines.first == "id,de,en", "\(output)")
    #expect(entries?.contains(" \(lines.count > 1 ? lines[1] : "?") ") == true, "\(output) \(stats.stdout)")
    #expect(lines.count == 3 && !lines[2].isEmpty)
  }
}

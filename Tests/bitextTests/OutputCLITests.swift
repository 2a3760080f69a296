import Foundation
import Testing

/// Where output goes when it cannot: a full device behind stdout, stderr or `-o`.
@Suite struct OutputCLITests {
  static let de = Fixtures.path("ukraine-nato.de.txt")
  static let en = Fixtures.path("ukraine-nato.en.txt")
  static let glossary = Fixtures.path("../glossaries/news-politics.de-en.tsv")

  /// Commands whose result goes to standard output.
  static let stdoutCommands: [[String]] = [
    ["segment", de],
    ["segment", de, "--format", "jsonl"],
    ["align", de, en, "--no-dictionary", "--format", "html"],
    ["check", de, en, "--glossary", glossary, "--no-dictionary", "--fail-on", "never"],
    ["terms", de, en, "--glossary", glossary, "--no-dictionary"],
    ["glossary", "convert", glossary, "-", "--to", "tbx"],
    ["glossary", "stats", glossary],
    ["--help"],
  ]

  @Test(arguments: stdoutCommands)
  func aFullStandardOutputIsExitTwoWithOneLine(arguments: [String]) throws {
    let folder = try TemporaryFolder()
    let result = try BitextProcess.run(arguments, stdoutPath: try folder.full())
    #expect(result.status == 2, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    #expect(lines.first?.contains("<stdout>: cannot write: No space left on device") == true)
  }

  @Test func aFullStandardErrorIsExitTwo() throws {
    let folder = try TemporaryFolder()
    let result = try BitextProcess.run(
      ["segment", folder.file("missing.txt")], stderrPath: try folder.full())
    #expect(result.status == 2)
  }

  @Test func batchToAFullStandardOutputIsExitTwo() throws {
    let folder = try TemporaryFolder()
    let line = #"{"id":"a","source_text":"Ein Satz.","target_text":"A sentence."}"# + "\n"
    let result = try BitextProcess.run(
      ["batch", "--no-dictionary"], stdin: Data(line.utf8), stdoutPath: try folder.full())
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }
}

/// `-o` onto what is not a regular file, over a file with its own mode and owner, and interrupted.
@Suite struct OutputFileCLITests {
  static let de = Fixtures.path("ukraine-nato.de.txt")

  static func fileType(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  @Test func aCharacterDeviceIsWrittenToNotReplaced() throws {
    let folder = try TemporaryFolder()
    let null = try folder.device("null", major: 1, minor: 3)
    let result = try BitextProcess.run(["segment", Self.de, "-o", null])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.fileType(null) == S_IFCHR)
    #expect(folder.names == ["null"])
  }

  @Test func aFullDeviceIsOneLineAndStaysADevice() throws {
    let folder = try TemporaryFolder()
    let full = try folder.full()
    let result = try BitextProcess.run(["segment", Self.de, "-o", full])
    #expect(result.status == 2)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("No space left on device"))
    #expect(Self.fileType(full) == S_IFCHR)
  }

  @Test func aFIFOReceivesTheOutputAndStaysAFIFO() throws {
    let folder = try TemporaryFolder()
    let fifo = try folder.fifo("pipe")
    // A thread, not a task: the reader blocks in open(2) until bitext opens the FIFO.
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var data = Data()
    let reader = Thread {
      let handle = FileHandle(forReadingAtPath: fifo)
      data = handle?.readDataToEndOfFile() ?? Data()
      try? handle?.close()
      done.signal()
    }
    reader.start()
    let result = try BitextProcess.run(["segment", Self.de, "--lang", "de", "-o", fifo])
    done.wait()
    let received = String(decoding: data, as: UTF8.self)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(received.split(separator: "\n").count == 20)
    #expect(Self.fileType(fifo) == S_IFIFO)
    #expect(folder.names == ["pipe"])
  }

  @Test func aBlockDeviceIsRefused() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("disk")
    // An experimental major number: no driver behind it, whatever happens.
    try #require(mknod(path, S_IFBLK | 0o600, makedev(240, 77)) == 0)
    let result = try BitextProcess.run(["segment", Self.de, "-o", path])
    #expect(result.status == 2)
    #expect(result.stderr == "bitext: \(path): cannot write: is a block device, not a file\n")
    #expect(Self.fileType(path) == S_IFBLK)
  }

  @Test func aSymbolicLinkStaysALinkToTheNewFile() throws {
    let folder = try TemporaryFolder()
    let target = try folder.write("real.txt", "old\n")
    let link = folder.file("link.txt")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let result = try BitextProcess.run(["segment", Self.de, "-o", link])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.fileType(link) == S_IFLNK)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("Der Krieg"))
  }

  @Test func anExistingFileKeepsItsModeAndOwner() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("out.txt", "old\n")
    try #require(chmod(path, 0o640) == 0)
    try #require(chown(path, 65534, 65534) == 0)
    let result = try BitextProcess.run(["segment", Self.de, "-o", path])
    #expect(result.status == 0, "\(result.stderr)")
    var info = stat()
    try #require(stat(path, &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o640)
    #expect(info.st_uid == 65534 && info.st_gid == 65534)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("Der Krieg"))
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSignalRemovesTheTemporaryFilesAndKeepsTheOldOutput(signal: Int32) throws {
    let folder = try TemporaryFolder()
    let output = try folder.write("out.jsonl", "old\n")
    let tmx = try folder.write("out.tmx", "old tmx\n")
    let process = Process()
    process.executableURL = BitextProcess.executable
    process.arguments = ["batch", "--no-dictionary", "-o", output, "--tmx", tmx]
    let stdin = Pipe()
    process.standardInput = stdin
    process.standardError = FileHandle(forWritingAtPath: "/dev/null")
    try process.run()
    // The batch waits for input with both temporary files open.
    let deadline = Date().addingTimeInterval(20)
    while folder.names.filter({ $0.hasSuffix(".tmp") }).count < 2 && Date() < deadline {
      usleep(20_000)
    }
    #expect(folder.names.filter { $0.hasSuffix(".tmp") }.count == 2)
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    try? stdin.fileHandleForWriting.close()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    #expect(folder.names == ["out.jsonl", "out.tmx"])
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "old\n")
    #expect(try String(contentsOfFile: tmx, encoding: .utf8) == "old tmx\n")
  }
}

/// `segment` writes as it goes: the first sentences come out long before a large text is done.
@Suite struct StreamedOutputCLITests {
  @Test func segmentStreamsItsOutput() throws {
    let folder = try TemporaryFolder()
    let article = try String(
      contentsOfFile: Fixtures.path("ukraine-nato.de.txt"), encoding: .utf8)
    let big = try folder.write("big.de.txt", String(repeating: article + "\n\n", count: 4_000))
    let process = Process()
    process.executableURL = BitextProcess.executable
    process.arguments = ["segment", big, "--lang", "de", "--format", "jsonl"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    defer {
      if process.isRunning { process.terminate() }
      process.waitUntilExit()
    }
    // Read until the first line end.
    var received = Data()
    while !received.contains(0x0A) {
      let chunk = pipe.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      received += chunk
    }
    // Written all at once at the end, the first line would come only when the process is done.
    #expect(process.isRunning, "no output before the end")
    #expect(String(decoding: received, as: UTF8.self).hasPrefix(#"{"index": 0,"#))
  }
}

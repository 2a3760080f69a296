import Foundation

/// Writes an output file whole or not at all: to a temporary file beside it, then renamed into place.
public enum OutputFile {
  /// Writes `bytes` to `path` atomically.
  ///
  /// - Parameter inputs: paths of the inputs; writing over one of them is refused.
  /// - Throws: `InputError.outputOverwritesInput` or `InputError.unwritable`; the target is unchanged.
  public static func write(_ bytes: some Collection<UInt8>, to path: String, inputs: [String] = [])
    throws(InputError)
  {
    try refuseOverwriting(inputs, with: path)
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw .unwritable(path: path, reason: "is a directory")
    }
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw .unwritable(path: path, reason: "no such directory") }
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try Data(bytes).write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .unwritable(path: path, reason: Self.reason(error))
    }
    if rename(temporary.path, url.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .unwritable(path: path, reason: reason)
    }
  }

  /// Writes `text` as UTF-8 to `path` atomically; see `write(_:to:inputs:)`.
  public static func write(_ text: String, to path: String, inputs: [String] = []) throws(InputError) {
    try write(Array(text.utf8), to: path, inputs: inputs)
  }

  /// Throws when `output` names the same file as one of `inputs` (same path or same inode).
  public static func refuseOverwriting(_ inputs: [String], with output: String) throws(InputError) {
    let outputPath = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
    var outputStat = stat()
    let outputExists = stat(output, &outputStat) == 0
    for input in inputs where input != "-" {
      let inputPath = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
      var inputStat = stat()
      let sameFile =
        outputExists && stat(input, &inputStat) == 0 && inputStat.st_dev == outputStat.st_dev
        && inputStat.st_ino == outputStat.st_ino
      if inputPath == outputPath || sameFile { throw .outputOverwritesInput(path: output) }
    }
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}

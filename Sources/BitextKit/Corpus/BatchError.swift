/// Why one line of a batch failed: it becomes that line's `{"id", "error"}` output.
public struct BatchError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The record's id when the line had a usable one, else nil (output as JSON `null`).
  public var id: BatchID?
  /// One line, lower case, no final period.
  public var message: String

  public init(id: BatchID?, message: String) {
    self.id = id
    self.message = message
  }

  public var description: String { message }
}

/// Something a glossary file does that is allowed but probably not meant: a repeated entry, or a
/// term given two statuses. Printed as `file:line:column: warning: message`.
public struct GlossaryWarning: Hashable, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  /// One line, lower case, no final period.
  public var message: String

  public init(_ location: SourceLocation, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): warning: \(message)" }
}

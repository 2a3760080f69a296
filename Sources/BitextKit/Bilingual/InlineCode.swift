/// An inline code of a bilingual file (XLIFF `<g>`, `<x/>`, `<bpt>`, `<ph>`, `<pc>`, `<sc>`…; TMX
/// `<bpt>`, `<ph>`…): markup that a CAT tool shows as a tag and a translation must keep.
///
/// Its place in the text is one `BilingualText.placeholder`; the code itself is never text, so it
/// is never part of a term match, and the inline-code check compares the codes of source and
/// target by role and id.
public struct InlineCode: Hashable, Sendable {
  /// Whether the code opens, closes or stands alone.
  public enum Role: String, Hashable, Sendable {
    /// `<g>`'s and `<pc>`'s start, `<bx/>`, `<bpt>`, `<sc/>`, `<it pos="open">`.
    case opening
    /// `<g>`'s and `<pc>`'s end, `<ex/>`, `<ept>`, `<ec/>`, `<it pos="close">`.
    case closing
    /// `<x/>`, `<ph>`, `<it>`, `<ut>`.
    case standalone
  }

  public var role: Role
  /// The code's id as the file gives it (`id`, `rid`, `startRef`); nil when it has none.
  public var id: String?
  /// The element it was read from, without namespace prefix ("g", "bpt", "pc").
  public var element: String

  public init(role: Role, id: String?, element: String) {
    self.role = role
    self.id = id
    self.element = element
  }

  /// How the code is shown in messages and reports: `{1}`, `{/1}` or `{1/}` (the id, or the
  /// element's name when there is none).
  public var label: String {
    let name = id ?? element
    switch role {
    case .opening: return "{\(name)}"
    case .closing: return "{/\(name)}"
    case .standalone: return "{\(name)/}"
    }
  }
}

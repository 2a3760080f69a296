/// How a glossary recommends a term: use it, accept it, or avoid it.
///
/// The four values are TBX-Basic's `administrativeStatus` picklist. `deprecated` is the status the
/// checks treat as forbidden; `superseded` marks an outdated term that should no longer be used.
public enum TermStatus: String, CaseIterable, Comparable, Hashable, Sendable {
  /// The term to use.
  case preferred
  /// An acceptable synonym of the preferred term.
  case admitted
  /// A term that must not be used (forbidden).
  case deprecated
  /// A term that has been replaced by another and should no longer be used.
  case superseded

  /// True for `preferred` and `admitted`: a rendering the glossary accepts.
  public var isAccepted: Bool { self == .preferred || self == .admitted }

  /// Orders statuses from most to least recommended: preferred, admitted, deprecated, superseded.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

  private var rank: Int {
    switch self {
    case .preferred: 0
    case .admitted: 1
    case .deprecated: 2
    case .superseded: 3
    }
  }
}

/// Where a letter is in its life (README "Commands").
public enum LetterState: UInt8, Sendable, CaseIterable, CustomStringConvertible {
  /// Being written; editable.
  case draft = 0
  /// Put away, with or without a send request.
  case held = 1
  /// Released; its text never changes again.
  case sent = 2

  /// "draft", "held", "sent".
  public var description: String {
    switch self {
    case .draft: "draft"
    case .held: "held"
    case .sent: "sent"
    }
  }

  /// Parses "draft", "held" or "sent".
  public init?(name: String) {
    guard let state = Self.allCases.first(where: { $0.description == name.lowercased() }) else {
      return nil
    }
    self = state
  }
}

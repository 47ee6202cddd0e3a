import Foundation

/// One line of `letters history`: a revision, a state change, or a note.
public struct HistoryEntry: Sendable, Equatable {
  package init(kind: Kind, date: Date, revision: Int, detail: String) {
    self.kind = kind
    self.date = date
    self.revision = revision
    self.detail = detail
  }

  /// What happened (FORMAT.md §6.1 event kinds; numbers are stored).
  public enum Kind: UInt8, Sendable, CustomStringConvertible {
    case created = 1
    case edited = 2
    case held = 3
    case backToDraft = 4
    case sendRequested = 5
    case sendCancelled = 6
    case sent = 7
    case noted = 8
    case deliveryFailed = 9
    case deliveryStarted = 10

    /// Plain words for the history listing.
    public var description: String {
      switch self {
      case .created: "written"
      case .edited: "edited"
      case .held: "held"
      case .backToDraft: "back to draft"
      case .sendRequested: "send requested"
      case .sendCancelled: "send request withdrawn"
      case .sent: "sent"
      case .noted: "note added"
      case .deliveryFailed: "delivery did not go through"
      case .deliveryStarted: "delivery started"
      }
    }
  }

  /// What happened.
  public let kind: Kind
  /// When.
  public let date: Date
  /// The text revision current after the event.
  public let revision: Int
  /// Extra words: how a letter was sent, a delivery error. Never letter text.
  public let detail: String
}

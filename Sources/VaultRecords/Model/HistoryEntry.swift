import Foundation

/// One line of `letters history`: a revision, a state change, or a note.
public struct HistoryEntry: Sendable, Equatable {
  package init(kind: Kind, date: Date, revision: Int, detail: String, sentElsewhere: SentElsewhere? = nil) {
    self.kind = kind
    self.date = date
    self.revision = revision
    self.detail = detail
    self.sentElsewhere = sentElsewhere
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
    /// A merge brought in "sent" while this vault held the letter. Never stored as an event:
    /// history shows it from META's sent-in-a-copy block (FORMAT.md §6.1).
    case sentElsewhere = 11

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
      case .sentElsewhere: "sent in another copy"
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
  /// For ``Kind/sentElsewhere``: where and when it was sent, and when it would have gone here.
  public let sentElsewhere: SentElsewhere?
}

import VaultRecords
import Foundation

/// How a letter left: delivered through the mail command, or sent or handed over by the
/// writer themself (stored as META `sentHow`, FORMAT.md §6.1).
public enum SendMethod: UInt8, Sendable, CustomStringConvertible {
  /// The writer sent it or handed it over; the vault only records that and when.
  case byHand = 1
  /// Delivered through the configured sendmail-compatible command.
  case delivered = 2
  /// Brought in as sent by `import` (old sent mail is history): never "delivered", since this
  /// vault did not deliver it (COOLING-OFF.md "Copies and imports").
  case imported = 3

  /// "by hand", "delivered", "imported".
  public var description: String {
    switch self {
    case .byHand: "by hand"
    case .delivered: "delivered"
    case .imported: "imported"
    }
  }
}

/// Where a letter stands on its way out.
public enum SendStatus: Sendable, Equatable {
  /// No send request: a draft, or held without one.
  case notRequested
  /// A send request whose time has not come.
  case waiting(until: Date, ReleaseWait)
  /// A send request whose time has come: it may go after a re-read and a confirmation.
  case ready
  /// Sent at this date.
  case sent(Date)
}

/// When a newly requested letter may go.
public struct ReleaseSchedule: Sendable, Equatable {
  /// The end of its cooling-off period.
  public let releaseAt: Date
  /// The first moment it may go: `releaseAt`, or the end of the quiet hours it falls in.
  public let earliest: Date
}

/// A held letter as `letters review` sees it.
public struct ReviewItem: Sendable, Equatable {
  /// The letter, without its text.
  public let summary: LetterSummary
  /// Where it stands on its way out.
  public let status: SendStatus
  /// True when it is ready to send or its look-again date has come.
  public let isDue: Bool
}

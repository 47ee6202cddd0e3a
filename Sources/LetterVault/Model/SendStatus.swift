import Foundation

/// How a letter left: delivered through the mail command, or sent or handed over by the
/// writer themself (stored as META `sentHow`, FORMAT.md §6.1).
public enum SendMethod: UInt8, Sendable, CustomStringConvertible {
  /// The writer sent it or handed it over; the vault only records that and when.
  case byHand = 1
  /// Delivered through the configured sendmail-compatible command.
  case delivered = 2

  /// "by hand", "delivered".
  public var description: String {
    switch self {
    case .byHand: "by hand"
    case .delivered: "delivered"
    }
  }
}

/// Why a letter cannot be released yet.
public enum ReleaseWait: Sendable, Equatable {
  /// Its cooling-off period is not over.
  case coolingOff
  /// It is inside the vault's quiet hours.
  case quietHours
  /// The clock disagrees with what the vault has seen (set back, or moved without a
  /// restart); the letter waits until the clocks agree again.
  case clock

  /// The start of a calm sentence that goes on with "until <time>".
  public var phrase: String {
    switch self {
    case .coolingOff: "This letter is cooling off"
    case .quietHours: "It is quiet hours now, so this letter waits"
    case .clock: "The clock does not agree with the time letters saw before, so this letter waits"
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

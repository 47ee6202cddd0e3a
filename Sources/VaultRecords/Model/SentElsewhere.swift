import Foundation

/// A letter this vault still held when a merge brought in that another copy had sent it
/// (COOLING-OFF.md "Copies and imports"). The merge takes it, since the other computer may
/// really have sent it, and `status` and `history` say so with these facts.
public struct SentElsewhere: Sendable, Equatable {
  package init(letterID: LetterID, sentAt: Date, arrivedAt: Date, wouldHaveGoneAt: Date?, copy: String) {
    self.letterID = letterID
    self.sentAt = sentAt
    self.arrivedAt = arrivedAt
    self.wouldHaveGoneAt = wouldHaveGoneAt
    self.copy = copy
  }

  /// How far a copy's "sent" time may be ahead of this computer's clock before it is called
  /// a time this computer had not reached (clocks of two computers differ a little).
  public static let clockSlack: TimeInterval = 5 * 60

  /// The letter.
  public let letterID: LetterID
  /// When the other copy says it was sent.
  public let sentAt: Date
  /// When the merge brought that in, by this computer's clock.
  public let arrivedAt: Date
  /// When this vault would have released it; nil when it had no send request here.
  public let wouldHaveGoneAt: Date?
  /// The copy it came from, as `merge` was given it.
  public let copy: String

  /// The "sent" time was still ahead of this computer's clock when it arrived.
  public var sentAheadOfThisClock: Bool {
    sentAt.timeIntervalSince(arrivedAt) > Self.clockSlack
  }
}

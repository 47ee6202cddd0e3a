import Foundation

/// Something the clock did that letters noticed (COOLING-OFF.md "The clock"), kept in a short log
/// inside the vault and shown by `letters status` — for reflection, not punishment.
public struct ClockAnomaly: Sendable, Equatable {
  /// What happened. The numbers are stored (FORMAT.md §18).
  public enum Kind: UInt8, Sendable, CaseIterable {
    /// The wall clock moved forward without a restart; the same amount was added to every
    /// open cooling-off and pending rule change, so it released nothing early.
    case movedForward = 1
    /// The wall clock was set back without a restart.
    case setBack = 2
    /// The wall clock is behind the last time seen, across a restart.
    case setBackAcrossRestart = 3
    /// A letter waited because the clock disagreed with what letters had seen before.
    case releaseWaited = 4
  }

  /// What happened.
  public let kind: Kind
  /// When it was noticed (by the wall clock of that moment).
  public let date: Date
  /// How far the clock moved, in seconds (how long the letter still had to wait, for
  /// ``Kind/releaseWaited``).
  public let amount: TimeInterval

  package init(_ stored: ClockEvidence.Anomaly) {
    kind = Kind(rawValue: stored.kind) ?? .releaseWaited
    date = Date(storedMilliseconds: stored.at)
    amount = TimeInterval(stored.amount) / 1000
  }
}

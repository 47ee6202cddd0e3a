import Foundation

/// The cooling-off policy as it stands, with any loosening still waiting (`letters rules`).
public struct CoolingRules: Sendable, Equatable {
  /// The default cooling-off period, in seconds.
  public let coolingOff: TimeInterval
  /// When nothing is released.
  public let quietHours: QuietHours
  /// The IANA time zone quiet hours are evaluated in, fixed when the vault was created.
  public let timeZone: String
  /// People written to, with their own periods.
  public let recipients: [RecipientRule]
  /// Loosenings waiting for their time, earliest first.
  public let pending: [PendingRule]
}

/// Someone the writer writes to.
public struct RecipientRule: Sendable, Equatable {
  /// Their name, as given to `write --to`.
  public let name: String
  /// Their address, "" when none.
  public let email: String
  /// Their own cooling-off period in seconds; nil means the vault's default.
  public let coolingOff: TimeInterval?
}

/// One rule change: what it sets.
public enum RuleSetting: Sendable, Equatable {
  /// A cooling-off period in seconds, for one recipient or (nil) the default.
  case coolingOff(TimeInterval, recipient: String?)
  /// Quiet hours.
  case quietHours(QuietHours)
}

/// A loosening that takes effect later (security.md §6.2 rule 2).
public struct PendingRule: Sendable, Equatable {
  /// What it will set.
  public let setting: RuleSetting
  /// When it was asked for.
  public let requested: Date
  /// When it takes effect (if the clock agrees by then).
  public let effective: Date
}

/// What `changeRules` is asked to do; nil fields are left alone.
public struct RuleChange: Sendable, Equatable {
  /// A new cooling-off period, in seconds (at least a minute, at most a year).
  public var coolingOff: TimeInterval?
  /// New quiet hours.
  public var quietHours: QuietHours?
  /// Whose period `coolingOff` sets; nil for the default.
  public var recipient: String?

  /// Creates a change.
  public init(
    coolingOff: TimeInterval? = nil, quietHours: QuietHours? = nil, recipient: String? = nil
  ) {
    self.coolingOff = coolingOff
    self.quietHours = quietHours
    self.recipient = recipient
  }
}

/// What came of a rule change.
public struct RuleChangeResult: Sendable, Equatable {
  /// Stricter (or equal) settings: in force now.
  public let appliedNow: [RuleSetting]
  /// Looser settings: waiting until their time.
  public let pending: [PendingRule]
}

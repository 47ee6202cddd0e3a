import VaultRecords
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
  /// Names they had before a rename; letters written to these follow this recipient's rules.
  public let formerNames: [String]
}

/// One rule change: what it sets.
public enum RuleSetting: Sendable, Equatable {
  /// A cooling-off period in seconds, for one recipient or (nil) the default.
  case coolingOff(TimeInterval, recipient: String?)
  /// Quiet hours.
  case quietHours(QuietHours)
  /// Removing this recipient: letters to them then have the default period.
  case recipientRemoval(String)
}

/// A loosening that takes effect later (COOLING-OFF.md "The rules").
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

/// What `editRecipient` is asked to change; nil fields are left alone.
public struct RecipientEdit: Sendable, Equatable {
  /// A new address; "" removes it.
  public var email: String?
  /// A new name. Letters already written keep the name they were written to and still follow
  /// this recipient's rules.
  public var name: String?
  /// A new period of their own, in seconds: a rule change like `changeRules`.
  public var coolingOff: TimeInterval?

  /// Creates an edit.
  public init(email: String? = nil, name: String? = nil, coolingOff: TimeInterval? = nil) {
    self.email = email
    self.name = name
    self.coolingOff = coolingOff
  }

  /// True when it changes nothing.
  public var isEmpty: Bool { email == nil && name == nil && coolingOff == nil }
}

/// What came of a rule change.
public struct RuleChangeResult: Sendable, Equatable {
  /// Stricter (or equal) settings: in force now.
  public let appliedNow: [RuleSetting]
  /// Looser settings: waiting until their time.
  public let pending: [PendingRule]
}

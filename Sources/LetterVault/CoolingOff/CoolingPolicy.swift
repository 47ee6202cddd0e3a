import VaultRecords
import Foundation

/// The rule logic of COOLING-OFF.md "The rules" over the stored settings: periods, quiet hours,
/// "tighten now, loosen later", and pending changes that wait for the clock like letters do.
extension VaultSettings {
  /// A loosening waits at least this long (ms), and at least the period it loosens.
  static let minimumLooseningDelay: Int64 = 24 * 3600 * 1000

  var quietHours: QuietHours {
    QuietHours(uncheckedStart: Int(policy.quietStartMinute), end: Int(policy.quietEndMinute))
  }

  /// The vault's zone; UTC if this system does not know it (documented in COOLING-OFF.md).
  var timeZone: TimeZone {
    TimeZone(identifier: policy.timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
  }

  /// The period in force for `recipient`, in ms.
  func periodMilliseconds(for recipient: String) -> Int64 {
    Int64(clamping: coolingOffSeconds(for: recipient)) * 1000
  }

  /// The release checks for `reading`, with this vault's quiet hours and clock evidence.
  func gate(at reading: ClockReading) -> ReleaseGate {
    ReleaseGate(
      reading: reading, maxWall: clock.maxWall, quietHours: quietHours, timeZone: timeZone)
  }

  // MARK: - Observing the clock

  /// Records `reading` (COOLING-OFF.md "The clock"): a forward jump within this boot is added to every
  /// pending rule change, then changes whose time has come are applied. Returns the jump
  /// (ms) so the caller can add it to open letter deadlines too.
  mutating func observe(_ reading: ClockReading) -> Int64 {
    let jump = ClockWatch.observe(&clock, reading)
    if jump > 0 {
      for index in pendingRules.indices {
        pendingRules[index].effectiveAt += jump
        pendingRules[index].requestedAt += jump
      }
    }
    let gate = ReleaseGate(
      reading: reading, maxWall: clock.maxWall, quietHours: .off, timeZone: timeZone)
    var waiting: [PendingRuleChange] = []
    for change in pendingRules.sorted(by: { $0.effectiveAt < $1.effectiveAt }) {
      let deadline = ReleaseGate.Deadline(
        at: change.effectiveAt, setAt: change.requestedAt, bootID: change.requestedBootID,
        boottime: change.requestedBoottime)
      if gate.decide(deadline) == .open { apply(change) } else { waiting.append(change) }
    }
    // A removal applied above leaves nothing for its recipient's other changes to apply to.
    pendingRules = waiting.filter { !isOrphaned($0) }
    return jump
  }

  // MARK: - Changing rules

  /// Asks for a new value: stricter or equal applies now, looser waits
  /// `max(current period, 24 h)`. An earlier pending change of the same thing is dropped.
  /// Returns the pending change, or nil when applied at once.
  mutating func request(
    _ scope: PendingRuleChange.Scope, recipient: String = "", value: UInt64,
    at reading: ClockReading
  ) -> PendingRuleChange? {
    let change = PendingRuleChange(
      scope: scope, recipient: recipient, value: value, requestedAt: reading.wall,
      requestedBootID: reading.boot.bootID, requestedBoottime: reading.boot.sinceBoot,
      effectiveAt: 0)
    pendingRules.removeAll { $0.sameTarget(as: change) }
    if isTightening(change) {
      apply(change)
      return nil
    }
    var pending = change
    pending.effectiveAt =
      reading.wall + Swift.max(Self.minimumLooseningDelay, looseningDelay(for: change))
    pendingRules.append(pending)
    return pending
  }

  func isTightening(_ change: PendingRuleChange) -> Bool {
    switch change.scope {
    case .defaultPeriod: change.value >= policy.coolingOffSeconds
    case .recipientPeriod: change.value >= coolingOffSeconds(for: change.recipient)
    // After the removal, letters to them have the default period.
    case .recipientRemoval: policy.coolingOffSeconds >= coolingOffSeconds(for: change.recipient)
    case .quietHours: QuietHours(packed: change.value).covers(quietHours)
    }
  }

  /// The period a loosening of `change`'s target must wait out (ms).
  func looseningDelay(for change: PendingRuleChange) -> Int64 {
    switch change.scope {
    case .defaultPeriod, .quietHours: Int64(clamping: policy.coolingOffSeconds) * 1000
    case .recipientPeriod, .recipientRemoval: periodMilliseconds(for: change.recipient)
    }
  }

  mutating func apply(_ change: PendingRuleChange) {
    switch change.scope {
    case .defaultPeriod:
      policy.coolingOffSeconds = change.value
    case .recipientPeriod:
      // A removal drops the recipient's other pending changes, so the index is found.
      if let index = recipientIndex(named: change.recipient) {
        recipients[index].coolingOffSeconds = change.value
      }
    case .recipientRemoval:
      removeRecipient(named: change.recipient)
    case .quietHours:
      let hours = QuietHours(packed: change.value)
      policy.quietStartMinute = UInt16(hours.startMinute)
      policy.quietEndMinute = UInt16(hours.endMinute)
    }
  }

  // MARK: - Public views

  var publicRules: CoolingRules {
    CoolingRules(
      coolingOff: TimeInterval(policy.coolingOffSeconds), quietHours: quietHours,
      timeZone: policy.timeZoneIdentifier,
      recipients: recipients.map {
        RecipientRule(
          name: $0.name, email: $0.email,
          coolingOff: $0.coolingOffSeconds == 0 ? nil : TimeInterval($0.coolingOffSeconds),
          formerNames: $0.formerNames)
      },
      pending: pendingRules.sorted { $0.effectiveAt < $1.effectiveAt }.map(\.publicRule))
  }
}

extension PendingRuleChange {
  var setting: RuleSetting {
    switch scope {
    case .defaultPeriod: .coolingOff(TimeInterval(value), recipient: nil)
    case .recipientPeriod: .coolingOff(TimeInterval(value), recipient: recipient)
    case .recipientRemoval: .recipientRemoval(recipient)
    case .quietHours: .quietHours(QuietHours(packed: value))
    }
  }

  var publicRule: PendingRule {
    PendingRule(
      setting: setting, requested: Date(storedMilliseconds: requestedAt),
      effective: Date(storedMilliseconds: effectiveAt))
  }
}

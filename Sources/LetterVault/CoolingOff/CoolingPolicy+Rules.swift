import VaultRecords
import Foundation

/// Changing the rules (COOLING-OFF.md "The rules"): stricter at once, looser only after
/// `max(current period, 24 h)`; waiting changes wait for the clock the way letters do.
extension CoolingPolicy {
  /// Records `reading` (COOLING-OFF.md "The clock"): a forward jump within this boot is added
  /// to every waiting change, then changes whose time has come are applied. Returns the jump
  /// (ms) so the caller can add it to open letter deadlines too.
  mutating func observe(_ reading: ClockReading) -> Int64 {
    let jump = ClockWatch.observe(&evidence, reading)
    if jump > 0 {
      for index in waiting.indices {
        waiting[index].effectiveAt += jump
        waiting[index].requestedAt += jump
      }
    }
    // Rule changes are not held back by quiet hours: only the clock and their time.
    let gate = gate(at: reading, quietHours: .off)
    var stillWaiting: [PendingRuleChange] = []
    for change in waiting.sorted(by: { $0.effectiveAt < $1.effectiveAt }) {
      let deadline = ReleaseGate.Deadline(
        at: change.effectiveAt, setAt: change.requestedAt, bootID: change.requestedBootID,
        boottime: change.requestedBoottime)
      if gate.decide(deadline) == .open { apply(change) } else { stillWaiting.append(change) }
    }
    // A removal applied above leaves nothing for its recipient's other changes to apply to.
    waiting = stillWaiting.filter { !isOrphaned($0) }
    return jump
  }

  /// Asks for a new value: stricter or equal applies now, looser waits
  /// `max(current period, 24 h)`. An earlier waiting change of the same thing is dropped.
  /// Returns the waiting change, or nil when applied at once.
  mutating func ask(
    _ scope: PendingRuleChange.Scope, recipient: String = "", value: UInt64,
    at reading: ClockReading
  ) -> PendingRuleChange? {
    // Stamped like a send request, so a clock set back and put right cannot hurry it.
    let stamp = stampTime(at: reading)
    let change = PendingRuleChange(
      scope: scope, recipient: recipient, value: value, requestedAt: stamp,
      requestedBootID: reading.boot.bootID, requestedBoottime: reading.boot.sinceBoot,
      effectiveAt: 0)
    waiting.removeAll { $0.sameTarget(as: change) }
    if isTightening(change) {
      apply(change)
      return nil
    }
    var pending = change
    pending.effectiveAt =
      stamp + Swift.max(Self.minimumLooseningDelay, looseningDelay(for: change))
    waiting.append(pending)
    return pending
  }

  func isTightening(_ change: PendingRuleChange) -> Bool {
    switch change.scope {
    case .defaultPeriod: change.value >= rules.coolingOffSeconds
    case .recipientPeriod: change.value >= coolingOffSeconds(for: change.recipient)
    // After the removal, letters to them have the default period.
    case .recipientRemoval: rules.coolingOffSeconds >= coolingOffSeconds(for: change.recipient)
    case .quietHours: QuietHours(packed: change.value).covers(quietHours)
    }
  }

  /// The period a loosening of `change`'s target must wait out (ms).
  func looseningDelay(for change: PendingRuleChange) -> Int64 {
    switch change.scope {
    case .defaultPeriod, .quietHours: Int64(clamping: rules.coolingOffSeconds) * 1000
    case .recipientPeriod, .recipientRemoval: period(for: change.recipient)
    }
  }

  mutating func apply(_ change: PendingRuleChange) {
    switch change.scope {
    case .defaultPeriod:
      rules.coolingOffSeconds = change.value
    case .recipientPeriod:
      // A removal drops the recipient's other waiting changes, so the index is found.
      if let index = recipientIndex(named: change.recipient) {
        recipients[index].coolingOffSeconds = change.value
      }
    case .recipientRemoval:
      removeRecipient(named: change.recipient)
    case .quietHours:
      let hours = QuietHours(packed: change.value)
      rules.quietStartMinute = UInt16(hours.startMinute)
      rules.quietEndMinute = UInt16(hours.endMinute)
    }
  }

  var publicRules: CoolingRules {
    CoolingRules(
      coolingOff: TimeInterval(rules.coolingOffSeconds), quietHours: quietHours,
      timeZone: rules.timeZoneIdentifier,
      recipients: recipients.map {
        RecipientRule(
          name: $0.name, email: $0.email,
          coolingOff: $0.coolingOffSeconds == 0 ? nil : TimeInterval($0.coolingOffSeconds),
          formerNames: $0.formerNames)
      },
      pending: waiting.sorted { $0.effectiveAt < $1.effectiveAt }.map(\.publicRule))
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

import VaultRecords
import Foundation

/// The cooling-off rules and recipients, kept inside the encrypted SETTINGS record
/// (COOLING-OFF.md "The rules"): no environment variable, flag or file can loosen them.
extension SendDesk {
  /// Periods accepted for any rule: a minute to a year.
  static let periodRange: ClosedRange<TimeInterval> = 60...(366 * 24 * 3600)

  func rules() throws(VaultError) -> CoolingRules {
    try records.read { tx in
      let manifest = try tx.loadManifest()
      return try ClockKeeper(context).settingsNow(in: tx, manifest: manifest).settings.cooling.publicRules
    }
  }

  func changeRules(_ change: RuleChange) throws(VaultError) -> RuleChangeResult {
    guard change.coolingOff != nil || change.quietHours != nil else {
      throw .invalidInput(.noRuleChange)
    }
    if change.recipient != nil, change.quietHours != nil {
      throw .invalidInput(.quietHoursPerRecipient)
    }
    if let period = change.coolingOff { try Self.checkPeriod(period) }
    return try mutate { tx, manifest in
      var settings = try tx.loadSettings(manifest: manifest)
      let reading = clockReading()
      var applied: [RuleSetting] = []
      var pending: [PendingRule] = []
      func record(_ wanted: RuleSetting, _ result: PendingRuleChange?) {
        if let result { pending.append(result.publicRule) } else { applied.append(wanted) }
      }
      if let period = change.coolingOff {
        if let name = change.recipient {
          guard let index = settings.recipientIndex(named: name) else {
            throw VaultError.recipientNotFound(name)
          }
          let stored = settings.recipients[index].name
          record(
            .coolingOff(period, recipient: stored),
            settings.cooling.ask(
              .recipientPeriod, recipient: stored, value: UInt64(period), at: reading))
        } else {
          record(
            .coolingOff(period, recipient: nil),
            settings.cooling.ask(.defaultPeriod, value: UInt64(period), at: reading))
        }
      }
      if let hours = change.quietHours {
        record(.quietHours(hours), settings.cooling.ask(.quietHours, value: hours.packed, at: reading))
      }
      try tx.saveSettings(settings, manifest: &manifest)
      return RuleChangeResult(appliedNow: applied, pending: pending)
    }
  }

  @discardableResult
  func cancelPendingRules() throws(VaultError) -> Int {
    try mutate { tx, manifest in
      var settings = try tx.loadSettings(manifest: manifest)
      let count = settings.pendingRules.count
      settings.pendingRules = []
      try tx.saveSettings(settings, manifest: &manifest)
      return count
    }
  }

  func addRecipient(name: String, email: String = "", coolingOff: TimeInterval? = nil)
    throws(VaultError) -> RuleChangeResult
  {
    let trimmed = try Self.checkedName(name)
    try Self.checkEmail(email)
    if let coolingOff { try Self.checkPeriod(coolingOff) }
    return try mutate { tx, manifest in
      var settings = try tx.loadSettings(manifest: manifest)
      if let index = settings.recipientIndex(forLetterTo: trimmed) {
        let holder = settings.recipients[index].name
        throw VaultError.notAllowed(.recipientExists(name: trimmed, holder: holder))
      }
      settings.recipients.append(.init(name: trimmed, email: email, coolingOffSeconds: 0))
      var result = RuleChangeResult(appliedNow: [], pending: [])
      if let coolingOff {
        let setting = RuleSetting.coolingOff(coolingOff, recipient: trimmed)
        if let pending = settings.cooling.ask(
          .recipientPeriod, recipient: trimmed, value: UInt64(coolingOff), at: clockReading())
        {
          result = RuleChangeResult(appliedNow: [], pending: [pending.publicRule])
        } else {
          result = RuleChangeResult(appliedNow: [setting], pending: [])
        }
      }
      try tx.saveSettings(settings, manifest: &manifest)
      return result
    }
  }

  /// A recipient's name, trimmed: 1 to 512 bytes on one line.
  static func checkedName(_ name: String) throws(VaultError) -> String {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, trimmed.utf8.count <= 512, !trimmed.contains(where: \.isNewline) else {
      throw .invalidInput(.recipientName)
    }
    return trimmed
  }

  static func checkPeriod(_ period: TimeInterval) throws(VaultError) {
    guard periodRange.contains(period), period.rounded() == period else {
      throw .invalidInput(.periodOutOfRange)
    }
  }

  /// An address is one line with one @ and no spaces: it ends up in a mail header.
  static func checkEmail(_ email: String) throws(VaultError) {
    guard !email.isEmpty else { return }
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, email.utf8.count <= 320,
      !email.contains(where: {
        $0.isWhitespace || $0.isNewline || $0 == "<" || $0 == ">" || $0 == ","
      })
    else { throw .invalidInput(.notAnEmailAddress(email)) }
  }
}

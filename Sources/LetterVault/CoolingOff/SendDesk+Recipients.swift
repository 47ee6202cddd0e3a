import VaultRecords
import Foundation

/// Correcting the people written to: a new address, a new name, their own period, or removing
/// them (docs/COOLING-OFF.md "Correcting a recipient"). A period change and a removal are rule
/// changes: stricter at once, looser only after a full period, through the same
/// `VaultSettings.request` as `changeRules` (COOLING-OFF.md "The rules").
extension SendDesk {
  func editRecipient(named name: String, _ edit: RecipientEdit)
    throws(VaultError) -> RuleChangeResult
  {
    guard !edit.isEmpty else {
      throw .invalidInput(.nothingToEdit)
    }
    let newName = try edit.name.map { (name) throws(VaultError) in try Self.checkedName(name) }
    if let email = edit.email { try Self.checkEmail(email) }
    if let period = edit.coolingOff { try Self.checkPeriod(period) }
    return try mutate { tx, manifest in
      var settings = try tx.loadSettings(manifest: manifest)
      let index = try Self.recipient(named: name, in: settings)
      let reading = clockReading()
      var result = RuleChangeResult(appliedNow: [], pending: [])
      if let email = edit.email { settings.recipients[index].email = email }
      if let newName {
        if let holder = settings.recipientIndex(forLetterTo: newName), holder != index {
          throw VaultError.recipientNameTaken(newName, holder: settings.recipients[holder].name)
        }
        if let pending = settings.cooling.renameRecipient(at: index, to: newName, at: reading) {
          result = RuleChangeResult(appliedNow: [], pending: [pending.publicRule])
        }
      }
      if let period = edit.coolingOff {
        // Asked after the rename, so it replaces a period the rename asked for again.
        let stored = settings.recipients[index].name
        result = Self.outcome(
          .coolingOff(period, recipient: stored),
          settings.cooling.ask(.recipientPeriod, recipient: stored, value: UInt64(period), at: reading))
      }
      try tx.saveSettings(settings, manifest: &manifest)
      return result
    }
  }

  func removeRecipient(named name: String) throws(VaultError) -> RuleChangeResult {
    try mutate { tx, manifest in
      var settings = try tx.loadSettings(manifest: manifest)
      let stored = settings.recipients[try Self.recipient(named: name, in: settings)].name
      let pending = settings.cooling.ask(.recipientRemoval, recipient: stored, value: 0, at: clockReading())
      try tx.saveSettings(settings, manifest: &manifest)
      return Self.outcome(.recipientRemoval(stored), pending)
    }
  }

  private static func recipient(named name: String, in settings: VaultSettings)
    throws(VaultError) -> Int
  {
    guard let index = settings.recipientIndex(named: name.trimmingCharacters(in: .whitespacesAndNewlines))
    else { throw .recipientNotFound(name.trimmingCharacters(in: .whitespacesAndNewlines)) }
    return index
  }

  private static func outcome(_ wanted: RuleSetting, _ pending: PendingRuleChange?) -> RuleChangeResult {
    pending.map { RuleChangeResult(appliedNow: [], pending: [$0.publicRule]) }
      ?? RuleChangeResult(appliedNow: [wanted], pending: [])
  }
}

import VaultRecords
/// Recipients as the brake sees them: by name, renamed and removed (COOLING-OFF.md
/// "Correcting a recipient"). Kept out of `Format/` so the parsers (and the fuzzers built from
/// them) need no clock or cooling-off types.
extension CoolingPolicy {
  /// The recipient whose current name is `name` (case-insensitively).
  func recipientIndex(named name: String) -> Int? {
    recipients.firstIndex { $0.name.lowercased() == name.lowercased() }
  }

  /// The recipient a letter written to `name` belongs to: by current name, else by a former
  /// one (the same lookup as `VaultSettings.recipientIndex(forLetterTo:)`).
  func recipientIndex(forLetterTo name: String) -> Int? {
    let key = name.lowercased()
    return recipientIndex(named: name)
      ?? recipients.firstIndex { $0.formerNames.contains { $0.lowercased() == key } }
  }

  /// Gives recipient `index` the name `newName`; the old one becomes a former name. Waiting
  /// changes follow the recipient. When their own period is shorter than the default, letters
  /// already written to `newName` had the default until now, so for them the rename is a
  /// loosening: the recipient goes back to the default at once and their period (or the
  /// change of it still waiting) is asked for again, to wait like any looser rule.
  mutating func renameRecipient(at index: Int, to newName: String, at reading: ClockReading)
    -> PendingRuleChange?
  {
    let old = recipients[index].name
    let key = newName.lowercased()
    guard old != newName else { return nil }
    let knownName =
      old.lowercased() == key || recipients[index].formerNames.contains { $0.lowercased() == key }
    recipients[index].formerNames.removeAll { $0.lowercased() == key }
    if old.lowercased() != key { recipients[index].formerNames.append(old) }
    recipients[index].name = newName
    for change in waiting.indices
    where waiting[change].scope.isPerRecipient
      && waiting[change].recipient.lowercased() == old.lowercased()
    {
      waiting[change].recipient = newName
    }
    let own = recipients[index].coolingOffSeconds
    guard !knownName, own > 0, own < rules.coolingOffSeconds else { return nil }
    let pending = waiting.first {
      $0.scope == .recipientPeriod && $0.recipient.lowercased() == key
    }
    recipients[index].coolingOffSeconds = 0
    return ask(.recipientPeriod, recipient: newName, value: pending?.value ?? own, at: reading)
  }

  /// Removes the recipient called `name`, their former names and every change of theirs
  /// still waiting (a removal, once in force, leaves nothing for them to apply to).
  mutating func removeRecipient(named name: String) {
    guard let index = recipientIndex(named: name) else { return }
    recipients.remove(at: index)
    waiting = waiting.filter { !isOrphaned($0) }
  }

  /// A change for a recipient who is no longer there.
  func isOrphaned(_ change: PendingRuleChange) -> Bool {
    change.scope.isPerRecipient && recipientIndex(named: change.recipient) == nil
  }
}

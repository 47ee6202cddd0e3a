import VaultRecords
/// The settings' brake, as the one value ``CoolingPolicy`` (SETTINGS sections 1, 2, 4, 5 and 13,
/// FORMAT.md §6.2 and §18).
extension VaultSettings {
  /// The parts of the settings the brake decides with, read and written as one value.
  var cooling: CoolingPolicy {
    get { CoolingPolicy(rules: policy, recipients: recipients, waiting: pendingRules, evidence: clock) }
    set {
      policy = newValue.rules
      recipients = newValue.recipients
      pendingRules = newValue.waiting
      clock = newValue.evidence
    }
  }
}

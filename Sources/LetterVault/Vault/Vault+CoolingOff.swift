import VaultRecords
import Foundation

/// The public calls of ``ClockKeeper``, ``SendDesk``, forwarded (ARCHITECTURE.md "Services (LetterVault)").
extension Vault {
  // MARK: - ClockKeeper


  /// What the clock has done that letters noticed, oldest first.
  public func clockAnomalies() throws(VaultError) -> [ClockAnomaly] {
    try clockKeeper.clockAnomalies()
  }

  // MARK: - SendDesk


  /// Starts the cooling-off: a draft or held letter becomes held with a send request, due at
  /// `max(now, last edit) + period` (the recipient's period, else the vault's).
  ///
  /// Throws ``VaultError/notAllowed(_:)`` for a sent letter or one already requested.
  @discardableResult
  public func requestSend(_ id: LetterID) throws(VaultError) -> ReleaseSchedule {
    try sendDesk.requestSend(id)
  }

  /// Withdraws a send request; the letter stays held.
  public func cancelSend(_ id: LetterID) throws(VaultError) {
    try sendDesk.cancelSend(id)
  }

  /// Held → draft, withdrawing any send request and look-again date. A draft stays a draft.
  public func backToDraft(_ id: LetterID) throws(VaultError) {
    try sendDesk.backToDraft(id)
  }

  /// Where the letter stands, without writing anything.
  public func sendStatus(_ id: LetterID) throws(VaultError) -> SendStatus {
    try sendDesk.sendStatus(id)
  }

  /// Where each of these letters stands, as one reading of the clock sees it: what `list`
  /// and `show` name instead of a stored release time that may already be past.
  public func sendStatuses(_ ids: [LetterID]) throws(VaultError) -> [LetterID: SendStatus] {
    try sendDesk.sendStatuses(ids)
  }

  /// Releases a letter whose time has come, if `fingerprint` is the current revision's
  /// (compared ignoring case, spaces and hyphens). Records it as sent, `how`, now.
  ///
  /// Throws ``VaultError/notYet(until:reason:)`` while cooling off, in quiet hours, or while
  /// the clock disagrees — and still records what it saw of the clock, so a refused attempt
  /// is not forgotten. Throws ``VaultError/fingerprintMismatch(_:)`` when the text is not
  /// the one confirmed; nothing changes then. A delivery step wraps this: deliver first,
  /// then record with `how: .delivered`.
  @discardableResult
  public func release(_ id: LetterID, confirming fingerprint: String, how: SendMethod)
    throws(VaultError) -> Date {
    try sendDesk.release(id, confirming: fingerprint, how: how)
  }

  /// Held letters with where each stands: those due first (ready to send, then those whose
  /// look-again date has come), then the ones still cooling off, then the rest, oldest first.
  /// Writes nothing; a damaged letter is left out (`verify` names it).
  public func reviewQueue() throws(VaultError) -> [ReviewItem] {
    try sendDesk.reviewQueue()
  }

  /// The rules in force now, with recipients and pending loosenings. Writes nothing.
  public func rules() throws(VaultError) -> CoolingRules {
    try sendDesk.rules()
  }

  /// Changes the default period, one recipient's period, or the quiet hours. Stricter or
  /// equal settings apply at once; looser ones wait `max(current period, 24 h)` and can be
  /// cancelled meanwhile (COOLING-OFF.md "The rules"). No change touches a letter's deadline.
  public func changeRules(_ change: RuleChange) throws(VaultError) -> RuleChangeResult {
    try sendDesk.changeRules(change)
  }

  /// Drops every pending loosening (a tightening, so it applies at once). Returns how many.
  @discardableResult
  public func cancelPendingRules() throws(VaultError) -> Int {
    try sendDesk.cancelPendingRules()
  }

  /// Adds someone to write to. A period longer than the default applies at once; a shorter
  /// one is a loosening and waits like any other.
  public func addRecipient(name: String, email: String = "", coolingOff: TimeInterval? = nil)
    throws(VaultError) -> RuleChangeResult {
    try sendDesk.addRecipient(name: name, email: email, coolingOff: coolingOff)
  }

  /// Changes what `edit` names for the recipient called `name` (case-insensitively). An
  /// address or a name changes at once; a period like `changeRules` would change it. Letters
  /// already written keep the name they were written to and still follow this recipient.
  /// Throws ``VaultError/recipientNotFound(_:)`` or, for a name another recipient has (now or
  /// before a rename), ``VaultError/recipientNameTaken(_:holder:)``; the vault is then unchanged.
  public func editRecipient(named name: String, _ edit: RecipientEdit)
    throws(VaultError) -> RuleChangeResult {
    try sendDesk.editRecipient(named: name, edit)
  }

  /// Removes the recipient called `name`. When their own period is longer than the default,
  /// letters to them would get a shorter one, so the removal waits that period like any
  /// looser rule (they stay, with their address, until then; `cancelPendingRules` keeps
  /// them); otherwise it applies at once. Letters written to them stay as they are.
  public func removeRecipient(named name: String) throws(VaultError) -> RuleChangeResult {
    try sendDesk.removeRecipient(named: name)
  }

  /// True when `typed` is the fingerprint `actual` (ignoring case, spaces and hyphens).
  public static func sameFingerprint(_ typed: String, _ actual: String) -> Bool {
    SendDesk.sameFingerprint(typed, actual)
  }

  /// What `letters send` does next for a letter: ask about an interrupted delivery, start the
  /// cooling-off, wait, release against `fingerprint`, or ask for a re-read (``SendStep``).
  /// Throws for a sent letter, for a fingerprint that is not the letter's current one, and
  /// for `retrying` (`--retry`) when no delivery was interrupted.
  public func nextSendStep(_ id: LetterID, confirming fingerprint: String?, retrying: Bool = false)
    throws(VaultError) -> SendStep
  {
    try sendDesk.nextSendStep(id, confirming: fingerprint, retrying: retrying)
  }
}

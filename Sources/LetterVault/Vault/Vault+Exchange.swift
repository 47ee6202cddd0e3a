import VaultRecords
import Foundation

/// The public calls of ``DeliveryDesk``, ``ExchangeDesk``, forwarded (ARCHITECTURE.md "Services (LetterVault)").
extension Vault {
  // MARK: - DeliveryDesk


  /// Delivers letter `id`, whose re-read was confirmed with `fingerprint`, to its recipient's
  /// address through the configured command. `environment` is the command's whole environment
  /// (the caller scrubs its private variables); the command is stopped after `timeout`.
  ///
  /// On success the letter is sent ("delivered"). If the command refuses, the letter stays
  /// held with the reason recorded (shown by `list` and `status`) and
  /// ``VaultError/deliveryFailed(letter:reason:)`` is thrown; a later call tries again. If the
  /// outcome cannot be known (timeout), the attempt stays open and
  /// ``VaultError/deliveryUnresolved(letter:startedAt:)`` is thrown.
  ///
  /// The cooling-off brake stands in front of the command exactly as it does in
  /// ``release(_:confirming:how:)``: while the letter cools off, in quiet hours or while the
  /// clock disagrees this throws ``VaultError/notYet(until:reason:)`` (and records what it saw
  /// of the clock); a fingerprint that is not the current text's throws
  /// ``VaultError/fingerprintMismatch(_:)``. In both cases nothing runs.
  @discardableResult
  public func deliver(
    _ id: LetterID, confirming fingerprint: String, environment: [String: String] = [:],
    timeout: TimeInterval = 120
  ) throws(VaultError) -> DeliveryReceipt {
    try deliveryDesk.deliver(id, confirming: fingerprint, environment: environment, timeout: timeout)
  }

  /// The delivery configuration, nil when none is set.
  public func deliveryConfiguration() throws(VaultError) -> DeliveryConfiguration? {
    try deliveryDesk.deliveryConfiguration()
  }

  /// Stores the delivery command and sender address inside the vault.
  public func setDelivery(_ configuration: DeliveryConfiguration) throws(VaultError) {
    try deliveryDesk.setDelivery(configuration)
  }

  /// When a delivery of `id` was started whose outcome was never recorded; nil when none.
  /// Throws ``VaultError/busy`` while another process is still running that delivery: its
  /// outcome is coming, and nobody should answer for it.
  public func unresolvedDelivery(_ id: LetterID) throws(VaultError) -> Date? {
    try deliveryDesk.unresolvedDelivery(id)
  }

  /// The address a release of `id` would be delivered to: the recipient's email when a mail
  /// command is set up; nil when the letter goes by hand (no address, or no recipient).
  /// Throws ``VaultError/notAllowed(_:)`` when the recipient has an address but no mail
  /// command is set up, so a letter meant for delivery is not recorded as sent by mistake.
  public func deliveryAddress(_ id: LetterID) throws(VaultError) -> String? {
    try deliveryDesk.deliveryAddress(id)
  }

  /// Records that an unresolved delivery went out (the letter becomes sent, "delivered") or
  /// did not (the letter stays held and can be delivered again).
  ///
  /// Throws ``VaultError/busy`` while a delivery of this vault is still running.
  public func resolveDelivery(_ id: LetterID, wentOut: Bool) throws(VaultError) {
    try deliveryDesk.resolveDelivery(id, wentOut: wentOut)
  }

  // MARK: - ExchangeDesk


  /// The letters named by `ids` (all letters when empty) that match `filter`, with their notes,
  /// oldest first.
  ///
  /// A damaged letter is not skipped silently: the export fails and names it, so a copy
  /// brought to a session is never missing a letter without anyone knowing.
  ///
  /// - Parameter progress: told how many letters have been read.
  public func exportBundle(
    ids: [LetterID] = [], filter: LetterFilter = LetterFilter(), progress: ProgressHandler? = nil
  ) throws(VaultError) -> LetterBundle {
    try exchangeDesk.exportBundle(ids: ids, filter: filter, progress: progress)
  }

  /// The letters an export of `ids` (all letters when empty) matching `filter` will write,
  /// oldest first, chosen without reading their texts; ``export(_:progress:_:)`` reads them.
  public func exportPlan(ids: [LetterID] = [], filter: LetterFilter = LetterFilter()) throws(VaultError)
    -> ExportPlan
  {
    try exchangeDesk.exportPlan(ids: ids, filter: filter)
  }

  /// Reads the letters of `plan` one at a time, oldest first, and hands each to `each` with
  /// its notes (``ExportStream`` renders it); `each` returns false to stop early. Only one
  /// letter's text is held at a time, so an export of any size fits in a few MiB.
  ///
  /// A damaged letter is not skipped silently: the letters after it are no longer handed
  /// over, and the export fails naming every damaged one.
  ///
  /// - Parameter progress: told how many letters have been read.
  public func export(
    _ plan: ExportPlan, progress: ProgressHandler? = nil, _ each: (ExportedLetter) throws(VaultError) -> Bool
  ) throws(VaultError) {
    try exchangeDesk.export(plan, progress: progress, each)
  }

  /// Reads the letters of `plan` oldest first and hands `write` their bytes as `stream`
  /// renders them, a run of letters at a time, read and rendered on two cores
  /// (docs/PERFORMANCE.md); `write` returns false to stop early. The bytes are those
  /// ``ExportStream/letter(_:)`` gives for each letter in turn; a few runs at most are held.
  ///
  /// A damaged letter is not skipped silently: no bytes from it or after it are handed over,
  /// and the export fails naming every damaged one.
  ///
  /// With `skippingDamaged` (`letters export --skip-damaged`), a damaged letter is left out
  /// and every readable one is handed over, so one damaged letter cannot keep the rest from
  /// being saved; the damage left out is returned.
  ///
  /// - Parameter progress: told how many letters have been read.
  @discardableResult
  public func export(
    _ plan: ExportPlan, rendering stream: ExportStream, skippingDamaged: Bool = false,
    progress: ProgressHandler? = nil, _ write: ([UInt8]) throws(VaultError) -> Bool
  ) throws(VaultError) -> [Damage] {
    try exchangeDesk.export(plan, rendering: stream, skippingDamaged: skippingDamaged, progress: progress, write)
  }

  /// Adds `letters`, skipping those already present; returns what was added.
  ///
  /// - Parameter progress: told how many letters are done while they are written.
  public func importLetters(_ letters: [ImportedLetter], progress: ProgressHandler? = nil)
    throws(VaultError) -> ImportSummary {
    try exchangeDesk.importLetters(letters, progress: progress)
  }
}

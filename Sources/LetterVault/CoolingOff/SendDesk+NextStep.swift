import Foundation
import VaultRecords

/// The decision behind `letters send ID [--confirm FINGERPRINT]`, in one place
/// (docs/ARCHITECTURE.md "One command, end to end"; COOLING-OFF.md "How it works").
extension SendDesk {
  /// What to do next for `id`. Throws for a letter already sent (never twice) and for a
  /// fingerprint that is not the letter's current one, whatever its state: a wrong
  /// fingerprint never starts a cooling-off nor waits for one. `retrying` (`--retry`) says an
  /// interrupted delivery did not arrive; it is refused when there is none.
  func nextSendStep(_ id: LetterID, confirming fingerprint: String?, retrying: Bool = false)
    throws(VaultError) -> SendStep
  {
    // One read for the delivery left open and the state: each opened the manifest and the
    // META on its own before (docs/PERFORMANCE.md, round 7).
    let (meta, status) = try records.read { tx in try sendStatus(id, in: tx) }
    if meta.deliveryStartedAt != 0 {
      try DeliveryDesk(context).refuseWhileDelivering()
      return .askWhetherItArrived(startedAt: Date(storedMilliseconds: meta.deliveryStartedAt))
    }
    if retrying { throw .notAllowed(.noInterruptedDelivery(id)) }
    let step: SendStep
    switch status {
    case .sent(let date): throw .notAllowed(.wasSent(id, on: date))
    case .notRequested: step = .startCoolingOff
    case .waiting(let until, let why): step = .wait(until: until, why, attemptWith: fingerprint)
    case .ready: step = fingerprint.map { .release(confirming: $0) } ?? .reRead
    }
    if let fingerprint,
      !Self.sameFingerprint(fingerprint, try LetterDesk(context).letter(id).fingerprint)
    {
      throw .fingerprintMismatch(id.short)
    }
    return step
  }
}

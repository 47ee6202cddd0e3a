import VaultRecords
import Foundation

/// Sending a released letter through the mail command: record the attempt, run the command,
/// record the outcome; three steps, two transactions (see ``Vault/deliveryConfiguration()``'s
/// extension for the never-twice rule).
struct DeliveryDesk: VaultService {
  let context: VaultContext

  @discardableResult
  func deliver(
    _ id: LetterID, confirming fingerprint: String, environment: [String: String] = [:],
    timeout: TimeInterval = 120
  ) throws(VaultError) -> DeliveryReceipt {
    // Held from before the attempt is recorded until its outcome is: while it is held, no
    // other process may take the open attempt for a dead one (FORMAT.md §19 "Delivery").
    let lock = try deliveryLockPath.map { path throws(VaultError) in
      try VaultError.translating(path: path) { try DeliveryLock.acquire(path) }
    }
    defer { withExtendedLifetime(lock) {} }
    let job = try startDelivery(id, confirming: fingerprint)
    let outcome = DeliveryCommand(command: job.command, environment: environment, timeout: timeout)
      .run(job.message)
    return try finishDelivery(id, address: job.address, outcome: outcome)
  }

  /// `<vault_id hex>.delivery` next to the device state file; nil when there is no home.
  var deliveryLockPath: String? {
    unlockState.stateDirectory.map { $0 + "/" + Hex.encode(vaultID) + ".delivery" }
  }

  /// Throws ``VaultError/busy`` while another delivery of this vault is running.
  func refuseWhileDelivering() throws(VaultError) {
    if let path = deliveryLockPath, DeliveryLock.isHeld(path) { throw .busy }
  }

  struct DeliveryJob {
    let command: String
    let address: String
    let message: [UInt8]
  }

  /// Transaction 1: every check of a release (FORMAT.md §18), then `delivery_started_at = now`.
  /// A wait is returned out of the transaction and thrown after it, so the clock log
  /// `authorizeRelease` writes on a wait is committed, as `release` does.
  func startDelivery(_ id: LetterID, confirming fingerprint: String) throws(VaultError) -> DeliveryJob {
    let step: DeliveryStep = try mutate { tx, manifest in
      let (current, _) = try tx.loadMeta(id, manifest: manifest)
      // Never twice (FORMAT.md §19 "Delivery"): an attempt without an outcome blocks every
      // later one until the writer answers.
      guard current.deliveryStartedAt == 0 || current.state == .sent else {
        throw VaultError.deliveryUnresolved(
          letter: id.short, startedAt: Date(storedMilliseconds: current.deliveryStartedAt))
      }
      let checked = try SendDesk(context).authorizeRelease(id, confirming: fingerprint, in: tx, manifest: &manifest)
      guard case .open(let meta, _, let body) = checked else { return .refused(checked) }
      let settings = try tx.loadSettings(manifest: manifest)
      guard let delivery = settings.delivery else {
        throw VaultError.notAllowed(.noMailCommand)
      }
      let recipient = settings.recipientIndex(forLetterTo: meta.recipient).map { settings.recipients[$0] }
      guard let address = recipient?.email, !address.isEmpty else {
        throw VaultError.notAllowed(.noEmailAddress(recipient: meta.recipient))
      }
      let now = clock.now()
      try tx.update(id, in: &manifest) { meta, _ in
        meta.deliveryStartedAt = now.storedMilliseconds
        // Replaced by the outcome; it stays only if letters stops while the command runs, and
        // then `list` and `status` show it.
        meta.deliveryError = "letters stopped while the mail command ran; it may have gone out"
        meta.updatedAt = now.storedMilliseconds
        meta.events.append(
          .init(at: now.storedMilliseconds, kind: .deliveryStarted, revision: meta.headRevision, detail: "to \(address)"))
      }
      let domain = delivery.from.split(separator: "@").last.map(String.init) ?? "letters.invalid"
      let message = MailMessage(
        from: MailAddress(name: "", address: delivery.from),
        to: MailAddress(name: meta.recipient, address: address), subject: meta.subject, date: now,
        // One id per revision: a mail system that sees the same message twice can tell.
        messageID: "\(id).\(meta.headRevision)@\(domain.isEmpty ? "letters.invalid" : domain)",
        body: String(decoding: body, as: UTF8.self))
      let zone = TimeZone(identifier: settings.policy.timeZoneIdentifier) ?? .current
      return .run(
        DeliveryJob(
          command: delivery.command, address: address,
          message: message.rendered(lineEnding: "\n", timeZone: zone)))
    }
    switch step {
    case .run(let job): return job
    case .refused(.wait(let until, let why)):
      throw .notYet(until: Date(storedMilliseconds: until), why: why)
    case .refused: throw .fingerprintMismatch(id.short)
    }
  }

  /// What the first transaction decided: run the command, or a refusal to throw after commit.
  enum DeliveryStep {
    case run(DeliveryJob)
    case refused(SendDesk.ReleaseOutcome)
  }

  /// Transaction 2: sent, or held with the reason; an unknown outcome stays open.
  func finishDelivery(_ id: LetterID, address: String, outcome: DeliveryCommand.Outcome)
    throws(VaultError) -> DeliveryReceipt
  {
    let now = clock.now().storedMilliseconds
    let startedAt: Int64 = try mutate { tx, manifest in
      try tx.update(id, in: &manifest) { meta, _ in
        let started = meta.deliveryStartedAt
        meta.updatedAt = now
        switch outcome {
        case .accepted:
          meta.state = .sent
          meta.sentAt = now
          meta.sentHow = 2
          meta.deliveryStartedAt = 0
          meta.deliveryError = ""
          meta.events.append(.init(at: now, kind: .sent, revision: meta.headRevision, detail: "delivered to \(address)"))
        case .refused(let reason):
          meta.deliveryStartedAt = 0
          meta.deliveryError = reason
          meta.events.append(.init(at: now, kind: .deliveryFailed, revision: meta.headRevision, detail: reason))
        case .unknown(let reason):
          meta.deliveryError = reason
        }
        return started
      }
    }
    switch outcome {
    case .accepted: return DeliveryReceipt(address: address, sentAt: Date(storedMilliseconds: now))
    case .refused(let reason): throw .deliveryFailed(letter: id.short, reason: reason)
    case .unknown:
      throw .deliveryUnresolved(letter: id.short, startedAt: Date(storedMilliseconds: startedAt))
    }
  }
}

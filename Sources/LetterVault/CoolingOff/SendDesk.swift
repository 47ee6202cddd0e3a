import VaultRecords
import Foundation

/// The cooling-off brake (COOLING-OFF.md "The rules"; COOLING-OFF.md): a send request
/// starts a cooling-off period; after it, outside quiet hours and with a clock that agrees,
/// the letter is released only against the fingerprint of the text that was re-read.
/// There is no way around it in this API: no force flag, no override.
struct SendDesk: VaultService {
  let context: VaultContext

  @discardableResult
  func requestSend(_ id: LetterID) throws(VaultError) -> ReleaseSchedule {
    try mutate { tx, manifest in
      try tx.update(id, in: &manifest) { meta, manifest in
        guard meta.state != .sent else { throw VaultError.notAllowed(.alreadySent(id)) }
        guard !meta.hasSendRequest else {
          throw VaultError.notAllowed(.alreadyRequested(id))
        }
        let cooling = try tx.loadSettings(manifest: manifest).cooling
        let reading = clockReading()
        if meta.state == .draft {
          meta.state = .held
          meta.heldAt = reading.wall
        }
        meta.startCoolingOff(at: reading, under: cooling)
        meta.updatedAt = reading.wall
        meta.events.append(
          .init(at: reading.wall, kind: .sendRequested, revision: meta.headRevision, detail: ""))
        let earliest = cooling.firstMomentOutsideQuietHours(from: meta.releaseAt, at: reading)
        return ReleaseSchedule(
          releaseAt: Date(storedMilliseconds: meta.releaseAt),
          earliest: Date(storedMilliseconds: earliest))
      }
    }
  }

  func cancelSend(_ id: LetterID) throws(VaultError) {
    try mutate { tx, manifest in
      try tx.update(id, in: &manifest) { meta, manifest in
        guard meta.state != .sent else { throw VaultError.notAllowed(.alreadySent(id)) }
        guard meta.hasSendRequest else {
          throw VaultError.notAllowed(.noRequestToWithdraw(id))
        }
        let now = clockReading().wall
        meta.clearSendRequest()
        meta.updatedAt = now
        meta.events.append(
          .init(at: now, kind: .sendCancelled, revision: meta.headRevision, detail: ""))
      }
    }
  }

  func backToDraft(_ id: LetterID) throws(VaultError) {
    try mutate { tx, manifest in
      try tx.update(id, in: &manifest) { meta, manifest in
        guard meta.state != .sent else { throw VaultError.notAllowed(.alreadySent(id)) }
        guard meta.state == .held else { return }
        let now = clockReading().wall
        meta.state = .draft
        meta.clearSendRequest()
        meta.reviewOn = 0
        meta.updatedAt = now
        meta.events.append(
          .init(at: now, kind: .backToDraft, revision: meta.headRevision, detail: ""))
      }
    }
  }

  func sendStatus(_ id: LetterID) throws(VaultError) -> SendStatus {
    try records.read { tx in try sendStatus(id, in: tx).status }
  }

  /// The letter's META as read in `tx` and its send status now.
  func sendStatus(_ id: LetterID, in tx: RecordTransaction) throws -> (meta: LetterMeta, status: SendStatus) {
    let manifest = try tx.loadManifest()
    var (meta, _) = try tx.loadMeta(id, manifest: manifest)
    let now = try ClockKeeper(context).settingsNow(in: tx, manifest: manifest)
    if now.jump > 0, meta.hasSendRequest { meta.moveDeadline(by: now.jump) }
    return (meta, sendStatus(meta, settings: now.settings, reading: now.reading))
  }

  /// ``sendStatus(_:)`` for several letters in one read, with one reading of the clock.
  func sendStatuses(_ ids: [LetterID]) throws(VaultError) -> [LetterID: SendStatus] {
    guard !ids.isEmpty else { return [:] }
    return try records.read { tx in
      let manifest = try tx.loadManifest()
      let now = try ClockKeeper(context).settingsNow(in: tx, manifest: manifest)
      var statuses: [LetterID: SendStatus] = [:]
      for id in ids {
        var (meta, _) = try tx.loadMeta(id, manifest: manifest)
        if now.jump > 0, meta.hasSendRequest { meta.moveDeadline(by: now.jump) }
        statuses[id] = sendStatus(meta, settings: now.settings, reading: now.reading)
      }
      return statuses
    }
  }

  @discardableResult
  func release(_ id: LetterID, confirming fingerprint: String, how: SendMethod)
    throws(VaultError) -> Date
  {
    let outcome = try mutate { tx, manifest in
      let checked = try authorizeRelease(
        id, confirming: fingerprint, in: tx, manifest: &manifest)
      guard case .open(_, let version, let body) = checked else { return checked }
      let now = clockReading().wall
      // A letter released here was not imported: "imported" is only ever set by `import`.
      let how = how == .imported ? SendMethod.byHand : how
      let sent = try tx.update(id, in: &manifest) { meta, _ in
        meta.state = .sent
        meta.sentAt = now
        meta.sentHow = how.rawValue
        meta.updatedAt = now
        meta.events.append(
          .init(at: now, kind: .sent, revision: meta.headRevision, detail: how.description))
        return meta
      }
      return .open(sent, version: version + 1, body: body)
    }
    switch outcome {
    case .open(let meta, _, _): return Date(storedMilliseconds: meta.sentAt)
    case .wait(let until, let why):
      throw VaultError.notYet(until: Date(storedMilliseconds: until), why: why)
    case .mismatch: throw VaultError.fingerprintMismatch(id.short)
    }
  }

  // MARK: - Helpers

  enum ReleaseOutcome {
    /// May leave: the META, its version, and the text whose fingerprint was confirmed.
    case open(LetterMeta, version: UInt64, body: [UInt8])
    case wait(until: Int64, ReleaseWait)
    case mismatch
  }

  /// Every check before a letter may leave, inside a write: state, the release gate (clock
  /// evidence, deadline, quiet hours) and the fingerprint. A wait caused by the clock is
  /// logged. The seam a delivery step builds on.
  func authorizeRelease(
    _ id: LetterID, confirming fingerprint: String, in tx: RecordTransaction,
    manifest: inout Manifest
  ) throws -> ReleaseOutcome {
    let (meta, version) = try tx.loadMeta(id, manifest: manifest)
    guard meta.state != .sent else { throw VaultError.notAllowed(.alreadySent(id)) }
    guard meta.hasSendRequest else {
      throw VaultError.notAllowed(.noSendRequest(id))
    }
    var settings = try tx.loadSettings(manifest: manifest)
    let reading = clockReading()
    let decision = settings.cooling.decide(meta.deadline, at: reading)
    if let why = decision.wait {
      let until = decision.nextMoment
      if why == .clock {
        settings.clock.log(
          .init(
            kind: ClockAnomaly.Kind.releaseWaited.rawValue, at: reading.wall,
            expected: meta.releaseAt, amount: until - reading.wall))
        try tx.saveSettings(settings, manifest: &manifest)
      }
      return .wait(until: until, why)
    }
    let body = try tx.loadBody(id, meta: meta, revision: meta.revisions.last!)
    guard Self.sameFingerprint(fingerprint, cipher.fingerprint(meta, body: body)) else {
      return .mismatch
    }
    return .open(meta, version: version, body: body)
  }

  func sendStatus(_ meta: LetterMeta, settings: VaultSettings, reading: ClockReading) -> SendStatus
  {
    switch meta.state {
    case .sent: return .sent(Date(storedMilliseconds: meta.sentAt))
    case .draft: return .notRequested
    case .held:
      guard meta.hasSendRequest else { return .notRequested }
      return settings.cooling.decide(meta.deadline, at: reading).sendStatus
    }
  }

  static func sameFingerprint(_ typed: String, _ actual: String) -> Bool {
    func normal(_ text: String) -> String {
      String(text.lowercased().filter { $0 != "-" && !$0.isWhitespace })
    }
    return !normal(typed).isEmpty && normal(typed) == normal(actual)
  }
}

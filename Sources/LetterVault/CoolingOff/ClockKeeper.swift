import VaultRecords
import Foundation

/// Clock evidence on every write and on unlock (docs/COOLING-OFF.md "The clock").
///
/// Every write transaction observes the clock first (`VaultService.mutate`), so a jump is
/// recorded, and compensated, in the same commit as whatever the write does. Reading
/// commands do not write, with two exceptions at unlock: the first unlock after a restart
/// records the new boot (so a jump later in that boot can be measured against it), and an
/// unlock that sees the clock misbehave records it at once (so a restart cannot erase it).
struct ClockKeeper: VaultService {
  let context: VaultContext

  /// Observes the clock inside a write: records the reading, adds a forward jump to every
  /// open deadline, applies rule changes whose time has come.
  func observeClock(in tx: RecordTransaction, manifest: inout Manifest) throws {
    var settings = try tx.loadSettings(manifest: manifest)
    let jump = settings.cooling.observe(clockReading())
    if jump > 0 { try moveOpenDeadlines(by: jump, in: tx, manifest: &manifest) }
    try tx.saveSettings(settings, manifest: &manifest)
  }

  /// The settings as they stand at this moment, without writing: observed in memory.
  func settingsNow(in tx: RecordTransaction, manifest: Manifest) throws -> (
    settings: VaultSettings, reading: ClockReading, jump: Int64
  ) {
    var settings = try tx.loadSettings(manifest: manifest)
    let reading = clockReading()
    let jump = settings.cooling.observe(reading)
    return (settings, reading, jump)
  }

  /// Called when the vault is opened, with the settings as stored: true on a new boot or a
  /// new anomaly, which ``recordClockChanges()`` then writes (nothing else does at open).
  func clockChanged(since stored: VaultSettings) -> Bool {
    var observed = stored
    _ = observed.cooling.observe(clockReading())
    return observed.clock.anomalies != stored.clock.anomalies
      || observed.clock.bootID != stored.clock.bootID
  }

  /// Writes what ``clockChanged(since:)`` saw: an empty write observes the clock.
  func recordClockChanges() {
    // A read-only or busy file must not stop reading; the next write records it anyway.
    _ = try? mutate { _, _ in }
  }

  func clockAnomalies() throws(VaultError) -> [ClockAnomaly] {
    try records.read { tx in
      let manifest = try tx.loadManifest()
      return try settingsNow(in: tx, manifest: manifest).settings.clock.anomalies.map(
        ClockAnomaly.init)
    }
  }

  /// Adds `jump` (ms) to every held letter's send request, so a wall clock moved forward
  /// without a restart buys nothing, even after a later restart (T49).
  private func moveOpenDeadlines(
    by jump: Int64, in tx: RecordTransaction, manifest: inout Manifest
  )
    throws
  {
    for key in manifest.entries.keys {
      let id = LetterID(bytes: key)
      // A damaged letter must not stop every write; `verify` names it.
      // A withdrawn request's floor still counts for the next one, so it moves too.
      guard let (meta, _) = try? tx.loadMeta(id, manifest: manifest), meta.state != .sent,
        meta.releaseAt != 0 || meta.releaseFloor != 0
      else { continue }
      try tx.update(id, in: &manifest) { meta, _ in meta.moveDeadline(by: jump) }
    }
  }
}

extension LetterMeta {
  /// The send request's deadline with the evidence recorded when it was set.
  var deadline: ReleaseGate.Deadline {
    ReleaseGate.Deadline(
      at: releaseAt, setAt: sendRequestedAt, bootID: holdBootID, boottime: holdBoottime)
  }

  /// True for a held letter with a send request.
  var hasSendRequest: Bool { state == .held && releaseAt != 0 }

  /// Shifts the deadline and the moment it was set: the period still asked of the boot
  /// clock stays the same (COOLING-OFF.md "The clock").
  mutating func moveDeadline(by jump: Int64) {
    if releaseAt != 0 {
      releaseAt += jump
      sendRequestedAt += jump
    }
    if releaseFloor != 0 { releaseFloor += jump }
  }

  /// Starts (or restarts) the cooling-off at `reading` with the release time `cooling` gives
  /// (``CoolingPolicy/releaseTime(for:at:)``), and remembers it as the floor no later request
  /// goes below (COOLING-OFF.md "Changing the recipient"). The request is dated at the
  /// policy's stamp time, so the boot clock is asked for the period itself, not for the
  /// period plus what the wall clock was behind.
  mutating func startCoolingOff(at reading: ClockReading, under cooling: CoolingPolicy) {
    let releaseAt = cooling.releaseTime(for: self, at: reading)
    self.releaseAt = releaseAt
    releaseFloor = Swift.max(releaseFloor, releaseAt)
    sendRequestedAt = cooling.stampTime(at: reading)
    holdBootID = reading.boot.bootID
    holdBoottime = reading.boot.sinceBoot
  }

  /// Withdraws a send request.
  mutating func clearSendRequest() {
    releaseAt = 0
    sendRequestedAt = 0
    holdBootID = .init(repeating: 0, count: 16)
    holdBoottime = 0
  }
}

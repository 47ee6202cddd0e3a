import VaultRecords
import Foundation

/// What a re-key (`passwd`, `recovery remove`) did besides replacing every key.
public struct RekeyReport: Sendable, Equatable {
  /// True when the vault had a recovery key that wrapped the old master key and could not be
  /// re-wrapped (the vault was not opened with it), so it was removed; `letters recovery add`
  /// makes a new one.
  public let recoveryKeyRemoved: Bool
}

/// Re-keying the whole vault (FORMAT.md §15.7, SECURITY.md §2.2): a new master key, a new
/// key for every letter, a new capture pair, in one transaction. Whatever the old keys were
/// (a key read from the keyring while the vault was unlocked, an old keyslot put back, an old
/// passphrase with an old copy of the file), they open nothing written afterwards.
extension KeyDesk {
  func changePassphrase(
    to newPassphrase: Passphrase, kdf: KDFParameters?, progress: ProgressHandler? = nil
  ) throws(VaultError) -> RekeyReport {
    try Watermark(context).ensureWritable()
    // Captures waiting are sealed to the capture key this re-key replaces.
    try LetterDesk(context).acceptCaptures()
    // The vault keeps its cost unless another is asked for (FORMAT.md §15.7).
    let present = try currentPassphraseCost()
    let cost = kdf ?? present ?? .moderate
    let masterKey = SecretBytes.random(count: FormatConstant.keyByteCount, from: random)
    let (slot, kek) = try VaultError.translating(path: path) {
      try Keyslot.wrapKeepingKey(
        masterKey, kind: .passphrase, secret: newPassphrase.secret.value, kdf: cost,
        vaultID: vaultID, random: random)
    }
    let recoveryKEK = unlockState.recoveryKeyKey
    var recoveryKeyRemoved = false
    try rekey(to: masterKey, progress: progress) { tx in
      var slots = [slot]
      for old in try tx.keyslots() {
        guard let parsed = try? Keyslot(parsing: old.blob), parsed.kind == .recoveryKey else { continue }
        // Only the recovery key that opened this session can wrap the new key; any other
        // recovery slot is dropped with the old key it wrapped.
        if let recoveryKEK, parsed.open(with: recoveryKEK) != nil {
          slots.append(parsed.rewrapped(masterKey, keyEncryptionKey: recoveryKEK, random: random))
        } else {
          recoveryKeyRemoved = true
        }
      }
      return slots
    }
    unlockState.passphraseKey = kek
    return RekeyReport(recoveryKeyRemoved: recoveryKeyRemoved)
  }

  /// `recovery remove`: the recovery slot goes and the vault is re-keyed, so a copy of the
  /// printed key, or the old file, opens nothing written afterwards.
  func removeRecoveryKeyAndRekey(progress: ProgressHandler? = nil) throws(VaultError) {
    try Watermark(context).ensureWritable()
    guard let kek = unlockState.passphraseKey else { throw .notAllowed(.burnNeedsPassphrase) }
    guard try hasRecoveryKey() else { throw .notAllowed(.noRecoveryKey) }
    try LetterDesk(context).acceptCaptures()
    let masterKey = SecretBytes.random(count: FormatConstant.keyByteCount, from: random)
    try rekey(to: masterKey, progress: progress) { tx in
      try rewrappedPassphraseSlots(masterKey, kek: kek, in: tx).slots
    }
  }

  /// The cost of the current passphrase slot (the first that parses within the read window).
  private func currentPassphraseCost() throws(VaultError) -> KDFParameters? {
    try records.read { tx in
      for stored in try tx.keyslots() {
        guard let slot = try? Keyslot(parsing: stored.blob), slot.kind == .passphrase else { continue }
        let cost = KDFParameters(opsLimit: slot.opsLimit, memLimit: slot.memLimit)
        if cost.isAcceptableOnRead { return cost }
      }
      return nil
    }
  }

  /// Replaces every keyslot with `keyslots(tx)` and seals every record under `masterKey`:
  /// each letter gets a new letter key, so its every text and note is sealed again; META
  /// keeps its version; SETTINGS gets a new capture pair. Then the file is rebuilt
  /// (`VACUUM`), as after a burn.
  func rekey(
    to masterKey: SecretBytes, progress: ProgressHandler?,
    keyslots: (RecordTransaction) throws -> [Keyslot]
  ) throws(VaultError) {
    let newCipher = RecordCipher(vaultID: vaultID, masterKey: masterKey, random: random)
    var epoch: UInt64 = 0
    try records.write { tx in
      let rekeyed = tx.rekeyed(with: newCipher)
      var manifest = try tx.loadManifest()
      try ClockKeeper(context).observeClock(in: tx, manifest: &manifest)
      let slots = try keyslots(tx)
      for old in try tx.keyslots() { try tx.deleteKeyslot(id: old.slotID) }
      for slot in slots { try tx.putKeyslot(id: random.bytes(8), blob: slot.bytes) }
      let rows = try tx.rows(field: FieldTag.meta.rawValue)
      var meter = ProgressMeter(progress, phase: .rekeying, total: rows.count)
      for (done, row) in rows.enumerated() {
        try resealLetter(tx.snapshot(row, manifest: manifest), into: rekeyed, manifest: &manifest)
        meter.advance(to: done + 1)
      }
      meter.finish()
      var settings = try tx.loadSettings(manifest: manifest)
      let capture = SealedBox.keyPair()
      settings.captureSecretKey = capture.secretKey.withUnsafeBytes { Array($0) }
      try tx.setCapturePublicKey(capture.publicKey)
      manifest.epoch += 1
      manifest.writtenAt = clock.now().storedMilliseconds
      manifest.settingsHash = try rekeyed.storeSettings(settings, epoch: manifest.epoch)
      try rekeyed.storeManifest(manifest, replacingEpoch: nil)
      epoch = manifest.epoch
    }
    records.cipher = newCipher
    Watermark(context).noteEpoch(epoch)
    // Committed already; a failed rebuild leaves zeroed cells (secure_delete), never old keys.
    try? database.vacuum()
  }

  /// One letter under a new letter key: every text revision and note sealed again (their
  /// hashes in META follow), META sealed under the new master key with its same version.
  private func resealLetter(
    _ letter: LetterSnapshot, into tx: RecordTransaction, manifest: inout Manifest
  ) throws {
    var meta = letter.meta
    let letterKey = SecretBytes.random(count: FormatConstant.keyByteCount, from: random)
    meta.letterKey = letterKey.withUnsafeBytes { Array($0) }
    for (index, revision) in meta.revisions.enumerated() {
      meta.revisions[index].envelopeHash = try tx.storeBody(
        letter.texts[revision.number] ?? [], id: letter.id, revision: revision.number,
        letterKey: letterKey, manifest: &manifest)
    }
    try tx.storeNotes(letter.notes, for: letter.id, letterKey: meta.letterKey)
    try tx.storeMeta(meta, for: letter.id, version: letter.version, manifest: &manifest)
  }
}

extension KeyDesk {
  /// Every passphrase slot re-wrapping `masterKey` with `kek` (same kind, cost and salt, a
  /// fresh nonce), and whether a recovery slot exists (it cannot be re-wrapped without the
  /// recovery key). Refuses, before anything changes, when a passphrase slot does not open
  /// with `kek`, so nobody is ever locked out (FORMAT.md §15.4).
  func rewrappedPassphraseSlots(
    _ masterKey: SecretBytes, kek: SecretBytes, in tx: RecordTransaction
  ) throws -> (slots: [Keyslot], droppedRecovery: Bool) {
    var rewrapped: [Keyslot] = []
    var droppedRecovery = false
    for slot in try tx.keyslots() {
      guard let parsed = try? Keyslot(parsing: slot.blob) else { continue }
      switch parsed.kind {
      case .passphrase:
        guard parsed.open(with: kek) != nil else {
          throw VaultError.notAllowed(.otherPassphraseSlot)
        }
        rewrapped.append(parsed.rewrapped(masterKey, keyEncryptionKey: kek, random: random))
      case .recoveryKey:
        droppedRecovery = true
      }
    }
    guard !rewrapped.isEmpty else {
      throw VaultError.notAllowed(.burnNeedsPassphrase)
    }
    return (rewrapped, droppedRecovery)
  }
}

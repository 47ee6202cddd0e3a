import VaultRecords
import Foundation

/// What a burn changed besides destroying the letter.
public struct BurnReport: Sendable, Equatable {
  /// True when the vault had a recovery key: it wrapped the old master key, so it was
  /// removed, and a new one can be made (`letters recovery add`).
  public let recoveryKeyRemoved: Bool
}

/// Burn: best-effort crypto-shredding of one draft or held letter (SECURITY.md §2.6;
/// FORMAT.md §15.4).
extension KeyDesk {
  @discardableResult
  func burn(_ id: LetterID) throws(VaultError) -> BurnReport {
    try Watermark(context).ensureWritable()
    guard let kek = unlockState.passphraseKey else {
      throw .notAllowed(.burnNeedsPassphrase)
    }
    let newCipher = RecordCipher(
      vaultID: vaultID,
      masterKey: SecretBytes.random(count: FormatConstant.keyByteCount, from: random),
      random: random)
    var recoveryKeyRemoved = false
    var epoch: UInt64 = 0
    try records.write { tx in
      let rekeyed = tx.rekeyed(with: newCipher)
      var manifest = try tx.loadManifest()
      let (meta, _) = try tx.loadMeta(id, manifest: manifest)
      guard meta.state == .draft || meta.state == .held else {
        throw VaultError.notAllowed(.sentLetterIsKept(id))
      }
      recoveryKeyRemoved = try rewrapKeyslots(newCipher.masterKey, kek: kek, in: tx)
      // The other letters' text signatures, read under the old key to be sealed under the
      // new one (FORMAT.md §6.7); the burned letter's is dropped with its manifest entry.
      manifest.carriedSignatures = try tx.loadTextIndex()
      try tx.deleteLetter(id)
      manifest.removeLetter(id.bytes)
      for row in try tx.rows(field: FieldTag.meta.rawValue) {
        let other = LetterID(bytes: row.objectID)
        let otherMeta = try tx.openMeta(row, id: other, manifest: manifest)
        try rekeyed.storeMeta(
          otherMeta, for: other, version: row.revision, manifest: &manifest)
      }
      var settings = try tx.loadSettings(manifest: manifest)
      // Remembered by id only, so merging an older copy never brings the letter back.
      settings.burnedIDs.insert(id.bytes)
      manifest.epoch += 1
      manifest.writtenAt = clock.now().storedMilliseconds
      manifest.settingsHash = try rekeyed.storeSettings(
        settings, epoch: manifest.epoch)
      try rekeyed.storeManifest(manifest, replacingEpoch: nil)
      epoch = manifest.epoch
    }
    records.cipher = newCipher
    Watermark(context).noteEpoch(epoch)
    // Committed already; a failed rebuild leaves zeroed cells, never the letter readable.
    try? database.vacuum()
    return BurnReport(recoveryKeyRemoved: recoveryKeyRemoved)
  }

  /// Replaces every keyslot: passphrase slots re-wrapped under new ids, recovery slots
  /// dropped. Refuses (before anything changes) when a passphrase slot does not open with
  /// `kek`, so nobody is ever locked out. Returns true when a recovery slot was dropped.
  private func rewrapKeyslots(
    _ masterKey: SecretBytes, kek: SecretBytes, in tx: RecordTransaction
  )
    throws -> Bool
  {
    let (rewrapped, droppedRecovery) = try rewrappedPassphraseSlots(masterKey, kek: kek, in: tx)
    let slots = try tx.keyslots()
    // Unparseable slots wrap nothing usable; they go too, with every old wrapping.
    for slot in slots { try tx.deleteKeyslot(id: slot.slotID) }
    for slot in rewrapped { try tx.putKeyslot(id: random.bytes(8), blob: slot.bytes) }
    return droppedRecovery
  }
}

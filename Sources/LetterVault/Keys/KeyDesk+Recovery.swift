import VaultRecords
/// The optional recovery keyslot (SECURITY.md §2.2; FORMAT.md §15.1): a second
/// way to unwrap the master key when the passphrase is forgotten.
extension KeyDesk {
  func hasRecoveryKey() throws(VaultError) -> Bool {
    try records.read { tx in
      try tx.keyslots().contains { (try? Keyslot(parsing: $0.blob))?.kind == .recoveryKey }
    }
  }

  @discardableResult
  func addRecoveryKey() throws(VaultError) -> RecoveryKey {
    let key = try RecoveryKey.generate(random: random)
    try addRecoveryKey(key)
    return key
  }

  func addRecoveryKey(_ key: RecoveryKey) throws(VaultError) {
    let slot = try VaultError.translating(path: path) {
      try Keyslot.wrap(
        cipher.masterKey, kind: .recoveryKey, secret: key.secret.value, kdf: RecoveryKey.kdf,
        vaultID: vaultID, random: random)
    }
    try mutate { tx, _ in
      try deleteRecoveryKeyslots(in: tx)
      try tx.putKeyslot(id: random.bytes(8), blob: slot.bytes)
    }
  }

  static func open(
    at path: String, recoveryKey: RecoveryKey, clock: any VaultClock = SystemClock(),
    random: any RandomSource = SystemRandom()
  ) throws(VaultError) -> Vault {
    let (vault, opened) = try Vault.unlock(
      at: path, kind: .recoveryKey, secret: recoveryKey.secret.value, clock: clock, random: random)
    vault.unlockState.recoveryKeyKey = opened.keyEncryptionKey
    vault.noticeOnOpen()
    return vault
  }

  @discardableResult
  private func deleteRecoveryKeyslots(in tx: RecordTransaction) throws -> Int {
    var removed = 0
    for slot in try tx.keyslots()
    where (try? Keyslot(parsing: slot.blob))?.kind == .recoveryKey {
      try tx.deleteKeyslot(id: slot.slotID)
      removed += 1
    }
    return removed
  }
}

/// Wrapping and unwrapping that keep the key-encryption key, so a later re-key (burn,
/// SECURITY.md §2.6) can re-wrap a new master key without asking for the passphrase again
/// (FORMAT.md §15.4).
extension Keyslot {
  /// A master key opened from a keyslot, with the key-encryption key that opened it.
  package struct Opened {
    package let masterKey: SecretBytes
    package let keyEncryptionKey: SecretBytes
  }

  /// Like ``wrap(_:kind:secret:kdf:vaultID:random:)``, also returning the derived KEK.
  package static func wrapKeepingKey(
    _ masterKey: SecretBytes, kind: Kind, secret: SecretBytes, kdf: KDFParameters,
    vaultID: [UInt8], random: any RandomSource
  ) throws(RecordError) -> (slot: Keyslot, keyEncryptionKey: SecretBytes) {
    var slot = Keyslot(
      kind: kind, opsLimit: kdf.opsLimit, memLimit: kdf.memLimit,
      salt: random.bytes(PasswordHash.saltByteCount), vaultID: vaultID,
      nonce: [], wrappedKey: [])
    let kek = try deriveKey(
      from: secret, salt: slot.salt, opsLimit: kdf.opsLimit, memLimit: kdf.memLimit)
    slot = slot.rewrapped(masterKey, keyEncryptionKey: kek, random: random)
    return (slot, kek)
  }

  /// Tries every keyslot of `kind`; the first that authenticates and whose master key
  /// `isCurrent` accepts yields the master key and its KEK. Malformed slots and slots over the
  /// cost ceiling are skipped before any KDF work. A slot that opens a master key the vault no
  /// longer uses (an old slot put back after a re-key, FORMAT.md §4.2) counts as not opening.
  package static func unlockKeepingKey(
    _ blobs: [[UInt8]], kind: Kind, secret: SecretBytes, vaultID: [UInt8],
    isCurrent: (SecretBytes) -> Bool = { _ in true }
  ) throws(RecordError) -> Opened {
    var sawTooExpensive = false
    var sawUsable = false
    for blob in blobs {
      guard let slot = try? Keyslot(parsing: blob), slot.kind == kind, slot.vaultID == vaultID
      else { continue }
      let cost = KDFParameters(opsLimit: slot.opsLimit, memLimit: slot.memLimit)
      guard cost.isAcceptableOnRead else {
        sawTooExpensive = true
        continue
      }
      sawUsable = true
      let kek = try deriveKey(
        from: secret, salt: slot.salt, opsLimit: slot.opsLimit, memLimit: slot.memLimit)
      if let masterKey = slot.open(with: kek), isCurrent(masterKey) {
        return Opened(masterKey: masterKey, keyEncryptionKey: kek)
      }
    }
    if !sawUsable && sawTooExpensive { throw .kdfCostTooHigh }
    throw .noKeyslotOpens(kind)
  }

  /// The master key, if `kek` authenticates this slot. No key derivation.
  package func open(with kek: SecretBytes) -> SecretBytes? {
    let opened = wrappedKey.withUnsafeBytes { sealed in
      nonce.withUnsafeBytes { nonce in
        AEAD.open(sealed, key: kek, nonce: nonce, associatedData: header)
      }
    }
    guard var key = opened else { return nil }
    defer { wipe(&key) }
    return SecretBytes(copying: key)
  }

  /// The same slot (kind, cost, salt) wrapping `masterKey` under a fresh nonce.
  package func rewrapped(
    _ masterKey: SecretBytes, keyEncryptionKey kek: SecretBytes, random: any RandomSource
  )
    -> Keyslot
  {
    var slot = self
    slot.nonce = random.bytes(FormatConstant.nonceByteCount)
    slot.wrappedKey = masterKey.withUnsafeBytes { key in
      AEAD.seal(key, key: kek, nonce: slot.nonce, associatedData: slot.header)
    }
    return slot
  }

  /// Argon2id for one slot; a failed allocation is the crypto layer's fact, carried up.
  private static func deriveKey(
    from secret: SecretBytes, salt: [UInt8], opsLimit: UInt64, memLimit: UInt64
  ) throws(RecordError) -> SecretBytes {
    do {
      return try PasswordHash.deriveKey(from: secret, salt: salt, opsLimit: opsLimit, memLimit: memLimit)
    } catch {
      throw .crypto(error)
    }
  }
}

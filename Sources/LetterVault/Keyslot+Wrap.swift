/// Wrapping and unwrapping the master key with a keyslot (FORMAT.md §4.2).
extension Keyslot {
  /// Derives a key-encryption key from `secret` with fresh salt and wraps `masterKey`.
  static func wrap(
    _ masterKey: SecretBytes, kind: Kind, secret: SecretBytes, kdf: KDFParameters,
    vaultID: [UInt8], random: any RandomSource
  ) throws(VaultError) -> Keyslot {
    var slot = Keyslot(
      kind: kind, opsLimit: kdf.opsLimit, memLimit: kdf.memLimit,
      salt: random.bytes(PasswordHash.saltByteCount), vaultID: vaultID,
      nonce: random.bytes(FormatConstant.nonceByteCount), wrappedKey: [])
    let kek = try PasswordHash.deriveKey(
      from: secret, salt: slot.salt, opsLimit: kdf.opsLimit, memLimit: kdf.memLimit)
    slot.wrappedKey = masterKey.withUnsafeBytes { key in
      AEAD.seal(key, key: kek, nonce: slot.nonce, associatedData: slot.header)
    }
    return slot
  }

  /// Tries every keyslot of `kind`; the first that authenticates yields the master key.
  ///
  /// Malformed slots and slots over the cost ceiling are skipped before any KDF work.
  static func unlock(
    _ blobs: [[UInt8]], kind: Kind, secret: SecretBytes, vaultID: [UInt8]
  ) throws(VaultError) -> SecretBytes {
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
      let kek = try PasswordHash.deriveKey(
        from: secret, salt: slot.salt, opsLimit: slot.opsLimit, memLimit: slot.memLimit)
      let opened = slot.wrappedKey.withUnsafeBytes { sealed in
        slot.nonce.withUnsafeBytes { nonce in
          AEAD.open(sealed, key: kek, nonce: nonce, associatedData: slot.header)
        }
      }
      if var key = opened {
        defer { wipe(&key) }
        return SecretBytes(copying: key)
      }
    }
    if !sawUsable && sawTooExpensive { throw .kdfCostTooHigh }
    throw .wrongPassphrase
  }
}

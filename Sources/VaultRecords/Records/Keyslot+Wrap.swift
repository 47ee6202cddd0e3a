/// Wrapping and unwrapping the master key with a keyslot (FORMAT.md §4.2).
extension Keyslot {
  /// Derives a key-encryption key from `secret` with fresh salt and wraps `masterKey`.
  package static func wrap(
    _ masterKey: SecretBytes, kind: Kind, secret: SecretBytes, kdf: KDFParameters,
    vaultID: [UInt8], random: any RandomSource
  ) throws(RecordError) -> Keyslot {
    try wrapKeepingKey(
      masterKey, kind: kind, secret: secret, kdf: kdf, vaultID: vaultID, random: random
    ).slot
  }

  /// Tries every keyslot of `kind`; the first that authenticates yields the master key.
  ///
  /// Malformed slots and slots over the cost ceiling are skipped before any KDF work.
  package static func unlock(
    _ blobs: [[UInt8]], kind: Kind, secret: SecretBytes, vaultID: [UInt8]
  ) throws(RecordError) -> SecretBytes {
    try unlockKeepingKey(blobs, kind: kind, secret: secret, vaultID: vaultID).masterKey
  }
}

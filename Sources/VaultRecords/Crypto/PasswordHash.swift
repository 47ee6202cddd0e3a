internal import CSodium

/// Argon2id v1.3 through `crypto_pwhash` (FORMAT.md §4.1). libsodium always uses one lane,
/// so memory and passes carry the cost.
package enum PasswordHash {
  package static let saltByteCount = Int(crypto_pwhash_saltbytes())
  package static let minimumOpsLimit = UInt64(crypto_pwhash_argon2id_opslimit_min())
  package static let minimumMemLimit = UInt64(crypto_pwhash_argon2id_memlimit_min())

  /// Derives a 32-byte key-encryption key. Throws `.outOfMemory` when the allocation fails.
  package static func deriveKey(
    from secret: SecretBytes, salt: [UInt8], opsLimit: UInt64, memLimit: UInt64
  ) throws(CryptoError) -> SecretBytes {
    precondition(salt.count == saltByteCount)
    KDFProbe.current?.record()
    let key = SecretBytes(count: 32)
    let result = key.withUnsafeMutableBytes { out in
      secret.withUnsafeBytes { password in
        crypto_pwhash(
          out.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(out.count),
          password.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(password.count),
          salt, opsLimit, Int(memLimit), crypto_pwhash_ALG_ARGON2ID13)
      }
    }
    // crypto_pwhash fails only when it cannot allocate the requested memory (FORMAT.md §4.1).
    guard result == 0 else { throw .outOfMemory }
    return key
  }
}

internal import CSodium

/// Subkeys with `crypto_kdf_derive_from_key` (BLAKE2b; FORMAT.md §4.3).
package enum KeyDerivation {
  /// Derives a `length`-byte subkey for `id` in the 8-byte `context` from `key`.
  package static func derive(
    length: Int = 32, id: UInt64, context: StaticString, from key: SecretBytes
  ) -> SecretBytes {
    let subkey = SecretBytes(count: length)
    derive(into: subkey, id: id, context: context, from: key)
    return subkey
  }

  /// Derives into an existing buffer: scans reuse one protected buffer instead of a
  /// `sodium_malloc` (mmap + mlock of whole pages) per record (docs/PERFORMANCE.md).
  package static func derive(
    into subkey: SecretBytes, id: UInt64, context: StaticString, from key: SecretBytes
  ) {
    precondition(context.utf8CodeUnitCount == 8, "crypto_kdf contexts are exactly 8 bytes")
    let length = subkey.count
    let result = subkey.withUnsafeMutableBytes { out in
      key.withUnsafeBytes { master in
        context.withUTF8Buffer { ctx in
          ctx.withMemoryRebound(to: CChar.self) { ctxChars in
            crypto_kdf_derive_from_key(
              out.baseAddress!.assumingMemoryBound(to: UInt8.self), length, id,
              ctxChars.baseAddress!, master.baseAddress!.assumingMemoryBound(to: UInt8.self))
          }
        }
      }
    }
    precondition(result == 0)
  }
}

internal import CSodium

/// BLAKE2b (`crypto_generichash`), used for record hashes in META and the MANIFEST
/// (FORMAT.md §7) and, keyed, for fingerprints.
package enum Hash {
  package static let byteCount = 32

  /// Unkeyed BLAKE2b-256 of `bytes`.
  package static func blake2b(_ bytes: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: byteCount)
    bytes.withUnsafeBufferPointer { input in
      _ = crypto_generichash(&out, byteCount, input.baseAddress, UInt64(input.count), nil, 0)
    }
    return out
  }

  /// Unkeyed BLAKE2b-256 of bytes in place (no copy; hot in `list`).
  package static func blake2b(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: byteCount)
    _ = crypto_generichash(
      &out, byteCount, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
      UInt64(bytes.count), nil, 0)
    return out
  }

  /// Keyed BLAKE2b of `bytes` with `key`, `length` bytes long.
  package static func blake2b(_ bytes: [UInt8], key: SecretBytes, length: Int = 32) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: length)
    key.withUnsafeBytes { keyBytes in
      bytes.withUnsafeBufferPointer { input in
        _ = crypto_generichash(
          &out, length, input.baseAddress, UInt64(input.count),
          keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self), keyBytes.count)
      }
    }
    return out
  }
}

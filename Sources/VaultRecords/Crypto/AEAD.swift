internal import CSodium

/// XChaCha20-Poly1305-IETF, libsodium's recommended AEAD (FORMAT.md §5).
///
/// 192-bit nonces are drawn at random for every encryption; no counters, because a vault can
/// be copied, restored and merged, which would replay counter state.
enum AEAD {
  static let keyByteCount = Int(crypto_aead_xchacha20poly1305_ietf_keybytes())
  static let nonceByteCount = Int(crypto_aead_xchacha20poly1305_ietf_npubbytes())
  static let tagByteCount = Int(crypto_aead_xchacha20poly1305_ietf_abytes())

  /// Encrypts `plaintext`, returning `ciphertext || tag`.
  static func seal(
    _ plaintext: UnsafeRawBufferPointer, key: SecretBytes, nonce: [UInt8], associatedData: [UInt8]
  ) -> [UInt8] {
    precondition(nonce.count == nonceByteCount && key.count == keyByteCount)
    var out = [UInt8](repeating: 0, count: plaintext.count + tagByteCount)
    var outLength: UInt64 = 0
    let result = key.withUnsafeBytes { keyBytes in
      crypto_aead_xchacha20poly1305_ietf_encrypt(
        &out, &outLength,
        plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(plaintext.count),
        associatedData, UInt64(associatedData.count),
        nil, nonce, keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
    precondition(result == 0 && Int(outLength) == out.count)
    return out
  }

  /// Decrypts and authenticates `ciphertext || tag`; nil when anything was altered.
  static func open(
    _ sealed: UnsafeRawBufferPointer, key: SecretBytes, nonce: UnsafeRawBufferPointer,
    associatedData: [UInt8]
  ) -> [UInt8]? {
    guard sealed.count >= tagByteCount, nonce.count == nonceByteCount,
      key.count == keyByteCount
    else { return nil }
    // Not zeroed first: libsodium writes every byte or the buffer is dropped unread (no byte
    // counted as initialised). Zeroing each text before decrypting it was a second pass over
    // every byte a search reads (docs/PERFORMANCE.md round 12).
    let count = sealed.count - tagByteCount
    var opened = false
    let out = [UInt8](unsafeUninitializedCapacity: count) { outBuffer, initialized in
      var outLength: UInt64 = 0
      let result = key.withUnsafeBytes { keyBytes in
        crypto_aead_xchacha20poly1305_ietf_decrypt(
          outBuffer.baseAddress, &outLength, nil,
          sealed.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(sealed.count),
          associatedData, UInt64(associatedData.count),
          nonce.baseAddress!.assumingMemoryBound(to: UInt8.self),
          keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
      }
      opened = result == 0 && Int(outLength) == count
      initialized = opened ? count : 0
    }
    return opened ? out : nil
  }
}

import CSodiumBench

/// The decrypt-only floor: XChaCha20-Poly1305 over the same number and sizes of buffers the
/// vault decrypts, with nothing else — no SQLite, no parsing (issue 6).
enum Floor {
  /// Seconds to decrypt `count` buffers of `size` bytes (padded plaintext size).
  static func decrypt(count: Int, size: Int) -> Double {
    _ = sodium_init()
    var key = [UInt8](repeating: 7, count: 32)
    let nonce = [UInt8](repeating: 9, count: 24)
    let plaintext = [UInt8](repeating: 0x61, count: size)
    var sealed = [UInt8](repeating: 0, count: size + 16)
    var sealedLength: UInt64 = 0
    crypto_aead_xchacha20poly1305_ietf_encrypt(
      &sealed, &sealedLength, plaintext, UInt64(size), nil, 0, nil, nonce, &key)
    var out = [UInt8](repeating: 0, count: size)
    var outLength: UInt64 = 0
    let start = Clock.now()
    for _ in 0..<count {
      let result = crypto_aead_xchacha20poly1305_ietf_decrypt(
        &out, &outLength, nil, sealed, sealedLength, nil, 0, nonce, &key)
      precondition(result == 0)
    }
    return Clock.now() - start
  }
}

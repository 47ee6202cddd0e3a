internal import CSodium

/// Anonymous public-key encryption (`crypto_box_seal`, X25519 + XSalsa20-Poly1305) for
/// write-only capture (FORMAT.md §6.5): `letters jot` can seal text to the vault's public key
/// without the passphrase, and cannot open anything.
package enum SealedBox {
  package static let publicKeyByteCount = Int(crypto_box_publickeybytes())
  package static let secretKeyByteCount = Int(crypto_box_secretkeybytes())
  package static let overhead = Int(crypto_box_sealbytes())

  /// A new key pair; the secret half in protected memory.
  package static func keyPair() -> (publicKey: [UInt8], secretKey: SecretBytes) {
    var publicKey = [UInt8](repeating: 0, count: publicKeyByteCount)
    let secretKey = SecretBytes(count: secretKeyByteCount)
    secretKey.withUnsafeMutableBytes { secret in
      _ = crypto_box_keypair(&publicKey, secret.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
    return (publicKey, secretKey)
  }

  /// The public key that belongs to `secretKey` (to check the stored one has not been swapped).
  package static func publicKey(for secretKey: SecretBytes) -> [UInt8] {
    var publicKey = [UInt8](repeating: 0, count: publicKeyByteCount)
    secretKey.withUnsafeBytes { secret in
      _ = crypto_scalarmult_base(&publicKey, secret.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
    return publicKey
  }

  package static func seal(_ message: [UInt8], to publicKey: [UInt8]) -> [UInt8] {
    precondition(publicKey.count == publicKeyByteCount)
    var out = [UInt8](repeating: 0, count: message.count + overhead)
    let result = crypto_box_seal(&out, message, UInt64(message.count), publicKey)
    precondition(result == 0)
    return out
  }

  /// Nil when the box was not sealed to this key pair or was altered.
  package static func open(_ sealed: [UInt8], publicKey: [UInt8], secretKey: SecretBytes) -> [UInt8]? {
    guard sealed.count >= overhead, publicKey.count == publicKeyByteCount else { return nil }
    var out = [UInt8](repeating: 0, count: sealed.count - overhead)
    let result = secretKey.withUnsafeBytes { secret in
      crypto_box_seal_open(
        &out, sealed, UInt64(sealed.count), publicKey,
        secret.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
    return result == 0 ? out : nil
  }
}

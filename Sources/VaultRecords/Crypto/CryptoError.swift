/// What the crypto layer can fail with (ARCHITECTURE.md "Errors carry facts"). The service
/// boundary translates it into a `VaultError`; nothing here holds key material.
package enum CryptoError: Error, Equatable {
  /// libsodium could not be initialised, or is older than FORMAT.md §2 allows.
  case unavailable
  /// Argon2id could not allocate the memory the keyslot asks for.
  case outOfMemory
}

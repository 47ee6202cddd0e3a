/// What the record layer can fail with (ARCHITECTURE.md "Errors carry facts"): a record that
/// failed its check, a letter that is not there, a keyslot that does not open. Facts only;
/// the service boundary translates them into a `VaultError`.
package enum RecordError: Error, Equatable {
  /// Records that failed a check: which letter, which part, what was wrong.
  case damaged([Damage])
  /// No letter has this id (the short form the user typed or was shown).
  case letterNotFound(String)
  /// No keyslot of this kind opens with the secret given.
  case noKeyslotOpens(Keyslot.Kind)
  /// Every keyslot of the kind asks for more Argon2id work than a reader accepts.
  case kdfCostTooHigh
  case crypto(CryptoError)
}

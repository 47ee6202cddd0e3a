/// The capture public key sits in clear in the `capture` table (FORMAT.md §6.5); its secret
/// half is inside the encrypted, authenticated SETTINGS. The public key is authentic only
/// while it equals the one the secret half gives.
extension RecordTransaction {
  /// Damage when the stored public key is missing or is not the settings' own.
  package func captureKeyDamage(_ settings: VaultSettings) throws -> Damage? {
    guard !settings.captureSecretKey.isEmpty else { return nil }  // a vault without capture
    let secretKey = SecretBytes(copying: settings.captureSecretKey)
    guard let publicKey = try session.capturePublicKey(), publicKey == SealedBox.publicKey(for: secretKey) else {
      return Damage(letterID: nil, part: .captureKey, reason: "the public key does not match the vault's own")
    }
    return nil
  }
}

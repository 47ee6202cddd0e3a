import VaultRecords
/// A recovery key: 160 random bits that open the vault when the passphrase is forgotten
/// (SECURITY.md §2.2; FORMAT.md §15.1).
///
/// Shown once, as `LVR1-XXXX-…-XXXX-CC`, and never written to disk by LetterVault. Whoever
/// holds the written key can read every letter, so it belongs somewhere safe and offline.
///
/// ```swift
/// let key = try vault.addRecoveryKey()
/// print(key.text)                       // shown once
/// let typed = try RecoveryKey(parsing: "lvr1 4f2k …")   // a typo is caught here
/// let vault = try Vault.open(at: path, recoveryKey: typed)
/// ```
public final class RecoveryKey: Sendable {
  let secret: SecretBytesBox

  init(secret: SecretBytes) {
    precondition(secret.count == RecoveryKeyText.keyByteCount)
    self.secret = SecretBytesBox(secret)
  }

  /// A fresh random key.
  public static func generate(random: any RandomSource = SystemRandom()) throws(VaultError)
    -> RecoveryKey
  {
    try VaultError.translating { try Sodium.ensureReady() }
    return RecoveryKey(
      secret: SecretBytes.random(count: RecoveryKeyText.keyByteCount, from: random))
  }

  /// Reads a typed key. Case, spaces and hyphens do not matter, `I` and `L` read as 1 and `O`
  /// as 0, and the `LVR1` prefix may be left out.
  ///
  /// A typo is reported here, by the two check characters, before any key derivation or
  /// vault access: ``VaultError/invalidInput(_:)``.
  public convenience init(parsing text: String) throws(VaultError) {
    try VaultError.translating { try Sodium.ensureReady() }
    var parsed: (key: [UInt8], check: String)
    do {
      parsed = try RecoveryKeyText.parse(text)
    } catch .wrongLength(let count) {
      throw .invalidInput(.recoveryKeyLength(count))
    } catch .unknownCharacter(let character) {
      throw .invalidInput(.recoveryKeyCharacter(character))
    } catch {
      throw .invalidInput(.recoveryKeyTypo(checkCharacters: false))
    }
    defer { wipe(&parsed.key) }
    var input = RecoveryKeyText.checksumInput(parsed.key)
    defer { wipe(&input) }
    guard RecoveryKeyText.checkCharacters(Hash.blake2b(input)) == parsed.check else {
      throw .invalidInput(.recoveryKeyTypo(checkCharacters: true))
    }
    self.init(secret: SecretBytes(copying: parsed.key))
  }

  /// The printable form, `LVR1-` + 8 groups of 4 + 2 check characters. Built on demand; the
  /// returned `String` is an unavoidable plaintext copy, so show it and let it go.
  public var text: String {
    var key = secret.value.withUnsafeBytes { Array($0) }
    defer { wipe(&key) }
    var input = RecoveryKeyText.checksumInput(key)
    defer { wipe(&input) }
    return RecoveryKeyText.format(key: key, checksum: Hash.blake2b(input))
  }

  /// The Argon2id cost of a recovery keyslot: libsodium INTERACTIVE. 160 random bits need no
  /// stretching; one code path for both slot kinds keeps the format simple (SECURITY.md §2.2).
  public static let kdf = KDFParameters.interactive
}

import VaultRecords
import Foundation

/// The public calls of ``KeyDesk``, forwarded (ARCHITECTURE.md "Services (LetterVault)").
extension Vault {
  // MARK: - KeyDesk


  /// Destroys a draft or held letter, then re-keys the vault, all in one transaction:
  ///
  /// 1. its META, BODY and NOTE rows are deleted (`secure_delete` zeroes them);
  /// 2. a new master key is made; every other letter's META, the SETTINGS and the MANIFEST
  ///    are re-encrypted under keys derived from it (bodies are under per-letter keys kept
  ///    inside META, so they stay as they are);
  /// 3. the new master key is wrapped in every passphrase keyslot with the key-encryption
  ///    key kept from unlocking (same salt and cost, fresh nonce); a recovery keyslot cannot
  ///    be re-wrapped without the recovery key, so it is removed (see ``BurnReport``).
  ///
  /// Afterwards the file is rebuilt (`VACUUM`) so no free or interior page keeps old bytes.
  /// The letter key existed only inside META sealed by the old master key, which no longer
  /// exists anywhere in the file. Copies made earlier (backups, snapshots, SSD remnants, a
  /// deleted rollback journal) still hold the letter for someone who also knows the passphrase.
  ///
  /// Needs the vault opened with its passphrase (not the recovery key or the key cache);
  /// a sent letter cannot be burned.
  @discardableResult
  public func burn(_ id: LetterID) throws(VaultError) -> BurnReport {
    try keyDesk.burn(id)
  }

  /// When the master key came from the cache: when that cached entry expires. Nil when the
  /// vault was opened with the passphrase or the recovery key.
  public var unlockedFromCacheUntil: Date? { keyDesk.unlockedFromCacheUntil }

  /// Keeps this vault's master key in `cache` for `lifetime` seconds (at most 15 minutes),
  /// replacing an earlier entry. Returns when it expires.
  @discardableResult
  public func keepUnlocked(
    in cache: KeyCache, for lifetime: TimeInterval = KeyCache.defaultLifetime
  )
    throws(VaultError) -> Date {
    try keyDesk.keepUnlocked(in: cache, for: lifetime)
  }

  /// When this vault's cached key expires, or nil when none is cached (it is locked).
  public func unlockedUntil(in cache: KeyCache) -> Date? {
    keyDesk.unlockedUntil(in: cache)
  }

  /// Forgets the cached key of the vault at `path`; no passphrase needed. True when there
  /// was one.
  @discardableResult
  public static func lock(at path: String, cache: KeyCache) throws(VaultError) -> Bool {
    try KeyDesk.lock(at: path, cache: cache)
  }

  /// Opens the vault with the key in `cache` when there is one, else with the passphrase
  /// `passphrase()` provides (asked only then).
  ///
  /// A cached key that no longer opens the vault (the vault was re-keyed by a burn, or the
  /// file replaced) is removed from the cache, and the passphrase is asked for.
  public static func open(
    at path: String, cache: KeyCache?, passphrase: () throws -> Passphrase,
    clock: any VaultClock = SystemClock(), random: any RandomSource = SystemRandom()
  ) throws -> Vault {
    try KeyDesk.open(at: path, cache: cache, passphrase: passphrase, clock: clock, random: random)
  }

  /// True when the vault has a recovery key.
  public func hasRecoveryKey() throws(VaultError) -> Bool {
    try keyDesk.hasRecoveryKey()
  }

  /// Creates a new random recovery key, stores its keyslot and returns it to be shown once.
  /// A previous recovery key stops working.
  @discardableResult
  public func addRecoveryKey() throws(VaultError) -> RecoveryKey {
    try keyDesk.addRecoveryKey()
  }

  /// Stores a keyslot for `key` (Argon2id INTERACTIVE over its 20 bytes), replacing any
  /// previous recovery keyslot in the same transaction.
  public func addRecoveryKey(_ key: RecoveryKey) throws(VaultError) {
    try keyDesk.addRecoveryKey(key)
  }

  /// Deletes the recovery keyslot and re-keys the vault as ``changePassphrase(to:kdf:progress:)``
  /// does, so neither the printed key nor a copy of the old file opens anything written
  /// afterwards. Needs the vault opened with its passphrase.
  public func removeRecoveryKey(progress: ProgressHandler? = nil) throws(VaultError) {
    try keyDesk.removeRecoveryKeyAndRekey(progress: progress)
  }

  /// Opens the vault with its recovery key, for example to set a new passphrase.
  ///
  /// A typo in the key was already caught by ``RecoveryKey/init(parsing:)``; here a key that
  /// was removed or belongs to another vault gives ``VaultError/wrongRecoveryKey``.
  public static func open(
    at path: String, recoveryKey: RecoveryKey, clock: any VaultClock = SystemClock(),
    random: any RandomSource = SystemRandom()
  ) throws(VaultError) -> Vault {
    try KeyDesk.open(at: path, recoveryKey: recoveryKey, clock: clock, random: random)
  }
}

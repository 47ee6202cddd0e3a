import Foundation

/// Time-limited unlock through a ``KeyCache`` (security.md §3.9).
extension Vault {
  /// When the master key came from the cache: when that cached entry expires. Nil when the
  /// vault was opened with the passphrase or the recovery key.
  public var unlockedFromCacheUntil: Date? { unlockState.cachedUntil }

  /// Keeps this vault's master key in `cache` for `lifetime` seconds (at most 15 minutes),
  /// replacing an earlier entry. Returns when it expires.
  @discardableResult
  public func keepUnlocked(
    in cache: KeyCache, for lifetime: TimeInterval = KeyCache.defaultLifetime
  )
    throws(VaultError) -> Date
  {
    guard lifetime >= 1, lifetime <= KeyCache.maximumLifetime else {
      throw .invalidInput(.unlockDuration)
    }
    let seconds = UInt32(lifetime.rounded(.down))
    let expiry = clock.now().addingTimeInterval(TimeInterval(seconds))
    try cache.store(
      masterKey: cipher.masterKey, vaultID: vaultID, expiresAt: expiry.storedMilliseconds,
      lifetime: seconds)
    return expiry
  }

  /// When this vault's cached key expires, or nil when none is cached (it is locked).
  public func unlockedUntil(in cache: KeyCache) -> Date? {
    cache.load(vaultID: vaultID).map { Date(storedMilliseconds: $0.expiresAt) }
  }

  /// Forgets the cached key of the vault at `path`; no passphrase needed. True when there
  /// was one.
  @discardableResult
  public static func lock(at path: String, cache: KeyCache) throws(VaultError) -> Bool {
    let database = try VaultDatabase.open(at: path)
    let vaultID = try database.read { session in try session.vaultID() }
    return cache.remove(vaultID: vaultID)
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
    if let cache,
      let vault = try openFromCache(at: path, cache: cache, clock: clock, random: random)
    {
      return vault
    }
    return try Vault.open(at: path, passphrase: try passphrase(), clock: clock, random: random)
  }

  private static func openFromCache(
    at path: String, cache: KeyCache, clock: any VaultClock, random: any RandomSource
  ) throws(VaultError) -> Vault? {
    try Sodium.ensureReady()
    let database = try VaultDatabase.open(at: path)
    let vaultID = try database.read { session in try session.vaultID() }
    guard let cached = cache.load(vaultID: vaultID) else { return nil }
    let cipher = RecordCipher(vaultID: vaultID, masterKey: cached.masterKey, random: random)
    let vault = Vault(path: path, database: database, cipher: cipher, clock: clock)
    // The manifest authenticates under the master key: a stale key fails here, not later.
    guard (try? vault.records.read({ tx in try tx.loadManifestEpoch() })) != nil else {
      _ = cache.remove(vaultID: vaultID)
      return nil
    }
    vault.unlockState.cachedUntil = Date(storedMilliseconds: cached.expiresAt)
    vault.checkDeviceState()
    vault.noticeClockChanges()  // docs/COOLING-OFF.md "When the vault writes"
    return vault
  }
}

import VaultRecords
import Foundation

/// Time-limited unlock through a ``KeyCache`` (SECURITY.md §2.3).
extension KeyDesk {
  var unlockedFromCacheUntil: Date? { unlockState.cachedUntil }

  @discardableResult
  func keepUnlocked(
    in cache: KeyCache, for lifetime: TimeInterval = KeyCache.defaultLifetime
  )
    throws(VaultError) -> Date
  {
    guard KeyCache.lifetimes.contains(lifetime) else {
      throw .invalidInput(.unlockDuration)
    }
    let seconds = UInt32(lifetime.rounded(.down))
    let expiry = clock.now().addingTimeInterval(TimeInterval(seconds))
    try cache.store(
      masterKey: cipher.masterKey, vaultID: vaultID, expiresAt: expiry.storedMilliseconds,
      lifetime: seconds)
    return expiry
  }

  func unlockedUntil(in cache: KeyCache) -> Date? {
    cache.load(vaultID: vaultID).map { Date(storedMilliseconds: $0.expiresAt) }
  }

  @discardableResult
  static func lock(at path: String, cache: KeyCache) throws(VaultError) -> Bool {
    let database = try VaultError.translating(path: path) { try VaultDatabase.open(at: path) }
    let vaultID = try VaultError.translating(path: path) { try database.vaultID() }
    return cache.remove(vaultID: vaultID)
  }

  static func open(
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
    try VaultError.translating { try Sodium.ensureReady() }
    let database = try VaultError.translating(path: path) { try VaultDatabase.open(at: path) }
    let vaultID = try VaultError.translating(path: path) { try database.vaultID() }
    guard let cached = cache.load(vaultID: vaultID) else { return nil }
    let cipher = RecordCipher(vaultID: vaultID, masterKey: cached.masterKey, random: random)
    let vault = Vault(path: path, database: database, cipher: cipher, clock: clock)
    // The manifest authenticates under the master key: a stale key fails here, not later.
    guard (try? vault.records.read({ tx in try tx.loadManifestEpoch() })) != nil else {
      _ = cache.remove(vaultID: vaultID)
      return nil
    }
    vault.unlockState.cachedUntil = Date(storedMilliseconds: cached.expiresAt)
    vault.noticeOnOpen()
    return vault
  }
}

import LetterVault

/// After a re-key (`passwd`, `recovery remove`) a cached key is the old one: it is removed at
/// once rather than found stale by the next command (SECURITY.md §2.3).
enum KeyCacheRelease {
  static func afterRekey(path: String) {
    if let cache = KeyCache.sessionKeyring(), (try? Vault.lock(at: path, cache: cache)) == true {
      Console.info("the vault was unlocked with the old key, so it is locked now")
    }
  }
}

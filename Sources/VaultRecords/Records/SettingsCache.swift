/// The SETTINGS last opened under a checked hash, keyed by that hash.
///
/// Every command reads the SETTINGS more than once (the open's clock and jot-key check, then
/// the command, and every write's clock observation), and each read was a b-tree descent
/// into the bulky index rows at the start of the key space (0.14 ms at 10,000 letters, 0.44
/// ms at 100,000; docs/PERFORMANCE.md, round 7), a hash, an AEAD open and a parse. A read
/// whose MANIFEST root, authenticated in the same transaction, names the hash of the
/// envelope these settings were opened from gets them without touching the row: the root
/// vouches for exactly those bytes (FORMAT.md §7). A read without a hash to check against
/// (`loadSettings(manifest: nil)`) never uses it. It lives in the ``RecordCipher``, so a new
/// master key starts empty. Not thread-safe, like the key scratch.
package final class SettingsCache {
  private var hash: [UInt8] = []
  private var settings: VaultSettings?

  /// The settings opened from the envelope whose BLAKE2b is `hash`, if they were the last.
  package func settings(hash: [UInt8]) -> VaultSettings? {
    guard let settings, !hash.isEmpty, hash == self.hash else { return nil }
    return settings
  }

  package func store(hash: [UInt8], settings: VaultSettings) {
    self.hash = hash
    self.settings = settings
  }
}

import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// A vault keeps the SETTINGS it last opened, keyed by the hash the authenticated MANIFEST
/// root names (SettingsCache.swift, docs/PERFORMANCE.md round 7). What another process writes
/// meanwhile must still be seen; a root that names other bytes must never be answered from
/// memory. Seen failing (the first vault kept saying there was no rule for "Sam") with the
/// cache taking any hash.
@Suite struct SettingsCacheTests {
  @Test func settingsWrittenByAnotherOpenVaultAreSeen() throws {
    let test = try TestVault()
    defer { test.remove() }
    #expect(try test.vault.rules().recipients.isEmpty)
    let other = try test.reopen()
    _ = try other.addRecipient(name: "Sam")
    #expect(try test.vault.rules().recipients.map(\.name) == ["Sam"])
    _ = try test.vault.addRecipient(name: "Dr. Hale")
    #expect(Set(try other.rules().recipients.map(\.name)) == ["Sam", "Dr. Hale"])
  }

  /// The cache answers only for the exact hash: an unchecked read (no root) goes to the row,
  /// and a hash that differs by one byte is a miss.
  @Test func onlyTheExactHashIsAnswered() throws {
    let cache = SettingsCache()
    let settings = VaultSettings(timeZoneIdentifier: "UTC")
    let hash = [UInt8](repeating: 7, count: 32)
    #expect(cache.settings(hash: hash) == nil)
    cache.store(hash: hash, settings: settings)
    #expect(cache.settings(hash: hash) == settings)
    var other = hash
    other[31] ^= 1
    #expect(cache.settings(hash: other) == nil)
    #expect(cache.settings(hash: []) == nil)
  }
}

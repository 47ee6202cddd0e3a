#if os(Linux)
  import CSystem
  import Foundation
  import Glibc
  import Testing

  @testable import LetterVault

  /// SECURITY.md §2 T42: the kernel-keyring unlock cache (real keyring, no fake).
  @Suite struct KeyCacheTests {
    /// The `/proc/keys` line of this vault's cached key, if the kernel shows one to us.
    static func procKeysLine(_ vault: Vault) throws -> [Substring]? {
      let description = KeyCache.description(vaultID: vault.vaultID)
      let text = try String(contentsOfFile: "/proc/keys", encoding: .utf8)
      return text.split(separator: "\n").map {
        $0.split(separator: " ", omittingEmptySubsequences: true)
      }
      .first { $0.count >= 9 && $0[8].hasPrefix(description + ":") }
    }

    @Test func theCachedKeyIsAUserKeyReadableOnlyByItsPossessor() throws {
      let cache = try #require(KeyCache.sessionKeyring())
      let test = try TestVault()
      defer { test.remove() }
      defer { _ = try? Vault.lock(at: test.path, cache: cache) }
      try test.vault.keepUnlocked(in: cache, for: 60)
      let line = try #require(try Self.procKeysLine(test.vault))
      // Columns: id, flags, usage, timeout, permissions, uid, gid, type, description.
      #expect(line[4] == "2b000000")  // KEY_POS_VIEW|READ|SEARCH|SETATTR, nothing else
      #expect(line[7] == "user")
      #expect(line[3].hasSuffix("s") || line[3].hasSuffix("m"))  // a timeout is set
    }

    @Test func aCachedVaultOpensWithoutThePassphraseUntilLocked() throws {
      let cache = try #require(KeyCache.sessionKeyring())
      let test = try TestVault()
      defer { test.remove() }
      let id = try test.vault.write(LetterDraft(recipient: "Dr. Hale", text: "cached"))
      var asked = 0
      let ask = {
        asked += 1
        return test.passphrase
      }
      let until = try test.vault.keepUnlocked(in: cache, for: 120)
      let fromCache = try Vault.open(
        at: test.path, cache: cache, passphrase: ask, clock: test.clock)
      #expect(asked == 0)
      #expect(
        fromCache.unlockedFromCacheUntil == Date(storedMilliseconds: until.storedMilliseconds))
      #expect(try fromCache.letter(id).body == "cached")
      #expect(try Vault.lock(at: test.path, cache: cache))
      #expect(try Self.procKeysLine(test.vault) == nil)
      let afterLock = try Vault.open(
        at: test.path, cache: cache, passphrase: ask, clock: test.clock)
      #expect(asked == 1)
      #expect(afterLock.unlockedFromCacheUntil == nil)
      #expect(try !Vault.lock(at: test.path, cache: cache))
    }

    @Test func theKernelForgetsTheKeyAfterItsTimeout() throws {
      let cache = try #require(KeyCache.sessionKeyring())
      let test = try TestVault()
      defer { test.remove() }
      defer { _ = try? Vault.lock(at: test.path, cache: cache) }
      try test.vault.keepUnlocked(in: cache, for: 2)
      let description = KeyCache.description(vaultID: test.vault.vaultID)
      #expect(letters_key_search(cache.keyring.keyring, description) > 0)
      sleep(3)  // a wait for the kernel's timer, not a timing assertion
      #expect(letters_key_search(cache.keyring.keyring, description) == -Int(EKEYEXPIRED))
      #expect(test.vault.unlockedUntil(in: cache) == nil)
      var asked = false
      _ = try Vault.open(
        at: test.path, cache: cache,
        passphrase: {
          asked = true
          return test.passphrase
        })
      #expect(asked)
      // Unlocking again at once works: the expired key, still linked until the kernel's
      // garbage collector runs, is unlinked rather than refusing the new one.
      #expect(try Self.procKeysLine(test.vault)?[3] == "expd")
      try test.vault.keepUnlocked(in: cache, for: 60)
      #expect(test.vault.unlockedUntil(in: cache) != nil)
    }

    @Test(arguments: [0.0, 901.0, 3600.0])
    func lifetimesOutsideOneSecondToFifteenMinutesAreRefused(seconds: Double) throws {
      let cache = try #require(KeyCache.sessionKeyring())
      let test = try TestVault()
      defer { test.remove() }
      #expect(throws: VaultError.self) { try test.vault.keepUnlocked(in: cache, for: seconds) }
      #expect(test.vault.unlockedUntil(in: cache) == nil)
    }

    @Test func aStaleCachedKeyAfterBurnFallsBackToThePassphraseAndIsForgotten() throws {
      let cache = try #require(KeyCache.sessionKeyring())
      let test = try TestVault()
      defer { test.remove() }
      defer { _ = try? Vault.lock(at: test.path, cache: cache) }
      let id = try test.vault.write(LetterDraft(recipient: "A", text: "to burn"))
      try test.vault.keepUnlocked(in: cache, for: 120)
      try test.vault.burn(id)
      var asked = false
      let vault = try Vault.open(
        at: test.path, cache: cache,
        passphrase: {
          asked = true
          return test.passphrase
        })
      #expect(asked)
      #expect(vault.unlockedFromCacheUntil == nil)
      #expect(try Self.procKeysLine(test.vault) == nil)
    }
  }
#endif

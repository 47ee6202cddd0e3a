import Foundation
import GRDB
import LetterVault
import Testing

/// `passwd` and `recovery remove` give the vault a new key (FORMAT.md §15.7; SECURITY.md
/// §2.2): an old keyslot put back, or a key read from the keyring before, opens nothing
/// written afterwards.
@Suite struct RekeyTests {
  static func keyslots(_ path: String) throws -> [(Data, Data)] {
    try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "SELECT slot_id, blob FROM keyslot").map { ($0["slot_id"], $0["blob"]) }
    }
  }

  static func putBack(_ slots: [(Data, Data)], into path: String) throws {
    try DatabaseQueue(path: path).write { db in
      for (id, blob) in slots {
        try db.execute(sql: "INSERT OR REPLACE INTO keyslot (slot_id, blob) VALUES (?, ?)", arguments: [id, blob])
      }
    }
  }

  func newPassphraseFile(_ fixture: CLIFixture) throws -> String {
    let file = fixture.directory.appendingPathComponent("new-passphrase").path
    try "a different long passphrase\n".write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }

  /// Seen failing before the re-key: the old slot opened the unchanged master key, `show`
  /// exited 0 with the old passphrase.
  @Test func anOldKeyslotPutBackAfterPasswdOpensNothing() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("before passwd\n")
    let old = try Self.keyslots(fixture.vault)
    let newFile = try newPassphraseFile(fixture)
    let changed = try fixture.run(["passwd"], environment: ["LETTERS_NEW_PASSPHRASE_FILE": newFile])
    #expect(changed.status == 0, "\(changed.stderr)")
    #expect(changed.stderr.contains("new key"))
    try Self.putBack(old, into: fixture.vault)
    let before = try fixture.vaultBytes()
    let shown = try fixture.run(["show", id, "--text-only"])
    #expect(shown.status == 77, "\(shown.stderr)")
    #expect(shown.stdout.isEmpty)
    #expect(try fixture.run(["list"]).status == 77)
    #expect(try fixture.vaultBytes() == before)
    let fresh = try fixture.run(["show", id, "--text-only"], environment: ["LETTERS_PASSPHRASE_FILE": newFile])
    #expect(fresh.stdout == "before passwd\n")
  }

  /// Seen failing before: `recovery remove` only deleted the slot, so the recovery slot put
  /// back opened the vault again (`passwd --recovery` exited 0).
  @Test func aRemovedRecoveryKeysSlotPutBackOpensNothing() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("before recovery remove\n")
    let added = try fixture.run(["recovery", "add", "--stdout"])
    #expect(added.status == 0, "\(added.stderr)")
    let keyFile = fixture.directory.appendingPathComponent("recovery-key").path
    try added.stdout.write(toFile: keyFile, atomically: true, encoding: .utf8)
    let old = try Self.keyslots(fixture.vault)
    let removed = try fixture.run(["recovery", "remove"])
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(removed.stderr.contains("new key"))
    #expect(try Self.keyslots(fixture.vault).count == 1)
    try Self.putBack(old, into: fixture.vault)
    let newFile = try newPassphraseFile(fixture)
    let before = try fixture.vaultBytes()
    let recovered = try fixture.run(
      ["passwd", "--recovery"],
      environment: ["LETTERS_RECOVERY_KEY_FILE": keyFile, "LETTERS_NEW_PASSPHRASE_FILE": newFile])
    #expect(recovered.status == 77, "\(recovered.stderr)")
    #expect(try fixture.vaultBytes() == before)
    // The passphrase opens through its current slot, whatever order the slots are tried in.
    #expect(try fixture.run(["show", id, "--text-only"]).stdout == "before recovery remove\n")
  }

  /// Seen failing before: `passwd` without `--kdf` wrote a `moderate` slot (opslimit 3) for
  /// a vault made `interactive`.
  @Test func passwdKeepsTheVaultsKeyDerivationCostUnlessAsked() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let newFile = try newPassphraseFile(fixture)
    #expect(try fixture.run(["passwd"], environment: ["LETTERS_NEW_PASSPHRASE_FILE": newFile]).status == 0)
    let slots = try Self.keyslots(fixture.vault)
    #expect(slots.count == 1)
    #expect(slots.first.map { $0.1[8] } == 2)  // opslimit of `interactive` (FORMAT.md §4.2)
    #expect(slots.first.map { $0.1[16..<24] } == Data([0, 0, 0, 4, 0, 0, 0, 0]))  // 64 MiB
  }

  #if os(Linux)
    /// Seen failing before: the key read from the keyring while unlocked read the letter
    /// written after two `passwd` runs.
    @Test func aKeyReadFromTheKeyringBeforePasswdCannotReadALetterWrittenAfter() throws {
      let fixture = try CLIFixture()
      defer { fixture.remove() }
      defer { _ = try? fixture.run(["lock"]) }
      _ = try fixture.write("before\n")
      let unlocked = try fixture.run(["unlock", "--for", "2m"])
      #expect(unlocked.status == 0, "\(unlocked.stderr)")
      // Another process of the same session reads the key while the vault is unlocked.
      let thief = try Vault.open(
        at: fixture.vault, cache: KeyCache.sessionKeyring(),
        passphrase: { throw CocoaError(.userCancelled) })
      let newFile = try newPassphraseFile(fixture)
      let changed = try fixture.run(["passwd"], environment: ["LETTERS_NEW_PASSPHRASE_FILE": newFile])
      #expect(changed.status == 0, "\(changed.stderr)")
      #expect(changed.stderr.contains("locked now"))
      let after = try fixture.run(["write", "--to", "Mum"], stdin: "after\n", environment: ["LETTERS_PASSPHRASE_FILE": newFile])
      #expect(after.status == 0, "\(after.stderr)")
      let written = after.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(throws: VaultError.self) { try thief.letter(try thief.resolve(written)) }
    }
  #endif
}

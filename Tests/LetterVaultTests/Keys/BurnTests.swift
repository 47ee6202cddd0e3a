import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// SECURITY.md §2.6: burn destroys a draft or held letter and re-keys the vault.
@Suite struct BurnTests {
  /// Every stored envelope of one letter (META, BODY, NOTE rows).
  static func envelopes(of id: LetterID, in vault: Vault) throws -> [[UInt8]] {
    try vault.database.read { session in
      try session.allObjects().filter { $0.objectID == id.bytes }.map(\.envelope)
    }
  }

  static func keyslotBlobs(_ vault: Vault) throws -> [[UInt8]] {
    try vault.database.read { session in try session.keyslots().map(\.blob) }
  }

  static func contains(_ haystack: Data, _ needle: [UInt8]) -> Bool {
    haystack.range(of: Data(needle)) != nil
  }

  /// The head (header and nonce) and the tail (end of ciphertext and tag) of an envelope:
  /// each is contiguous in the file even when SQLite spills the middle to overflow pages.
  static func pieces(_ envelope: [UInt8]) -> [[UInt8]] {
    [Array(envelope.prefix(64)), Array(envelope.suffix(48))]
  }

  @Test func burningRemovesEveryByteOfTheLetterAndEveryOldKeyslot() throws {
    let test = try TestVault()
    defer { test.remove() }
    let doomed = try test.vault.write(LetterDraft(recipient: "A", text: "never to be read"))
    try test.vault.edit(doomed, body: Array("never, ever to be read".utf8))
    try test.vault.addNote(doomed, text: "a note that goes too")
    let kept = try test.vault.write(LetterDraft(recipient: "B", subject: "stays", text: "I stay"))
    try test.vault.hold(kept)
    let doomedEnvelopes = try Self.envelopes(of: doomed, in: test.vault)
    let oldSlots = try Self.keyslotBlobs(test.vault)
    #expect(doomedEnvelopes.count >= 4)
    let before = try test.fileBytes()
    let doomedPieces = doomedEnvelopes.flatMap(Self.pieces)
    // Positive control: the same search finds every piece before the burn.
    #expect(doomedPieces.allSatisfy { Self.contains(before, $0) })
    #expect(oldSlots.allSatisfy { Self.contains(before, $0) })

    let report = try test.vault.burn(doomed)

    #expect(!report.recoveryKeyRemoved)
    let after = try test.fileBytes()
    #expect(doomedPieces.filter { Self.contains(after, $0) }.isEmpty)
    // The new slots keep salt and cost (the first 56 bytes); nonce and wrapped key are new.
    #expect(oldSlots.filter { Self.contains(after, Array($0.suffix(72))) }.isEmpty)
    #expect(throws: VaultError.letterNotFound(doomed.short)) { try test.vault.letter(doomed) }
    #expect(try test.vault.verify().isEmpty)
    let reopened = try test.reopen()
    #expect(try reopened.letter(kept).body == "I stay")
    #expect(try reopened.letter(kept).summary.state == .held)
    #expect(try reopened.verify().isEmpty)
    #expect(try reopened.list().letters.map(\.id) == [kept])
  }

  @Test func theOldMasterKeyNoLongerOpensAnythingAfterABurn() throws {
    let test = try TestVault()
    defer { test.remove() }
    let doomed = try test.vault.write(LetterDraft(recipient: "A", text: "gone"))
    let kept = try test.vault.write(LetterDraft(recipient: "B", text: "kept"))
    let oldCipher = test.vault.cipher
    try test.vault.burn(doomed)
    let stale = Vault(
      path: test.path, database: test.vault.database, cipher: oldCipher, clock: test.clock)
    #expect(throws: VaultError.self) { try stale.letter(kept) }
    #expect(try test.vault.letter(kept).body == "kept")
  }

  @Test func aRecoveryKeyIsRemovedByBurnBecauseItWrapsTheOldKey() throws {
    let test = try TestVault()
    defer { test.remove() }
    let doomed = try test.vault.write(LetterDraft(recipient: "A", text: "gone"))
    let key = try test.vault.addRecoveryKey()
    let report = try test.vault.burn(doomed)
    #expect(report.recoveryKeyRemoved)
    #expect(try !test.vault.hasRecoveryKey())
    #expect(throws: VaultError.wrongRecoveryKey) {
      try Vault.open(at: test.path, recoveryKey: key, clock: test.clock)
    }
    _ = try test.reopen()
  }

  @Test func aSentLetterCannotBeBurnedAndNothingChanges() throws {
    let test = try TestVault()
    defer { test.remove() }
    let sent = try test.vault.write(LetterDraft(recipient: "A", text: "already gone out"))
    try test.vault.mutate { tx, manifest in
      var (meta, version) = try tx.loadMeta(sent, manifest: manifest)
      meta.state = .sent
      try tx.storeMeta(
        meta, for: sent, version: version + 1, manifest: &manifest)
    }
    let before = try test.fileBytes()
    #expect(throws: VaultError.self) { try test.vault.burn(sent) }
    #expect(try test.fileBytes() == before)
    #expect(try test.vault.letter(sent).body == "already gone out")
  }

  @Test func burningNeedsTheVaultOpenedWithItsPassphrase() throws {
    let test = try TestVault()
    defer { test.remove() }
    let doomed = try test.vault.write(LetterDraft(recipient: "A", text: "gone"))
    let key = try test.vault.addRecoveryKey()
    let recovered = try Vault.open(at: test.path, recoveryKey: key, clock: test.clock)
    let before = try test.fileBytes()
    #expect(throws: VaultError.self) { try recovered.burn(doomed) }
    #expect(try test.fileBytes() == before)
  }

  @Test func burnAfterAPassphraseChangeReWrapsUnderTheNewPassphrase() throws {
    let test = try TestVault()
    defer { test.remove() }
    let doomed = try test.vault.write(LetterDraft(recipient: "A", text: "gone"))
    let fresh = Passphrase("another long passphrase")
    try test.vault.changePassphrase(to: fresh, kdf: .testing)
    try test.vault.burn(doomed)
    #expect(throws: VaultError.wrongPassphrase) { try test.reopen() }
    _ = try Vault.open(at: test.path, passphrase: fresh, clock: test.clock)
  }
}

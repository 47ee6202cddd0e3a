import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Unlocking and changing the passphrase (SECURITY.md §2, §1.16; §5.2 T09, T11).
@Suite struct PassphraseTests {
  @Test func aWrongPassphraseIsReportedAsSuchAndLeavesTheFileByteIdentical() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.write(LetterDraft(text: "private"))
    let before = try test.fileBytes()
    for wrong in ["correct horse battery stapl", "", "Correct horse battery staple"] {
      #expect(throws: VaultError.wrongPassphrase) {
        _ = try Vault.open(at: test.path, passphrase: Passphrase(wrong), clock: test.clock)
      }
    }
    #expect(try test.fileBytes() == before)
    #expect(!FileManager.default.fileExists(atPath: test.path + "-journal"))
  }

  /// T10: the same passphrase typed precomposed (Linux) and decomposed (macOS) is one key;
  /// a compatibility character ("ﬁ", U+FB01) is not folded into another.
  @Test func aPassphraseTypedAsNFCOrNFDOpensTheSameVault() throws {
    let nfc = "Grüße aus Köln, ﬁne café"
    let nfd = nfc.decomposedStringWithCanonicalMapping
    #expect(Array(nfc.utf8) != Array(nfd.utf8))
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(text: "kept safe"))
    try test.vault.changePassphrase(to: Passphrase(nfd), kdf: .testing)

    let opened = try Vault.open(at: test.path, passphrase: Passphrase(nfc), clock: test.clock)
    #expect(try opened.letter(id).body == "kept safe")
    #expect(throws: VaultError.wrongPassphrase) {
      _ = try Vault.open(at: test.path, passphrase: Passphrase("Grüße aus Köln, fine café"), clock: test.clock)
    }
    // Bytes that are not UTF-8 are used as they are.
    let raw: [UInt8] = [0x70, 0xFF, 0xFE, 0x71]
    #expect(Array(Passphrase.normalised(raw[...])) == raw)
    #expect(Array(Passphrase.normalised(Array(nfd.utf8)[...])) == Array(nfc.utf8))
  }

  @Test func changingThePassphraseReKeysTheVaultAndRetiresEveryOldSlot() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(recipient: "Dr. Hale", text: "kept safe"))
    try test.vault.addNote(id, text: "a note, sealed again too")
    // A recovery slot wrapped with the real keyslot code: it wraps the old master key.
    let recovery = SecretBytes(copying: [UInt8](repeating: 0x5A, count: 20))
    let recoverySlot = try Keyslot.wrap(
      test.vault.cipher.masterKey, kind: .recoveryKey, secret: recovery, kdf: .testing,
      vaultID: test.vault.vaultID, random: SystemRandom()
    ).bytes
    let file = try VaultFile(path: test.path)
    try file.putKeyslot(id: [UInt8](repeating: 0xEE, count: 8), blob: recoverySlot)
    let oldKey = SecretBytes(copying: test.vault.cipher.masterKey.withUnsafeBytes { Array($0) })
    let oldLetterKey = try test.vault.records.read { tx in try tx.loadMeta(id, manifest: nil).meta.letterKey }

    let newPassphrase = Passphrase("a new and longer passphrase")
    let report = try test.vault.changePassphrase(to: newPassphrase, kdf: .testing)

    #expect(report.recoveryKeyRemoved)
    #expect(throws: VaultError.wrongPassphrase) {
      _ = try Vault.open(at: test.path, passphrase: test.passphrase, clock: test.clock)
    }
    let reopened = try Vault.open(at: test.path, passphrase: newPassphrase, clock: test.clock)
    #expect(try reopened.letter(id).body == "kept safe")
    #expect(try reopened.notes(id).map(\.text) == ["a note, sealed again too"])
    #expect(try reopened.verify().isEmpty)
    #expect(!reopened.cipher.masterKey.constantTimeEquals(oldKey))
    let newLetterKey = try reopened.records.read { tx in try tx.loadMeta(id, manifest: nil).meta.letterKey }
    #expect(newLetterKey != oldLetterKey)
    // One slot: the new passphrase's; the recovery slot wrapped the old key and is gone.
    #expect(try file.keyslots().count == 1)
    #expect(!RecordStore(database: reopened.database, cipher: RecordCipher(
      vaultID: reopened.vaultID, masterKey: oldKey, random: SystemRandom())).keyOpensVault())
  }
}

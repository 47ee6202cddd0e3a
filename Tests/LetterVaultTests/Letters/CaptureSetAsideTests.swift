import Foundation
import GRDB
import Testing

@testable import LetterVault

/// A capture anyone could write never blocks the vault; a swapped capture key is named by
/// `verify` (FORMAT.md §6.5; SECURITY.md §2.4).
@Suite struct CaptureSetAsideTests {
  /// A capture sealed to the vault's real public key, with fields `jot` itself would refuse.
  static func plantCapture(recipient: String, in test: TestVault) throws {
    var plaintext = ByteWriter(capacity: 1024)
    plaintext.u8(CaptureConstant.version)
    plaintext.i64(test.clock.now().storedMilliseconds)
    plaintext.text(recipient)
    plaintext.text("")
    plaintext.blob(Array("injected".utf8))
    let padded = Padding.pad(plaintext.bytes, minimum: FormatConstant.minimumBodyBucket)
    try DatabaseQueue(path: test.path).write { db in
      let publicKey = try Data.fetchOne(db, sql: "SELECT public_key FROM capture")!
      let row = CaptureConstant.magic + [CaptureConstant.version] + SealedBox.seal(padded, to: [UInt8](publicKey))
      try db.execute(
        sql: "INSERT INTO object (object_id, kind, revision, env) VALUES (?, ?, 0, ?)",
        arguments: [Data(CaptureConstant.objectIDPrefix + [UInt8](repeating: 0x42, count: 12)), CaptureConstant.rowKind, Data(row)])
    }
  }

  /// Seen failing before: acceptCaptures threw invalidInput (the CLI's 64) for every command.
  @Test func aCaptureWithASixHundredByteRecipientIsSetAsideAndTheRestJoin() throws {
    let test = try TestVault()
    defer { test.remove() }
    try Vault.jot(LetterDraft(recipient: "Dr. Hale", text: "a real jot"), at: test.path, clock: test.clock)
    try Self.plantCapture(recipient: String(repeating: "x", count: 600), in: test)
    let vault = try test.reopen()
    let (accepted, unreadable) = try vault.acceptCaptures()
    #expect(accepted.count == 1)
    #expect(unreadable.map(\.part) == [.jottedText])
    #expect(try vault.letter(accepted[0]).body == "a real jot")
    #expect(try vault.list().letters.count == 1)
    #expect(try vault.verify().isEmpty)
    // Seen failing before (no such count): `status` names what was set aside.
    #expect(try vault.status().capturesSetAside == 1)
  }

  /// Seen failing before: verify returned no damage with a swapped public key, and no open
  /// said anything. One changed row never locks the writer out of their letters: every open
  /// warns, `verify` names it, and `passwd` makes a new pair.
  @Test func aSwappedCaptureKeyIsNamedAtEveryOpenAndPasswdReplacesIt() throws {
    let test = try TestVault()
    defer { test.remove() }
    let letter = try test.vault.write(LetterDraft(recipient: "Mum", text: "still here"))
    try DatabaseQueue(path: test.path).write { db in
      try db.execute(sql: "UPDATE capture SET public_key = ?", arguments: [Data(repeating: 7, count: 32)])
    }
    let vault = try test.reopen()
    #expect(vault.warnings == [.captureKeyChanged])
    #expect(try vault.verify().map(\.part) == [.captureKey])
    #expect(try vault.letter(letter).body == "still here")

    try vault.changePassphrase(to: Passphrase("a new passphrase, long enough"), kdf: .interactive)
    let renewed = try Vault.open(
      at: test.path, passphrase: Passphrase("a new passphrase, long enough"), clock: test.clock)
    #expect(renewed.warnings.isEmpty)
    #expect(try renewed.verify().isEmpty)
  }
}

import Foundation
import GRDB
import LetterVault
import Testing

/// Write-only capture: `Vault.jot` needs no passphrase and reads nothing (FORMAT.md §6.5).
@Suite struct CaptureTests {
  @Test func aJottedLetterJoinsAsADraftWithItsOriginalTime() throws {
    let test = try TestVault()
    defer { test.remove() }
    let jottedAt = test.clock.now()
    try Vault.jot(
      LetterDraft(recipient: "Dr. Hale", subject: "3 a.m.", text: "I could not sleep"),
      at: test.path, clock: test.clock)
    test.clock.advance(6 * 3600)
    let vault = try test.reopen()
    #expect(try vault.list().letters.isEmpty, "captures wait until they are accepted")
    let (accepted, unreadable) = try vault.acceptCaptures()
    #expect(accepted.count == 1)
    #expect(unreadable.isEmpty)
    let letter = try vault.letter(accepted[0])
    #expect(letter.body == "I could not sleep")
    #expect(letter.summary.state == .draft)
    #expect(letter.summary.recipient == "Dr. Hale")
    #expect(letter.summary.subject == "3 a.m.")
    #expect(abs(letter.summary.created.timeIntervalSince(jottedAt)) < 0.001)
    #expect(try vault.history(accepted[0]).first?.detail == "jotted while locked")
    #expect(try vault.acceptCaptures().accepted.isEmpty, "a capture joins exactly once")
    #expect(try vault.verify().isEmpty)
  }

  @Test func jotReadsNoKeyslotAndNoRecord() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.write(LetterDraft(text: "an older letter"))
    let saved = try DatabaseQueue(path: test.path).write { db in
      let rows = try Row.fetchAll(db, sql: "SELECT slot_id, blob FROM keyslot")
      try db.execute(sql: "DELETE FROM keyslot")
      return rows
    }
    // With no keyslot at all, nothing could be unlocked; jotting still works.
    try Vault.jot(LetterDraft(text: "sealed without any key"), at: test.path, clock: test.clock)
    try DatabaseQueue(path: test.path).write { db in
      for row in saved {
        try db.execute(
          sql: "INSERT INTO keyslot (slot_id, blob) VALUES (?, ?)",
          arguments: [row["slot_id"] as Data, row["blob"] as Data])
      }
    }
    let vault = try test.reopen()
    #expect(try vault.acceptCaptures().accepted.count == 1)
    #expect(try vault.list().letters.count == 2)
  }

  @Test func aSwappedPublicKeyIsNamedAndNothingIsTakenIn() throws {
    let test = try TestVault()
    defer { test.remove() }
    let letters = try test.vault.list().letters.count
    try Vault.jot(LetterDraft(text: "hello"), at: test.path, clock: test.clock)
    try DatabaseQueue(path: test.path).write { db in
      try db.execute(sql: "UPDATE capture SET public_key = ?", arguments: [Data(repeating: 7, count: 32)])
    }
    // Named at the open, before any capture is read (FORMAT.md §6.5); the waiting jot stays
    // where it is, unread, and the letters are untouched.
    let vault = try test.reopen()
    #expect(vault.warnings == [.captureKeyChanged])
    let intake = try vault.acceptCaptures()
    #expect(intake.accepted.isEmpty)
    #expect(intake.unreadable == [
      Damage(letterID: nil, part: .captureKey, reason: "the public key does not match the vault's own")
    ])
    #expect(try vault.list().letters.count == letters)
    #expect(try vault.status().capturesSetAside == 1)
  }

  @Test func anAlteredCaptureIsLeftAndReported() throws {
    let test = try TestVault()
    defer { test.remove() }
    try Vault.jot(LetterDraft(text: "hello"), at: test.path, clock: test.clock)
    try DatabaseQueue(path: test.path).write { db in
      var row = try Data.fetchOne(db, sql: "SELECT env FROM object WHERE kind = 6")!
      row[40] ^= 0x01
      try db.execute(sql: "UPDATE object SET env = ? WHERE kind = 6", arguments: [row])
    }
    let vault = try test.reopen()
    let (accepted, unreadable) = try vault.acceptCaptures()
    #expect(accepted.isEmpty)
    #expect(unreadable.count == 1)
    #expect(try vault.list().letters.isEmpty)
  }

  @Test func jotRefusesTextThatIsNotUTF8() throws {
    let test = try TestVault()
    defer { test.remove() }
    let before = try test.fileBytes()
    #expect(throws: VaultError.self) {
      try Vault.jot(LetterDraft(body: [0xFF, 0xFE, 0x41]), at: test.path)
    }
    #expect(try test.fileBytes() == before)
  }
}

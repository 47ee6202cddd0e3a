import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Writing through the public API: large letters, bad input, and the frozen text of a sent letter.
@Suite struct VaultWriteTests {
  @Test func aTenMegabyteLetterRoundTrips() throws {
    let test = try TestVault()
    defer { test.remove() }
    var generator = SeededGenerator(seed: 10)
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz äöü€\n".utf8)
    var body = [UInt8]()
    body.reserveCapacity(10_000_100)
    while body.count < 10_000_000 { body.append(alphabet[Int.random(in: 0..<26, using: &generator)]) }
    body += Array("Grüße — the end\n".utf8)
    let id = try test.vault.write(LetterDraft(body: body))
    let letter = try test.reopen().letter(id)
    #expect(Array(letter.body.utf8) == body)
  }

  @Test func aNonUTF8BodyIsRefusedAndNothingIsWritten() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(text: "fine"))
    let before = try test.fileBytes()
    for bad: [UInt8] in [[0xFF], [0x61, 0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
      #expect {
        _ = try test.vault.write(LetterDraft(body: bad))
      } throws: { error in
        guard case VaultError.invalidInput = error else { return false }
        return true
      }
      #expect {
        try test.vault.edit(id, body: bad)
      } throws: { error in
        guard case VaultError.invalidInput = error else { return false }
        return true
      }
    }
    #expect(try test.fileBytes() == before)
    #expect(try test.vault.list().letters.count == 1)
  }

  /// No public API sends a letter yet (issue 4), so the state is set the way `send` will:
  /// inside one `mutate` transaction, through the real record code.
  static func markSent(_ id: LetterID, in vault: Vault) throws {
    try vault.mutate { tx, manifest in
      var (meta, version) = try tx.loadMeta(id, manifest: manifest)
      meta.state = .sent
      meta.sentAt = 1
      meta.sentHow = 1
      try tx.storeMeta(meta, for: id, version: version + 1, manifest: &manifest)
    }
  }

  /// An edit made from revision 1 after another save made revision 2 is refused, names the
  /// revision the letter is at, and writes nothing; made from revision 2 it is saved.
  @Test func anEditFromAnOlderRevisionIsRefusedAndChangesNothing() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(recipient: "Dr. Hale", text: "first words"))
    try test.vault.edit(id, body: Array("from another window".utf8), basedOn: 1)
    let before = try test.fileBytes()
    #expect(throws: VaultError.notAllowed(.changedSinceRead(id, revision: 2))) {
      try test.vault.edit(id, body: Array("from the editor".utf8), basedOn: 1)
    }
    #expect(try test.fileBytes() == before)
    #expect(try test.vault.letter(id).body == "from another window")
    try test.vault.edit(id, body: Array("from the editor".utf8), basedOn: 2)
    #expect(try test.vault.letter(id).summary.revision == 3)
  }

  @Test func editingASentLetterIsRefusedAndChangesNothing() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(recipient: "Dr. Hale", text: "as it was sent"))
    try Self.markSent(id, in: test.vault)
    let before = try test.fileBytes()
    for attempt: () throws -> Void in [
      { try test.vault.edit(id, body: Array("changed".utf8)) },
      { try test.vault.edit(id, subject: "changed") },
      { try test.vault.hold(id) },
    ] {
      #expect {
        try attempt()
      } throws: { error in
        error as? VaultError == .notAllowed(.sentTextIsKept(id))
          || error as? VaultError == .notAllowed(.sentCannotBeHeld(id))
      }
    }
    #expect(try test.fileBytes() == before)
    #expect(try test.vault.letter(id).body == "as it was sent")
    try test.vault.addNote(id, text: "a reply came")
    #expect(try test.vault.notes(id).map(\.text) == ["a reply came"])
  }
}

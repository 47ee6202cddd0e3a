import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Someone with write access to the file alters, moves, deletes or rolls back rows: every
/// change is noticed and named, and the letters that were not touched still read
/// (SECURITY.md §2 binding table, §1.13; §5.2 T16–T21).
@Suite struct TamperTests {
  // MARK: - One flipped byte in each kind of envelope

  @Test func aFlippedByteInAMetadataEnvelopeNamesThatLetterAndSparesTheOthers() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.meta, of: scene.a.bytes)
    let vault = try scene.test.reopen()
    #expect(TamperScene.damageNames(scene.a) { _ = try vault.letter(scene.a) })
    #expect(try vault.letter(scene.b).body == "letter B")
    let listing = try vault.search("letter")
    #expect(listing.letters.map(\.id) == [scene.b])
    #expect(listing.damaged.map(\.letterID) == [scene.a.description])
    #expect(try vault.searchDesk.listByScanning().damaged.map(\.letterID) == [scene.a.description])
    #expect(try vault.verify().contains { $0.letterID == scene.a.description })
    // `list` reads the LISTING record, checked against the manifest, not this row
    // (FORMAT.md §6.6): it still shows what the writer last saved, and nothing else.
    #expect(Set(try vault.list().letters.map(\.id)) == [scene.a, scene.b])
  }

  @Test func aFlippedByteInABodyEnvelopeNamesThatLetterAndRevision() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.body, of: scene.a.bytes, revision: 2)
    let vault = try scene.test.reopen()
    let found = try #require(TamperScene.damages { _ = try vault.letter(scene.a) })
    #expect(found == [Damage(letterID: scene.a.description, part: .text(revision: 2), reason: found[0].reason)])
    #expect(try vault.letter(scene.b).body == "letter B")
    #expect(try vault.list().letters.count == 2, "metadata is untouched, so both are listed")
    #expect(try vault.verify().map(\.letterID) == [scene.a.description])
  }

  @Test func aFlippedByteInAnOldRevisionIsFoundByVerify() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.body, of: scene.a.bytes, revision: 1)
    let vault = try scene.test.reopen()
    #expect(try vault.letter(scene.a).body == "letter A, second")
    let found = try vault.verify()
    #expect(found.map(\.letterID) == [scene.a.description])
    #expect(found.map(\.part) == [.text(revision: 1)])
  }

  @Test func aFlippedByteInANoteEnvelopeNamesThatLetter() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.note, of: scene.a.bytes)
    let vault = try scene.test.reopen()
    #expect(TamperScene.damageNames(scene.a) { _ = try vault.notes(scene.a) })
    #expect(try vault.notes(scene.b).map(\.text) == ["note on B"])
    #expect(try vault.letter(scene.a).body == "letter A, second")
    #expect(try vault.verify().map(\.part) == [.note(number: 1)])
  }

  @Test func aFlippedByteInTheSettingsEnvelopeIsReportedAndLettersStillRead() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.settings, of: FieldTag.settingsObject)
    let vault = try scene.test.reopen()
    let found = try vault.verify()
    #expect(found.count == 1)
    #expect(found.first?.part == .settings)
    #expect(found.first?.letterID == nil)
    #expect(try vault.letter(scene.a).body == "letter A, second")
    #expect(try vault.letter(scene.b).body == "letter B")
  }

  @Test func aFlippedByteInTheManifestIsReportedWhileEveryLetterStillReads() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.manifest, of: FieldTag.manifestObject)
    let vault = try scene.test.reopen()
    #expect(try vault.letter(scene.a).body == "letter A, second")
    #expect(try vault.letter(scene.b).body == "letter B")
    #expect(try vault.notes(scene.a).map(\.text) == ["note on A"])
    #expect(try vault.history(scene.b).count == 2)
    let listing = try vault.list()
    #expect(Set(listing.letters.map(\.id)) == [scene.a, scene.b])
    #expect(listing.damaged.map(\.part) == [.index])
    #expect(try vault.verify().contains { $0.part == .index })
    #expect(TamperScene.damages { try vault.hold(scene.b) }?.map(\.part) == [.index], "writes refuse")
  }

  // MARK: - Envelopes moved to another place

  @Test func aBodyMovedToAnotherLettersRowIsRejected() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let body = try scene.file.row(.body, of: scene.a.bytes, revision: 2)
    try scene.file.put(.init(objectID: scene.b.bytes, kind: body.kind, revision: 1, envelope: body.envelope))
    let vault = try scene.test.reopen()
    #expect(TamperScene.damageNames(scene.b) { _ = try vault.letter(scene.b) })
    #expect(try vault.letter(scene.a).body == "letter A, second")
  }

  @Test func aBodyMovedToAnotherRevisionNumberIsRejected() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let first = try scene.file.row(.body, of: scene.a.bytes, revision: 1)
    try scene.file.put(.init(objectID: first.objectID, kind: first.kind, revision: 2, envelope: first.envelope))
    let vault = try scene.test.reopen()
    #expect(TamperScene.damageNames(scene.a) { _ = try vault.letter(scene.a) })
    #expect(try vault.letter(scene.b).body == "letter B")
  }

  @Test func aMetadataEnvelopeInABodySlotIsRejected() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let meta = try scene.file.row(.meta, of: scene.a.bytes)
    try scene.file.put(
      .init(objectID: scene.a.bytes, kind: FieldTag.body.rawValue, revision: 2, envelope: meta.envelope))
    let vault = try scene.test.reopen()
    #expect(TamperScene.damageNames(scene.a) { _ = try vault.letter(scene.a) })
  }

  // MARK: - Deletion and rollback (the manifest)

  @Test func aDeletedLetterIsReportedAsMissingWithItsID() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.delete(scene.a.bytes)
    let vault = try scene.test.reopen()
    // `search` and `verify` read the rows; `list` reads the LISTING record (FORMAT.md §6.6).
    let listing = try vault.search("letter")
    #expect(listing.letters.map(\.id) == [scene.b])
    #expect(listing.damaged.map(\.letterID) == [scene.a.description])
    #expect(listing.damaged.first?.reason.contains("missing") == true)
    let found = try vault.verify()
    #expect(found.map(\.letterID) == [scene.a.description])
    #expect(found.first?.reason.contains("missing") == true)
  }

  @Test func aDeletedMetadataRowAloneIsReportedWithTheLettersID() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.delete(scene.a.bytes, kind: .meta)
    let vault = try scene.test.reopen()
    #expect(try vault.search("letter").damaged.map(\.letterID) == [scene.a.description])
    #expect(try vault.searchDesk.listByScanning().damaged.map(\.letterID) == [scene.a.description])
    let found = try vault.verify()
    #expect(!found.isEmpty)
    #expect(found.allSatisfy { $0.letterID == scene.a.description })
  }

  @Test func aMetadataRowRestoredFromAnOlderCopyIsReported() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let old = try scene.file.row(.meta, of: scene.a.bytes)
    try scene.test.vault.hold(scene.a)
    try scene.file.delete(scene.a.bytes, kind: .meta)
    try scene.file.put(old)
    let vault = try scene.test.reopen()
    #expect(TamperScene.damageNames(scene.a) { _ = try vault.letter(scene.a) })
    #expect(try vault.search("letter").damaged.map(\.letterID) == [scene.a.description])
    #expect(try vault.verify().map(\.letterID) == [scene.a.description])
    #expect(try vault.letter(scene.b).body == "letter B")
  }

  @Test func aDeletedBodyRevisionIsReported() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.delete(scene.a.bytes, kind: .body, revision: 1)
    let vault = try scene.test.reopen()
    let found = try vault.verify()
    #expect(found == [Damage(letterID: scene.a.description, part: .text(revision: 1), reason: "missing")])
  }

  // MARK: - Rows from another vault

  @Test func rowsCopiedFromASecondVaultWithTheSamePassphraseAreRejected() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let other = try TestVault()
    defer { other.remove() }
    let c = try other.vault.write(LetterDraft(recipient: "Dr. Hale", text: "from the other vault"))
    let otherFile = try VaultFile(path: other.path)
    for kind in [FieldTag.meta, .body] {
      for row in try otherFile.rows(kind, of: c.bytes) { try scene.file.put(row) }
    }
    let vault = try scene.test.reopen()
    #expect(TamperScene.damageNames(c) { _ = try vault.letter(c) })
    // `search` through the text index walks the manifest, so it never meets the foreign
    // rows (FORMAT.md §6.7); the scan, which reads every row, names them.
    let listing = try vault.search("letter")
    #expect(Set(listing.letters.map(\.id)) == [scene.a, scene.b])
    let scanned = try vault.searchDesk.searchByScanning("letter", filter: LetterFilter(), secondConnection: true)
    #expect(Set(scanned.letters.map(\.id)) == [scene.a, scene.b])
    #expect(scanned.damaged.map(\.letterID) == [c.description])
    #expect(try vault.verify().contains { $0.letterID == c.description })
  }

  @Test func anotherVaultsMetadataUnderAnExistingLettersIDIsRejected() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let other = try TestVault()
    defer { other.remove() }
    let c = try other.vault.write(LetterDraft(text: "from the other vault"))
    let foreign = try VaultFile(path: other.path).row(.meta, of: c.bytes)
    let current = try scene.file.row(.meta, of: scene.a.bytes)
    try scene.file.put(
      .init(objectID: scene.a.bytes, kind: foreign.kind, revision: current.revision, envelope: foreign.envelope))
    let vault = try scene.test.reopen()
    #expect(TamperScene.damageNames(scene.a) { _ = try vault.letter(scene.a) })
  }

  @Test func anotherVaultsManifestIsRejected() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let other = try TestVault()
    defer { other.remove() }
    let foreign = try VaultFile(path: other.path).row(.manifest, of: FieldTag.manifestObject)
    try scene.file.delete(FieldTag.manifestObject)
    try scene.file.put(foreign)
    let vault = try scene.test.reopen()
    #expect(try vault.list().damaged.map(\.part) == [.index])
    #expect(try vault.verify().contains { $0.part == .index })
  }
}

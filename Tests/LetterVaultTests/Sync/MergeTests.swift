import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

@Suite struct MergeTests {
  @Test func lettersRevisionsAndNotesFromTheOtherCopyAreBroughtIn() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let home = copies.home
    let shared = try home.vault.write(LetterDraft(recipient: "Dr. Hale", text: "first"))
    try copies.syncAway()
    home.clock.advance(60)
    let onlyHome = try home.vault.write(LetterDraft(text: "written at home"))
    copies.awayClock.advance(120)
    let onlyAway = try copies.away.write(LetterDraft(text: "written away"))
    try copies.away.edit(shared, body: Array("second, away".utf8))
    try copies.away.addNote(shared, text: "felt better")

    let report = try home.vault.merge(from: copies.awayPath)

    #expect(report.applied)
    #expect(Set(report.changes.map(\.id)) == [shared, onlyAway])
    #expect(try home.vault.letter(shared).body == "second, away")
    #expect(try home.vault.notes(shared).map(\.text) == ["felt better"])
    #expect(try home.vault.letter(onlyAway).body == "written away")
    #expect(try home.vault.letter(onlyHome).body == "written at home")
    #expect(try home.vault.verify().isEmpty)
    #expect(try home.reopen().verify().isEmpty)
  }

  @Test func aDifferentVaultIsRefusedAndNothingChanges() throws {
    let home = try TestVault()
    let other = try TestVault()
    defer {
      home.remove()
      other.remove()
    }
    _ = try other.vault.write(LetterDraft(text: "someone else's"))
    let before = try home.fileBytes()
    #expect {
      try home.vault.merge(from: other.path)
    } throws: { error in
      error as? VaultError == .notAllowed(.differentVault(path: other.path))
    }
    #expect(try home.fileBytes() == before)
  }

  @Test func aDryRunReportsExactlyWhatTheMergeDoesAndWritesNothing() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let shared = try copies.home.vault.write(LetterDraft(text: "one"))
    try copies.syncAway()
    try copies.away.edit(shared, body: Array("two".utf8))
    _ = try copies.away.write(LetterDraft(text: "new"))
    let before = try copies.home.fileBytes()

    let dry = try copies.home.vault.merge(from: copies.awayPath, dryRun: true)

    #expect(!dry.applied)
    #expect(dry.changes.count == 2)
    #expect(try copies.home.fileBytes() == before)
    let real = try copies.home.vault.merge(from: copies.awayPath)
    #expect(real.changes == dry.changes)
  }

  @Test func mergingTheSameCopyTwiceChangesNothingTheSecondTime() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let shared = try copies.home.vault.write(LetterDraft(text: "one"))
    try copies.syncAway()
    copies.home.clock.advance(10)
    try copies.home.vault.edit(shared, body: Array("home two".utf8))
    copies.awayClock.advance(20)
    try copies.away.edit(shared, body: Array("away two".utf8))
    try copies.away.addNote(shared, text: "a note")
    _ = try copies.home.vault.merge(from: copies.awayPath)
    let after = try copies.home.fileBytes()

    let again = try copies.home.vault.merge(from: copies.awayPath)

    #expect(again.changes.isEmpty)
    #expect(!again.applied)
    #expect(try copies.home.fileBytes() == after)
  }

  @Test func aRevisionEditedDifferentlyOnBothSidesKeepsBothTexts() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let shared = try copies.home.vault.write(LetterDraft(text: "one"))
    try copies.syncAway()
    copies.home.clock.advance(10)
    try copies.home.vault.edit(shared, body: Array("home two".utf8))
    copies.home.clock.advance(1000)
    try copies.away.edit(shared, body: Array("away two, later".utf8))

    let report = try copies.home.vault.merge(from: copies.awayPath)

    #expect(report.changes.first?.conflicts == [RevisionConflict(number: 2, keptAs: 3)])
    let contents = try LetterContents.all(copies.home.vault)
    #expect(contents.first?.revisions == [1: "one", 2: "home two", 3: "away two, later"])
    #expect(try copies.home.vault.letter(shared).body == "away two, later")
  }

  @Test func mergingEitherWayGivesTheSameLetters() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let home = copies.home
    let conflicted = try home.vault.write(LetterDraft(recipient: "Dr. Hale", text: "one"))
    let heldHere = try home.vault.write(LetterDraft(text: "to hold"))
    let sentHere = try home.vault.write(LetterDraft(text: "to send"))
    try copies.syncAway()
    let away = copies.away
    home.clock.advance(30)
    try home.vault.edit(conflicted, body: Array("home edit".utf8))
    try home.vault.hold(heldHere)
    try home.vault.markSentForTest(sentHere)
    try home.vault.addNote(conflicted, text: "home note")
    _ = try home.vault.write(LetterDraft(text: "home only"))
    copies.awayClock.advance(90)
    try away.edit(conflicted, body: Array("away edit".utf8))
    try away.edit(heldHere, body: Array("edited away".utf8))
    try away.edit(sentHere, body: Array("edited after sending".utf8))
    try away.addNote(conflicted, text: "away note")
    _ = try away.write(LetterDraft(text: "away only"))

    let (homeCopyPath, homeCopy) = try copies.duplicate(home.path, as: "home-copy.db")
    let (awayCopyPath, awayCopy) = try copies.duplicate(copies.awayPath, as: "away-copy.db")
    _ = try homeCopy.merge(from: copies.awayPath)
    _ = try awayCopy.merge(from: home.path)

    let one = try LetterContents.all(homeCopy)
    let other = try LetterContents.all(awayCopy)
    #expect(one == other)
    #expect(one.count == 5)
    #expect(try homeCopy.letter(heldHere).summary.state == .held)
    #expect(try homeCopy.letter(heldHere).body == "edited away")
    #expect(try homeCopy.letter(sentHere).summary.state == .sent)
    #expect(try homeCopy.letter(sentHere).body == "to send")
    #expect(try awayCopy.letter(sentHere).body == "to send")
    #expect(try homeCopy.notes(conflicted).map(\.text) == ["home note", "away note"])
    #expect(try homeCopy.verify().isEmpty)
    #expect(try awayCopy.verify().isEmpty)
    // And the two results have nothing left to give each other.
    #expect(try homeCopy.merge(from: awayCopyPath, dryRun: true).changes.isEmpty)
    #expect(try awayCopy.merge(from: homeCopyPath, dryRun: true).changes.isEmpty)
  }

  @Test func aDamagedCopyIsRefusedNamingTheLetterAndNothingChanges() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let shared = try copies.home.vault.write(LetterDraft(text: "one"))
    try copies.syncAway()
    try copies.away.edit(shared, body: Array("two".utf8))
    try copies.away.database.write { session in
      var envelope = try session.object(shared.bytes, field: FieldTag.body.rawValue, revision: 2)!
      envelope[40] ^= 0x01
      try session.put(shared.bytes, field: FieldTag.body.rawValue, revision: 2, envelope: envelope)
    }
    let before = try copies.home.fileBytes()

    #expect {
      try copies.home.vault.merge(from: copies.awayPath)
    } throws: { error in
      guard case VaultError.damaged(let damages) = error else { return false }
      return damages.contains {
        $0.letterID == shared.description && $0.copy == copies.awayPath
      }
    }
    #expect(try copies.home.fileBytes() == before)
  }

  @Test func aCopyOpensWithThisVaultsKeySoNoPassphraseIsAsked() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    try copies.syncAway()
    #expect(try copies.home.vault.copyNeedsPassphrase(at: copies.awayPath) == false)
    let other = try TestVault()
    defer { other.remove() }
    #expect(throws: VaultError.self) { try copies.home.vault.copyNeedsPassphrase(at: other.path) }
  }

  @Test func aCopyWhosePassphraseWasChangedMergesWithItsPassphrase() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    try copies.syncAway()
    try copies.away.changePassphrase(to: Passphrase("a different passphrase"), kdf: .testing)
    let id = try copies.away.write(LetterDraft(text: "after passwd"))

    // passwd gave the copy a new key (FORMAT.md §15.7): its own passphrase opens it.
    #expect(try copies.home.vault.copyNeedsPassphrase(at: copies.awayPath))
    _ = try copies.home.vault.merge(
      from: copies.awayPath, passphrase: Passphrase("a different passphrase"))

    #expect(try copies.home.vault.letter(id).body == "after passwd")
  }
}

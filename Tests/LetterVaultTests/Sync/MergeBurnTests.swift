import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// A burned letter stays burned across merges, in both directions.
@Suite struct MergeBurnTests {
  @Test func aLetterBurnedHereIsNotBroughtBackFromAnOlderCopy() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let keep = try copies.home.vault.write(LetterDraft(text: "keep"))
    let burn = try copies.home.vault.write(LetterDraft(text: "let go"))
    try copies.syncAway()
    try copies.home.vault.burn(burn)
    let home = try copies.home.reopen()

    let report = try home.merge(from: copies.awayPath, passphrase: copies.home.passphrase)

    #expect(report.notBroughtBack == 1)
    #expect(try home.list().letters.map(\.id) == [keep])
    #expect(try home.verify().isEmpty)
    let again = try home.merge(from: copies.awayPath, passphrase: copies.home.passphrase)
    #expect(!again.applied)
  }

  @Test func aLetterBurnedInTheOtherCopyIsDestroyedHereToo() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let keep = try copies.home.vault.write(LetterDraft(text: "keep"))
    let burn = try copies.home.vault.write(LetterDraft(text: "let go"))
    try copies.syncAway()
    try copies.away.burn(burn)

    let dry = try copies.home.vault.merge(
      from: copies.awayPath, passphrase: copies.home.passphrase, dryRun: true)
    #expect(dry.removedAsBurned == [burn])
    #expect(!dry.applied)
    #expect(try copies.home.vault.list().letters.count == 2)

    let report = try copies.home.vault.merge(from: copies.awayPath, passphrase: copies.home.passphrase)
    #expect(report.removedAsBurned == [burn])
    #expect(try copies.home.vault.list().letters.map(\.id) == [keep])
    #expect(try copies.home.vault.verify().isEmpty)
    let again = try copies.home.vault.merge(from: copies.awayPath, passphrase: copies.home.passphrase)
    #expect(!again.applied)
    #expect(again.removedAsBurned.isEmpty)
  }
}

import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// A merge that brings in "sent" for a letter this vault still holds takes it, and names it
/// in `status` and `history` (COOLING-OFF.md "Copies and imports").
@Suite struct SentElsewhereMergeTests {
  /// A letter asked to send at home (24 h) and sent on the other computer; home's clock is an
  /// hour past the away clock's start when it merges.
  struct Scene {
    var copies: VaultCopies
    let id: LetterID
    let homeRelease: Date

    init(requestHere: Bool = true, awayAhead: TimeInterval = 0) throws {
      copies = try VaultCopies()
      id = try copies.home.vault.write(LetterDraft(recipient: "Dr. Hale", text: "Dear Dr. Hale,"))
      if requestHere { try copies.home.vault.requestSendForTest(id, coolingOff: 24 * 3600) }
      homeRelease = try copies.home.vault.letter(id).summary.releaseAt ?? .distantPast
      try copies.syncAway()
      copies.awayClock.advance(600 + awayAhead)
      try copies.away.markSentForTest(id)
      copies.home.clock.advance(3600)
    }

    var sentAway: Date { copies.awayClock.now() }
    var awayPath: String { URL(fileURLWithPath: copies.awayPath).standardizedFileURL.path }
  }

  @Test func aLetterSentOnTheOtherComputerIsTakenAndNamedInStatusAndHistory() throws {
    let scene = try Scene()
    defer { scene.copies.remove() }
    let home = scene.copies.home
    let mergedAt = home.clock.now()

    _ = try home.vault.merge(from: scene.copies.awayPath)

    #expect(try home.vault.letter(scene.id).summary.state == .sent)
    let expected = SentElsewhere(
      letterID: scene.id, sentAt: scene.sentAway, arrivedAt: mergedAt,
      wouldHaveGoneAt: scene.homeRelease, copy: scene.awayPath)
    #expect(try home.vault.status().sentElsewhere == [expected])
    #expect(!expected.sentAheadOfThisClock)
    let history = try home.vault.history(scene.id)
    #expect(history.map(\.kind) == [.created, .sendRequested, .sent, .sentElsewhere])
    #expect(history.last?.sentElsewhere == expected)
    #expect(history.last?.date == mergedAt)

    // Merging again adds nothing, and the record stays as it was.
    home.clock.advance(60)
    #expect(try home.vault.merge(from: scene.copies.awayPath).changes.isEmpty)
    #expect(try home.vault.status().sentElsewhere == [expected])
    #expect(try home.vault.verify().isEmpty)

    // `status` names it for 30 days; `history` keeps it.
    home.clock.advance(31 * 86_400)
    #expect(try home.vault.status().sentElsewhere.isEmpty)
    #expect(try home.vault.history(scene.id).last?.sentElsewhere == expected)
  }

  @Test func aSentTimeAheadOfThisComputersClockIsFlagged() throws {
    let scene = try Scene(awayAhead: 2 * 86_400)
    defer { scene.copies.remove() }
    _ = try scene.copies.home.vault.merge(from: scene.copies.awayPath)
    let named = try #require(try scene.copies.home.vault.status().sentElsewhere.first)
    #expect(named.sentAt == scene.sentAway)
    #expect(named.sentAheadOfThisClock)
  }

  @Test func aDraftHereIsNamedWithoutAReleaseTime() throws {
    let scene = try Scene(requestHere: false)
    defer { scene.copies.remove() }
    _ = try scene.copies.home.vault.merge(from: scene.copies.awayPath)
    let named = try #require(try scene.copies.home.vault.status().sentElsewhere.first)
    #expect(named.wouldHaveGoneAt == nil)
  }

  /// The record is about this vault: the computer that sent the letter, and a copy that
  /// never had it, get none from a merge.
  @Test func theRecordNeverTravelsToAnotherCopy() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let (_, never) = try copies.duplicate(copies.home.path, as: "never.db")
    let id = try copies.home.vault.write(LetterDraft(recipient: "Dr. Hale", text: "Dear Dr. Hale,"))
    try copies.home.vault.requestSendForTest(id, coolingOff: 24 * 3600)
    try copies.syncAway()
    copies.awayClock.advance(600)
    try copies.away.markSentForTest(id)
    _ = try copies.home.vault.merge(from: copies.awayPath)
    #expect(try copies.home.vault.status().sentElsewhere.count == 1)

    _ = try copies.away.merge(from: copies.home.path)
    _ = try never.merge(from: copies.home.path)
    for vault in [copies.away, never] {
      #expect(try vault.letter(id).summary.state == .sent)
      #expect(try vault.status().sentElsewhere.isEmpty)
      #expect(!(try vault.history(id).map(\.kind).contains(.sentElsewhere)))
    }
  }
}

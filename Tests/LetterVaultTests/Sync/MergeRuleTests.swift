import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// The state rules of FORMAT.md §16 "Merge rules" 4 and 5, one at a time.
@Suite struct MergeRuleTests {
  @Test func aSendRequestSurvivesAndAnEditOnTheOtherComputerRestartsItsCoolingOff() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let id = try copies.home.vault.write(LetterDraft(text: "one"))
    try copies.syncAway()
    try copies.home.vault.requestSendForTest(id, coolingOff: 24 * 3600)
    let requested = try copies.home.vault.letter(id).summary.releaseAt!
    copies.awayClock.advance(3 * 3600)
    try copies.away.edit(id, body: Array("changed my mind a little".utf8))
    let editedAt = copies.awayClock.now()

    _ = try copies.home.vault.merge(from: copies.awayPath)

    let merged = try copies.home.vault.letter(id).summary
    #expect(merged.state == .held)
    #expect(merged.releaseAt! > requested)
    // The vault's default cooling-off (24 h) counted again from the edit.
    #expect(abs(merged.releaseAt!.timeIntervalSince(editedAt) - 24 * 3600) < 1)
  }

  @Test func theLatestStateChangeWinsAndEditsChangeNoState() {
    func event(_ at: Int64, _ kind: HistoryEntry.Kind) -> LetterMeta.Event {
      LetterMeta.Event(at: at, kind: kind, revision: 1, detail: "")
    }
    #expect(
      LetterMerger.walk([event(1, .created), event(2, .held), event(3, .edited)]).state == .held)
    #expect(
      LetterMerger.walk([event(1, .created), event(3, .backToDraft), event(2, .held)]).state
        == .draft)
    let requested = LetterMerger.walk([event(1, .created), event(2, .sendRequested)])
    #expect(requested.state == .held && requested.pending == true)
    let cancelled = LetterMerger.walk([
      event(1, .created), event(2, .sendRequested), event(4, .sendCancelled),
    ])
    #expect(cancelled.state == .held && cancelled.pending == false)
    #expect(LetterMerger.walk([event(1, .created), event(2, .noted)]).pending == nil)
  }

  @Test func aLetterHeldHereAndEditedThereStaysHeldWithTheEdit() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let id = try copies.home.vault.write(LetterDraft(text: "one"))
    try copies.syncAway()
    try copies.home.vault.hold(id)
    copies.awayClock.advance(600)
    try copies.away.edit(id, body: Array("two".utf8))

    let report = try copies.home.vault.merge(from: copies.awayPath)

    #expect(report.changes.first?.addedRevisions == [2])
    let letter = try copies.home.vault.letter(id)
    #expect(letter.summary.state == .held)
    #expect(letter.body == "two")
    let kinds = try copies.home.vault.history(id).map(\.kind)
    #expect(kinds == [.created, .held, .edited])
  }
}

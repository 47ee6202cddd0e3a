import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// The `bucket` table (FORMAT.md §8.1): the per-bucket records live there, a vault made
/// before it reads as it is without being written, and its first write moves them there in
/// that write's transaction, with nothing lost.
@Suite struct BucketTableTests {
  static let kinds: [FieldTag] = [.manifestBucket, .listing, .textIndex, .recent]

  /// Rows of the per-bucket kinds left in `object`.
  static func rowsInObject(_ path: String) throws -> Int {
    try VaultFile(path: path).queue.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM object WHERE kind BETWEEN 7 AND 10") ?? -1
    }
  }

  @Test func aNewVaultKeepsThePerBucketRecordsInTheirTable() throws {
    let (test, _) = try ListingTests.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    #expect(try file.hasBucketTable())
    #expect(try Self.rowsInObject(test.path) == 0)
    for kind in Self.kinds { #expect(try !file.rows(kind).isEmpty, "\(kind)") }
    // Each slot stands for the object id its record always has.
    let slots = try file.queue.read { db in try Int64.fetchAll(db, sql: "SELECT slot FROM bucket") }
    #expect(slots.allSatisfy { BucketSlot.object(slot: $0) != nil })
  }

  @Test func aVaultFromBeforeTheTableReadsAsItIsAndMovesItsRowsOnItsFirstWrite() throws {
    let (test, ids) = try ListingTests.scene()
    defer { test.remove() }
    let listed = try test.vault.list().letters
    let newest = try test.vault.list(limit: 20).letters
    let found = try test.vault.search("letter").letters
    let file = try VaultFile(path: test.path)
    let rows = try Self.kinds.map { try file.rows($0) }
    try file.dropBucketTable()
    #expect(try Self.rowsInObject(test.path) == rows.map(\.count).reduce(0, +))

    // Reads: the same letters from the rows in `object`; nothing is written.
    let before = try test.fileBytes()
    let reader = try test.reopen()
    #expect(try reader.list().letters == listed)
    #expect(try reader.list(limit: 20).letters == newest)
    #expect(try RecentListingTests.answersFromTheRecord(reader))
    #expect(try reader.search("letter").letters == found)
    #expect(try reader.letter(ids[3]).body == (try test.vault.letter(ids[3]).body))
    #expect(try reader.verify().isEmpty)
    #expect(try test.fileBytes() == before, "reading a vault from before the table writes nothing")

    // The first write makes the table and moves every row there, in its transaction.
    try reader.hold(ids[0])
    #expect(try file.hasBucketTable())
    #expect(try Self.rowsInObject(test.path) == 0)
    let after = try test.reopen()
    #expect(try after.list().letters.map(\.id) == listed.map(\.id))
    #expect(try after.search("letter").letters.map(\.id) == found.map(\.id))
    try RecentListingTests.expectListsAsTheWhole(after, "after the move")
  }

  @Test func aWriteRefusedInsideItsTransactionLeavesTheRowsWhereTheyWere() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(text: "kept"))
    try VaultFile(path: test.path).dropBucketTable()
    let before = try test.fileBytes()
    let vault = try test.reopen()
    // Refused inside the transaction, after the rows moved and the manifest was stored: all
    // of it rolls back.
    #expect(throws: VaultError.self) { try ManifestUpgradeTests.refuseAfterStoringTheManifest(vault, id) }
    #expect(try test.fileBytes() == before)
    #expect(try !VaultFile(path: test.path).hasBucketTable())
    #expect(try vault.letter(id).body == "kept")
  }
}

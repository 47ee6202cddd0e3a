import Foundation
import Testing

@testable import LetterVault

/// The LISTING record (FORMAT.md §6.6): `list` from it equals `list` from every META, and a
/// stale, missing, moved or damaged listing row never changes what `list` shows.
@Suite struct ListingTests {
  /// A vault with letters in every state, edited, tagged, noted and held.
  static func scene() throws -> (test: TestVault, ids: [LetterID]) {
    let test = try TestVault()
    var random = SeededGenerator(seed: 0x115_71)
    var ids: [LetterID] = []
    let recipients = ["Dr. Hale", "Mum", "", "Sam"]
    for index in 0..<40 {
      test.clock.advance(Double(Int.random(in: 60...86_400, using: &random)))
      let id = try test.vault.write(
        LetterDraft(
          recipient: recipients[index % recipients.count], subject: index % 3 == 0 ? "" : "letter \(index)",
          tags: index % 5 == 0 ? ["grief", "session"] : [], text: "text of letter \(index)"))
      if index % 4 == 1 { try test.vault.edit(id, body: Array("edited \(index)".utf8)) }
      if index % 6 == 2 { try test.vault.addNote(id, text: "a note") }
      if index % 3 == 1 { try test.vault.hold(id) }
      ids.append(id)
    }
    return (test, ids)
  }

  static let filters: [LetterFilter] = [
    LetterFilter(), LetterFilter(state: .held), LetterFilter(recipient: "mum"), LetterFilter(tag: "grief"),
  ]

  @Test func listFromTheListingEqualsListFromEveryMeta() throws {
    let (test, _) = try Self.scene()
    defer { test.remove() }
    for filter in Self.filters {
      let fast = try #require(try test.vault.listFromIndex(filter))
      #expect(fast.letters == (try test.vault.listByScanning(filter)).letters)
      #expect(fast.damaged.isEmpty)
    }
    // Every letter is served from the listing: each entry matches the manifest.
    let entries = try test.vault.database.read { try test.vault.loadListing(in: $0) }
    #expect(entries.count == 40)
    #expect(try test.vault.verify().isEmpty)
  }

  @Test func aListingRowRestoredFromAnOlderCopyFallsBackToTheMeta() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    let bucket = ListingBucket.objectID(bucket: ids[7].bytes[0])
    let old = try file.row(.listing, of: bucket)
    try test.vault.edit(ids[7], recipient: "Someone new", subject: "changed")
    try file.delete(bucket, kind: .listing)
    try file.put(old)
    let vault = try test.reopen()
    let listing = try vault.list()
    #expect(listing.letters == (try vault.listByScanning()).letters)
    #expect(listing.letters.first { $0.id == ids[7] }?.recipient == "Someone new")
    #expect(try vault.verify().isEmpty, "a stale listing is not damage: readers check it")
  }

  @Test func aDamagedListingRowIsReportedByVerifyAndListStillReadsEveryLetter() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    try file.flipByte(.listing, of: ListingBucket.objectID(bucket: ids[3].bytes[0]))
    let vault = try test.reopen()
    let listing = try vault.list()
    #expect(listing.letters == (try vault.listByScanning()).letters)
    #expect(listing.damaged.isEmpty)
    #expect(try vault.verify().map(\.part) == ["listing"])
    // The next write to that bucket replaces it.
    try vault.edit(ids[3], subject: "again")
    #expect(try vault.verify().isEmpty)
    #expect(try vault.list().letters == (try vault.listByScanning()).letters)
  }

  @Test func missingOrMovedListingRowsChangeNothingListShows() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let expected = try test.vault.listByScanning().letters
    let file = try VaultFile(path: test.path)
    // Bucket A's envelope under bucket B's object id fails its AEAD check (object id in AD).
    let from = try file.row(.listing, of: ListingBucket.objectID(bucket: ids[0].bytes[0]))
    let to = ListingBucket.objectID(bucket: ids[1].bytes[0])
    try file.delete(to, kind: .listing)
    try file.put(.init(objectID: to, kind: from.kind, revision: from.revision, envelope: from.envelope))
    try file.delete(ListingBucket.objectID(bucket: ids[2].bytes[0]), kind: .listing)
    let vault = try test.reopen()
    #expect(try vault.list().letters == expected)
    #expect(try vault.verify().map(\.part) == ["listing"])
    // No listing at all: the full scan.
    for entry in try file.rows(.listing) { try file.delete(entry.objectID, kind: .listing) }
    let bare = try test.reopen()
    #expect(try bare.list().letters == expected)
    #expect(try bare.verify().isEmpty)
  }

  @Test func aListingEntryThatDisagreesWithTheManifestIsNeverShown() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    // A forged entry sealed with the right key but a hash the manifest does not hold.
    let vault = test.vault
    let bucketByte = ids[5].bytes[0]
    try vault.database.write { session in
      var bucket = try vault.checkListingRow(
        try session.objects(ListingBucket.objectID(bucket: bucketByte), field: FieldTag.listing.rawValue)[0],
        bucket: bucketByte)
      let index = try #require(bucket.entries.firstIndex { $0.letterID == ids[5].bytes })
      bucket.entries[index].recipient = "not the writer's words"
      bucket.entries[index].metaHash = [UInt8](repeating: 7, count: 32)
      let objectID = ListingBucket.objectID(bucket: bucketByte)
      try session.delete(objectID, field: FieldTag.listing.rawValue)
      try session.put(
        objectID, field: FieldTag.listing.rawValue, revision: 1,
        envelope: vault.cipher.seal(
          bucket.serialized(), field: .listing, objectID: objectID, revision: 1, key: .listing))
    }
    let listing = try vault.list()
    #expect(!listing.letters.contains { $0.recipient == "not the writer's words" })
    #expect(listing.letters == (try vault.listByScanning()).letters)
  }

  @Test func burningALetterRemovesItsListingEntryAndReseals() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    try test.vault.burn(ids[0])
    let entries = try test.vault.database.read { try test.vault.loadListing(in: $0) }
    #expect(entries.count == 39)
    #expect(!entries.contains { $0.letterID == ids[0].bytes })
    #expect(try test.vault.verify().isEmpty, "every listing row opens under the new master key")
    #expect(try test.vault.list().letters == (try test.vault.listByScanning()).letters)
  }

  @Test func aBucketParsesOnlyItsOwnStrictEncoding() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let byte = ids[9].bytes[0]
    let bucket = try test.vault.database.read { session in
      try test.vault.checkListingRow(
        try session.objects(ListingBucket.objectID(bucket: byte), field: FieldTag.listing.rawValue)[0],
        bucket: byte)
    }
    let bytes = bucket.serialized()
    #expect(try ListingBucket(parsing: bytes, bucket: byte) == bucket)
    #expect(throws: ByteReader.Malformed.self) { try ListingBucket(parsing: bytes, bucket: byte &+ 1) }
    #expect(throws: ByteReader.Malformed.self) { try ListingBucket(parsing: bytes + [0], bucket: byte) }
    #expect(throws: ByteReader.Malformed.self) { try ListingBucket(parsing: Array(bytes.dropLast()), bucket: byte) }
    if bucket.entries.count > 1 {
      let swapped = ListingBucket(bucket: byte, entries: bucket.entries.reversed())
      #expect(throws: ByteReader.Malformed.self) { try ListingBucket(parsing: swapped.serialized(), bucket: byte) }
    }
  }
}

import Foundation
import Testing

@_spi(Bulk) @testable import LetterVault
@testable import VaultRecords

/// The RECENT record (FORMAT.md §6.8): `list -n` from it equals the newest of the whole
/// listing after every kind of write, and an older, deleted, altered or duplicated row is
/// never used (the whole listing is read instead) and is named by `verify`.
@Suite struct RecentListingTests {
  /// `list -n` from the record, when it answers, and through `Vault.list`, equal the newest of
  /// the list from every META; the unfiltered newest twenty always come from the record.
  static func expectListsAsTheWhole(_ vault: Vault, _ step: String) throws {
    for filter in ListingTests.filters {
      let all = try vault.searchDesk.listByScanning(filter).letters
      for limit in [1, 5, 20, 64] {
        let recent = try vault.records.read { tx in
          try vault.searchDesk.listFromRecent(filter, limit: limit, in: tx)
        }
        if let recent { #expect(recent.letters == Array(all.prefix(limit)), "\(step): \(filter), \(limit)") }
        #expect(try vault.list(filter, limit: limit).letters == Array(all.prefix(limit)), "\(step)")
      }
    }
    #expect(try Self.answersFromTheRecord(vault), "\(step): list -n 20 read the whole listing")
    #expect(try vault.verify().isEmpty, "\(step)")
  }

  static func answersFromTheRecord(_ vault: Vault, limit: Int = 20) throws -> Bool {
    try vault.records.read { tx in try vault.searchDesk.listFromRecent(LetterFilter(), limit: limit, in: tx) } != nil
  }

  static func recent(_ vault: Vault) throws -> RecentListing? {
    try vault.records.read { tx in tx.loadRecent() }
  }

  /// Letters created at `days` days before the test clock's now, in one batch.
  static func batch(_ vault: Vault, clock: ManualClock, days: [Double], held: Bool = false) throws -> [LetterID] {
    try vault.write(
      batch: days.enumerated().map { index, day in
        (
          LetterDraft(recipient: index % 2 == 0 ? "Mum" : "Sam", subject: "day \(day)", text: "text \(index)"),
          clock.now().addingTimeInterval(-day * 86_400), held
        )
      })
  }

  @Test func theRecordFollowsEveryKindOfWrite() throws {
    let test = try TestVault()
    defer { test.remove() }
    let vault = test.vault
    // Three letters: the record holds all of them, so any `-n` is answered from it.
    let first = try Self.batch(vault, clock: test.clock, days: [3, 2, 1])
    #expect(try Self.recent(vault)?.complete == true)
    #expect(try Self.answersFromTheRecord(vault, limit: 1000))
    try Self.expectListsAsTheWhole(vault, "three letters")

    // Ninety more across a year: the record keeps the newest 64 and no longer all.
    var random = SeededGenerator(seed: 0x8EC_E47)
    let spread = (0..<90).map { _ in Double(Int.random(in: 1...365, using: &random)) + 0.5 }
    let many = try Self.batch(vault, clock: test.clock, days: spread)
    let recent = try #require(try Self.recent(vault))
    #expect(!recent.complete && recent.entries.count == RecentListing.capacity)
    try Self.expectListsAsTheWhole(vault, "a batch of ninety")

    // Letters older than every one the record holds stay out of it; one in the middle joins.
    _ = try Self.batch(vault, clock: test.clock, days: [400, 500])
    try Self.expectListsAsTheWhole(vault, "two old letters")
    _ = try Self.batch(vault, clock: test.clock, days: [0.75])
    try Self.expectListsAsTheWhole(vault, "a letter in the middle")

    // A new letter, an edit, a hold and a note, of letters in the record and out of it.
    test.clock.advance(60)
    let newest = try vault.write(LetterDraft(recipient: "Dr. Hale", text: "tonight"))
    try Self.expectListsAsTheWhole(vault, "write")
    let oldest = try #require(try vault.searchDesk.listByScanning().letters.last?.id)
    let lastInRecord = try #require(try Self.recent(vault)?.entries.last.map { LetterID(bytes: $0.letterID) })
    for id in [newest, oldest, lastInRecord, first[0]] {
      try vault.edit(id, body: Array("edited \(id)".utf8))
      try vault.hold(id)
      try vault.addNote(id, text: "a note")
      try Self.expectListsAsTheWhole(vault, "edit, hold and note of \(id)")
    }
    // The record's last letter, changed, is still its last (not dropped from it).
    #expect(try Self.recent(vault)?.entries.count == RecentListing.capacity)

    // A burn re-keys the vault: the record is built again, without the burned letter.
    _ = try vault.burn(many[0])
    _ = try vault.burn(newest)
    try Self.expectListsAsTheWhole(vault, "burn")
    #expect(try Self.recent(vault)?.entries.contains { $0.letterID == newest.bytes } == false)
  }

  /// The row as the file holds it, and the root's pin of it.
  static func row(_ test: TestVault) throws -> VaultFile.Row {
    try VaultFile(path: test.path).row(.recent, of: RecentListing.objectID)
  }

  /// An older copy, a deleted row, a changed byte and a second row: `list -n` reads the whole
  /// listing instead (still the same letters), `verify` names it, and the next write mends it.
  @Test func aRecordTheRootDoesNotPinIsNotUsed() throws {
    let (test, _) = try ListingTests.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    let older = try Self.row(test)
    for change in ["older", "deleted", "altered", "duplicated"] {
      test.clock.advance(60)
      _ = try test.vault.write(LetterDraft(recipient: "Sam", text: "after \(change)"))
      let current = try Self.row(test)
      switch change {
      case "older":
        try file.delete(RecentListing.objectID, kind: .recent)
        try file.put(older)
      case "deleted": try file.delete(RecentListing.objectID, kind: .recent)
      case "altered": try file.flipByte(.recent, of: RecentListing.objectID)
      default: try file.put(VaultFile.Row(objectID: current.objectID, kind: current.kind, revision: current.revision + 1, envelope: current.envelope))
      }
      let vault = try test.reopen()
      #expect(try Self.recent(vault) == nil, "\(change)")
      #expect(try !Self.answersFromTheRecord(vault), "\(change)")
      let all = try vault.searchDesk.listByScanning().letters
      #expect(try vault.list(limit: 20).letters == Array(all.prefix(20)), "\(change)")
      let named = try vault.verify()
      #expect(named.count == 1 && named[0].part == .listing && named[0].reason.hasPrefix("recent letters"), "\(change): \(named)")
      // The next write builds it again from every letter.
      try vault.addNote(all[0].id, text: "mended")
      try Self.expectListsAsTheWhole(vault, "after the \(change) row")
    }
  }

  /// FORMAT.md §6.8: a format-2 root pins no record. Such a vault reads as it is (the whole
  /// listing for `-n`), and its first write builds the record and stores a format-3 root.
  @Test func aFormatTwoRootGetsTheRecordWithItsFirstWrite() throws {
    let (test, ids) = try ListingTests.scene()
    defer { test.remove() }
    try test.vault.records.write { tx in
      var root = try tx.loadManifest().root
      root.recentHash = nil
      try tx.session.delete(RecentListing.objectID, field: FieldTag.recent.rawValue)
      try tx.session.delete(AssociatedData.manifestObjectID, field: FieldTag.manifest.rawValue)
      try tx.session.put(
        AssociatedData.manifestObjectID, field: FieldTag.manifest.rawValue, revision: root.epoch,
        envelope: tx.cipher.seal(
          root.serialized(), field: .manifest, objectID: AssociatedData.manifestObjectID,
          revision: root.epoch, key: tx.cipher.manifestKey))
    }
    let before = try test.fileBytes()
    let vault = try test.reopen()
    #expect(try vault.records.read { tx in try tx.loadManifest().recentHash } == nil)
    #expect(try !Self.answersFromTheRecord(vault))
    let all = try vault.searchDesk.listByScanning().letters
    #expect(try vault.list(limit: 20).letters == Array(all.prefix(20)))
    #expect(try vault.verify().isEmpty)
    #expect(try test.fileBytes() == before, "reading a format-2 vault writes nothing")
    try vault.hold(ids[0])
    #expect(try vault.records.read { tx in try tx.loadManifest().recentHash } != nil)
    try Self.expectListsAsTheWhole(vault, "after the upgrade")
  }

  /// When the record cannot be built (a letter with neither a LISTING entry nor a META that
  /// opens), the root pins none and later writes leave it so: `list -n` reads the whole
  /// listing and names the letter.
  @Test func aRecordThatCannotBeBuiltIsPinnedAsNone() throws {
    let (test, ids) = try ListingTests.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    try file.delete(RecentListing.objectID, kind: .recent)
    try file.delete(ListingBucket.objectID(bucket: ids[5].bytes[0]), kind: .listing)
    try file.flipByte(.meta, of: ids[5].bytes)
    let vault = try test.reopen()
    try vault.hold(ids[6])
    #expect(try vault.records.read { tx in try tx.loadManifest().recentHash } == RecentListing.none)
    #expect(try file.rows(.recent).isEmpty)
    let listing = try vault.list(limit: 20)
    #expect(listing.damaged.map(\.letterID) == [ids[5].description])
    try vault.addNote(ids[6], text: "again")
    #expect(try vault.records.read { tx in try tx.loadManifest().recentHash } == RecentListing.none)
  }

  // MARK: - The update rule on its own

  static func entry(_ byte: UInt8, created: Int64, version: UInt64 = 1) -> ListingEntry {
    var meta = LetterMeta(state: .draft, letterKey: [UInt8](repeating: 1, count: 32), now: created, recipient: "", subject: "", tags: [])
    meta.createdAt = created
    return ListingEntry(
      letterID: [byte] + [UInt8](repeating: 0, count: 15), metaVersion: version,
      metaHash: [UInt8](repeating: byte, count: 32), meta: meta)
  }

  static func current(_ entries: [ListingEntry]) -> ([UInt8]) -> Manifest.Entry? {
    let byID = Dictionary(uniqueKeysWithValues: entries.map {
      ($0.letterID, Manifest.Entry(letterID: $0.letterID, metaVersion: $0.metaVersion, metaHash: $0.metaHash))
    })
    return { byID[$0] }
  }

  @Test func theUpdateKeepsTheNewestAndAsksForARebuildWhenItCannot() {
    // 40 letters, created at 100, 99, …, 61; the record is not all of the vault.
    let held = (0..<40).map { Self.entry(UInt8($0), created: 100 - Int64($0)) }
    let record = RecentListing(complete: false, entries: held)
    // Older than the last entry: stays out.
    let old = Self.entry(200, created: 10)
    #expect(
      record.updated(changes: [old.letterID: old], changedBuckets: [200], current: Self.current(held + [old]))
        == record)
    // The last entry changed keeps its place.
    let last = Self.entry(39, created: 61, version: 2)
    let updated = record.updated(changes: [last.letterID: last], changedBuckets: [39], current: Self.current(held.dropLast() + [last]))
    #expect(updated?.entries.last == last && updated?.entries.count == 40)
    // Nine letters removed leave 31, under the floor: build it again.
    let kept = Array(held.prefix(31))
    #expect(
      record.updated(changes: [:], changedBuckets: Set((31..<40).map(UInt8.init)), current: Self.current(kept)) == nil)
    // A change no LISTING entry came with (not a write this code makes): build it again.
    var moved = held
    moved[3] = Self.entry(3, created: 97, version: 5)
    #expect(record.updated(changes: [:], changedBuckets: [3], current: Self.current(moved)) == nil)
    // Past the capacity the oldest go, and the record is no longer all of the vault.
    let whole = RecentListing(complete: true, entries: held)
    let newer = (40..<70).map { Self.entry(UInt8($0), created: 1000 + Int64($0)) }
    let grown = whole.updated(
      changes: Dictionary(uniqueKeysWithValues: newer.map { ($0.letterID, $0) }),
      changedBuckets: Set((40..<70).map(UInt8.init)), current: Self.current(held + newer))
    #expect(grown?.complete == false && grown?.entries.count == RecentListing.capacity)
    #expect(grown?.entries.first?.letterID.first == 69 && grown?.entries.last?.letterID.first == 33)
  }
}

import Foundation
import Testing

@_spi(Bulk) @testable import LetterVault
@testable import VaultRecords

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
      let fast = try #require(try test.vault.searchDesk.listFromIndex(filter))
      #expect(fast.letters == (try test.vault.searchDesk.listByScanning(filter)).letters)
      #expect(fast.damaged.isEmpty)
    }
    // Every letter is served from the listing: each entry matches the manifest.
    let entries = try test.vault.records.read { try $0.loadListing() }
    #expect(entries.count == 40)
    #expect(try test.vault.verify().isEmpty)
  }

  /// `list -n` and `search -n`: the newest `limit` of what the whole listing or search gives,
  /// through the listing (which stops early) and through the scans (a needle under three
  /// bytes has no signature, so "xt" is searched by scanning).
  @Test func aLimitKeepsTheNewestOfTheWholeResult() throws {
    let (test, _) = try Self.scene()
    defer { test.remove() }
    for filter in Self.filters {
      let all = try test.vault.searchDesk.listByScanning(filter).letters
      for limit in [1, 3, 39, 40, 100] {
        let fast = try #require(try test.vault.searchDesk.listFromIndex(filter, limit: limit))
        #expect(fast.letters == Array(all.prefix(limit)))
        #expect(try test.vault.list(filter, limit: limit).letters == Array(all.prefix(limit)))
      }
    }
    for needle in ["xt", "letter 1", "edited"] {
      let all = try test.vault.searchDesk.searchSerially(needle).letters
      #expect(all.count > 3)
      #expect(try test.vault.search(needle, limit: 3).letters == Array(all.prefix(3)))
      #expect(try test.vault.search(needle, limit: 1000).letters == all)
    }
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
    #expect(listing.letters == (try vault.searchDesk.listByScanning()).letters)
    #expect(listing.letters.first { $0.id == ids[7] }?.recipient == "Someone new")
    #expect(try vault.verify().isEmpty, "a stale listing is not damage: readers check it")
  }

  /// `write --to` matches against the listing's names alone (SearchDesk+Recipients.swift):
  /// the same names, in `list`'s order, with every listing row readable or one damaged.
  @Test func recipientNamesFromTheListingAreListsNames() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    func fromList(_ vault: Vault) throws -> [String] {
      var seen = Set<String>()
      return try vault.list().letters.map(\.recipient).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
    // A recipient last written to long ago comes after the newer ones, as in `list`.
    try test.vault.edit(ids[0], recipient: "Old friend")
    #expect(try test.vault.searchDesk.recipientsNewestFirst() == (try test.vault.list().letters.map(\.recipient)))
    #expect(try test.vault.recipientNames() == (try fromList(test.vault)))
    try VaultFile(path: test.path).flipByte(.listing, of: ListingBucket.objectID(bucket: ids[5].bytes[0]))
    let vault = try test.reopen()
    #expect(try vault.searchDesk.recipientsNewestFirst() == (try vault.list().letters.map(\.recipient)))
    #expect(try vault.recipientNames() == (try fromList(vault)))
  }

  /// A whole name is answered from the listing without gathering every name
  /// (`SearchDesk.recipientsNewestFirst(unlessSomeLetterIsTo:)`): the answer is always what matching among every name gives.
  /// Seen failing when the shortcut compared names case-insensitively (`mum` became `.known("mum")`
  /// instead of `.known("Mum")`).
  @Test func matchingATypedNameEqualsMatchingAmongEveryName() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    try test.vault.edit(ids[3], recipient: "Zoe\u{0308}")  // "Zoë", decomposed
    try test.vault.edit(ids[7], recipient: "Dr. Hale's office")
    let typed = [
      "Dr. Hale", "dr. hale", "Dr", "Mum", "mum", "Sam", "Sa", "Zoë", "Zoe\u{0308}", "zo", "Dr. Hale's office",
      "Nobody", " Mum ", "Old", "M", "Dr. Hale's",
    ]
    func check(_ vault: Vault) throws {
      for name in typed {
        #expect(try vault.matchRecipient(name) == RecipientMatch.match(name, among: try vault.recipientNames()), "\(name)")
      }
    }
    try check(test.vault)
    try VaultFile(path: test.path).flipByte(.listing, of: ListingBucket.objectID(bucket: ids[5].bytes[0]))
    try check(try test.reopen())
  }

  @Test func aDamagedListingRowIsReportedByVerifyAndListStillReadsEveryLetter() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    try file.flipByte(.listing, of: ListingBucket.objectID(bucket: ids[3].bytes[0]))
    let vault = try test.reopen()
    let listing = try vault.list()
    #expect(listing.letters == (try vault.searchDesk.listByScanning()).letters)
    #expect(listing.damaged.isEmpty)
    #expect(try vault.verify().map(\.part) == [.listing])
    // The next write to that bucket replaces it.
    try vault.edit(ids[3], subject: "again")
    #expect(try vault.verify().isEmpty)
    #expect(try vault.list().letters == (try vault.searchDesk.listByScanning()).letters)
  }

  @Test func missingOrMovedListingRowsChangeNothingListShows() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let expected = try test.vault.searchDesk.listByScanning().letters
    let file = try VaultFile(path: test.path)
    // Bucket A's envelope under bucket B's object id fails its AEAD check (object id in AD).
    let from = try file.row(.listing, of: ListingBucket.objectID(bucket: ids[0].bytes[0]))
    let to = ListingBucket.objectID(bucket: ids[1].bytes[0])
    try file.delete(to, kind: .listing)
    try file.put(.init(objectID: to, kind: from.kind, revision: from.revision, envelope: from.envelope))
    try file.delete(ListingBucket.objectID(bucket: ids[2].bytes[0]), kind: .listing)
    let vault = try test.reopen()
    #expect(try vault.list().letters == expected)
    #expect(try vault.verify().map(\.part) == [.listing])
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
    try vault.records.write { tx in
      let session = tx.session
      var bucket = try tx.checkListingRow(
        try session.objects(ListingBucket.objectID(bucket: bucketByte), field: FieldTag.listing.rawValue)[0],
        bucket: bucketByte)
      let index = try #require(bucket.entries.firstIndex { $0.letterID == ids[5].bytes })
      bucket.entries[index].summary.recipient = "not the writer's words"
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
    #expect(listing.letters == (try vault.searchDesk.listByScanning()).letters)
  }

  @Test func burningALetterRemovesItsListingEntryAndReseals() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    try test.vault.burn(ids[0])
    let entries = try test.vault.records.read { try $0.loadListing() }
    #expect(entries.count == 39)
    #expect(!entries.contains { $0.letterID == ids[0].bytes })
    #expect(try test.vault.verify().isEmpty, "every listing row opens under the new master key")
    #expect(try test.vault.list().letters == (try test.vault.searchDesk.listByScanning()).letters)
  }

  @Test func aBucketParsesOnlyItsOwnStrictEncoding() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let byte = ids[9].bytes[0]
    let bucket = try test.vault.records.read { tx in
      try tx.checkListingRow(
        try tx.session.objects(ListingBucket.objectID(bucket: byte), field: FieldTag.listing.rawValue)[0],
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

/// `search` on two threads (Vault+Search.swift) finds exactly what the serial scan finds, and
/// names the same damage.
@Suite struct ParallelSearchTests {
  @Test func theParallelSearchMatchesTheSerialOneOnASeededCorpus() throws {
    let test = try TestVault()
    defer { test.remove() }
    var random = SeededGenerator(seed: 0x5EA_2C4)
    let words = ["harbour", "Lighthouse", "rain", "kitchen", "LIGHTHOUSE", "tuesday", "café", "sorry"]
    var drafts: [(draft: LetterDraft, created: Date, held: Bool)] = []
    for index in 0..<1_300 {
      let text = (0..<40).map { _ in words[Int.random(in: 0..<words.count, using: &random)] }
        .joined(separator: " ")
      drafts.append(
        (LetterDraft(recipient: index % 7 == 0 ? "Lighthouse keeper" : "Mum", text: "\(index) \(text)"),
         Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 3600), index % 3 == 0))
    }
    let ids = try test.vault.write(batch: drafts)
    try test.vault.edit(ids[5], body: Array("a new head revision about lighthouse".utf8))
    for needle in ["lighthouse", "CAFÉ", "zeppelin", "1299", "keeper"] {
      for filter in [LetterFilter(), LetterFilter(state: .held)] {
        let parallel = try test.vault.search(needle, filter: filter)
        let serial = try test.vault.searchDesk.searchSerially(needle, filter: filter)
        #expect(parallel.letters == serial.letters, "\(needle)")
        #expect(parallel.damaged.isEmpty && serial.damaged.isEmpty)
      }
    }
    #expect(try test.vault.search("zeppelin").letters.isEmpty)
    #expect(try test.vault.search("1299").letters.count == 1)
  }

  /// The second connection opens the file by path: when another file has been renamed over
  /// that path since the vault was opened, it is not used, and the search still reads only
  /// the file this vault has open.
  @Test func aFileRenamedOverTheVaultIsNotReadByTheSecondConnection() throws {
    let test = try TestVault()
    defer { test.remove() }
    let drafts = (0..<64).map { index in
      (draft: LetterDraft(recipient: "Mum", text: "letter \(index) about the harbour"),
       created: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60), held: false)
    }
    let ids = try test.vault.write(batch: drafts)
    #expect(ids.contains { $0.bytes[0] >= 0x80 } && ids.contains { $0.bytes[0] < 0x80 })
    let before = try test.vault.search("harbour")
    #expect(before.letters.count == 64)

    let other = try TestVault()
    defer { other.remove() }
    _ = try other.vault.write(batch: drafts)
    #expect(rename(other.path, test.path) == 0)

    #expect(test.vault.database.secondReader() == nil)
    let after = try test.vault.search("harbour")
    #expect(after.letters == before.letters)
    #expect(after.damaged.isEmpty)
  }

  @Test func damageIsNamedTheSameWayOnBothPaths() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.body, of: scene.a.bytes, revision: 2)
    try scene.file.delete(scene.b.bytes, kind: .meta)
    let vault = try scene.test.reopen()
    let parallel = try vault.search("letter")
    let serial = try vault.searchDesk.searchSerially("letter")
    #expect(parallel.letters == serial.letters)
    #expect(parallel.damaged == serial.damaged)
    #expect(Set(parallel.damaged.compactMap(\.letterID)) == [scene.a.description, scene.b.description])
  }

  /// The two halves of the key space (ids below and from 0x80) are walked on two connections:
  /// damage in either half, and at the split, is named as the serial scan names it, in order.
  @Test func damageInBothHalvesIsNamedAsTheSerialScanNamesIt() throws {
    let test = try TestVault()
    defer { test.remove() }
    let drafts = (0..<48).map { index in
      (draft: LetterDraft(recipient: "Mum", text: "\(index) the harbour at night"),
       created: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60), held: index % 4 == 0)
    }
    let ids = try test.vault.write(batch: drafts).sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    let low = ids.filter { $0.bytes[0] < 0x80 }
    let high = ids.filter { $0.bytes[0] >= 0x80 }
    try #require(low.count >= 3 && high.count >= 3, "random ids fall on both sides of 0x80")
    try test.vault.edit(high[1], body: Array("the harbour again".utf8))
    let file = try VaultFile(path: test.path)
    try file.flipByte(.body, of: low[0].bytes, revision: 1)
    try file.flipByte(.body, of: high[1].bytes, revision: 2)
    try file.delete(low[1].bytes, kind: .meta)
    try file.delete(high[0].bytes, kind: .body)
    try file.flipByte(.meta, of: low.last!.bytes)  // the last letter before the split
    try file.flipByte(.meta, of: high.last!.bytes)  // the last letter of all
    let vault = try test.reopen()
    let serial = try vault.searchDesk.searchSerially("harbour")
    for secondConnection in [true, false] {
      let parallel = try vault.searchDesk.searchByScanning("harbour", filter: LetterFilter(), secondConnection: secondConnection)
      #expect(parallel.letters == serial.letters)
      #expect(parallel.damaged == serial.damaged)
    }
    let named = Set(serial.damaged.compactMap(\.letterID))
    #expect(named == Set([low[0], low[1], low.last!, high[0], high[1], high.last!].map(\.description)))
    #expect(serial.letters.count == ids.count - 6)
  }

  @Test func oneThreadWalksBothHalvesWhenTheSecondConnectionIsNotUsed() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.body, of: scene.a.bytes, revision: 2)
    let vault = try scene.test.reopen()
    let alone = try vault.searchDesk.searchByScanning("letter", filter: LetterFilter(), secondConnection: false)
    let serial = try vault.searchDesk.searchSerially("letter")
    #expect(alone.letters == serial.letters && alone.damaged == serial.damaged)
    #expect(alone.letters.map(\.id) == [scene.b])
  }
}

/// ManifestCache.swift: only the identical envelope at the identical revision is taken from
/// the cache; any change to the row under an open vault is authenticated again.
@Suite struct ManifestCacheTests {
  @Test func aManifestChangedUnderAnOpenVaultIsCheckedAgain() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let vault = scene.test.vault
    #expect(try vault.list().damaged.isEmpty)  // the manifest is now cached
    try scene.file.flipByte(.manifest, of: FieldTag.manifestObject)
    #expect(try vault.list().damaged.map(\.part) == [.index])
    #expect(TamperScene.damages { try vault.hold(scene.b) }?.map(\.part) == [.index], "writes refuse")
  }

  @Test func theCacheAnswersOnlyForTheSameRevisionAndBytes() {
    let cache = ManifestCache()
    #expect(cache.plaintext(revision: 3, envelope: [1, 2, 3]) == nil)
    cache.store(revision: 3, envelope: [1, 2, 3], plaintext: [9])
    #expect(cache.plaintext(revision: 3, envelope: [1, 2, 3]) == [9])
    #expect(cache.plaintext(revision: 4, envelope: [1, 2, 3]) == nil)
    #expect(cache.plaintext(revision: 3, envelope: [1, 2, 4]) == nil)
  }
}

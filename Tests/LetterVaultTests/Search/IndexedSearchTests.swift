import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// `search` through the listing and the TEXT INDEX (FORMAT.md §6.7) finds exactly what the
/// scan over every letter finds, after every kind of write, and a missing, stale or damaged
/// index row only makes it read more.
@Suite struct IndexedSearchTests {
  static let words = [
    "lighthouse", "Harbour", "tuesday", "grief", "SORRY", "mum", "waiting", "garden", "rain",
    "letter", "crying", "Hale", "quiet", "kitchen", "promise", "night", "café", "über",
  ]

  /// A vault of 120 letters of random words, some edited, noted and held.
  static func scene(seed: UInt64 = 0x1D_5EA7) throws -> (test: TestVault, ids: [LetterID], texts: [String]) {
    let test = try TestVault()
    var random = SeededGenerator(seed: seed)
    var ids: [LetterID] = []
    var texts: [String] = []
    for index in 0..<120 {
      test.clock.advance(Double(Int.random(in: 60...86_400, using: &random)))
      let text = (0..<Int.random(in: 1...60, using: &random))
        .map { _ in words.randomElement(using: &random)! }.joined(separator: index % 2 == 0 ? " " : ",\n")
      let id = try test.vault.write(
        LetterDraft(
          recipient: ["Dr. Hale", "Mum", "", "Sam"][index % 4], subject: index % 3 == 0 ? "" : "about the garden \(index)",
          tags: index % 5 == 0 ? ["grief", "session"] : [], text: text))
      texts.append(text)
      if index % 4 == 1 {
        let edited = text + " and the lighthouse at night"
        try test.vault.edit(id, body: Array(edited.utf8))
        texts[index] = edited
      }
      if index % 6 == 2 { try test.vault.addNote(id, text: "a note about the kitchen") }
      if index % 3 == 1 { try test.vault.hold(id) }
      ids.append(id)
    }
    return (test, ids, texts)
  }

  /// Needles: whole words in random case, pieces cut across word boundaries, words in no
  /// letter, and ones the signature cannot judge.
  static func needles(_ texts: [String], using random: inout SeededGenerator) -> [String] {
    var needles = words.map { Bool.random(using: &random) ? $0.uppercased() : $0 }
    for _ in 0..<60 {
      let bytes = Array(texts.randomElement(using: &random)!.utf8)
      guard bytes.count > 8 else { continue }
      let start = Int.random(in: 0..<(bytes.count - 4), using: &random)
      let end = min(bytes.count, start + Int.random(in: 3...14, using: &random))
      needles.append(String(decoding: bytes[start..<end], as: UTF8.self))
    }
    return needles + ["zeppelin", "lighthousekeeper", "ouse a", "ab", "é", "GARDEN 1", "Session"]
  }

  static let filters: [LetterFilter] = [
    LetterFilter(), LetterFilter(state: .held), LetterFilter(recipient: "mum"), LetterFilter(tag: "grief"),
  ]

  static func expectSameAsTheScan(_ vault: Vault, _ needles: [String]) throws {
    for needle in needles {
      for filter in filters {
        let found = try vault.search(needle, filter: filter)
        let scanned = try vault.searchDesk.searchSerially(needle, filter: filter)
        #expect(found.letters == scanned.letters, "\(needle) with \(filter)")
        #expect(found.damaged == scanned.damaged, "\(needle) with \(filter)")
      }
    }
  }

  /// The verdict of every letter for `needle`: none unknown means every letter has a current
  /// signature.
  static func verdicts(_ vault: Vault, _ needle: String) throws -> [SearchDesk.TextVerdict] {
    try allVerdicts(vault, needle).text
  }

  /// The verdicts for the text and for the fields of every letter.
  static func allVerdicts(_ vault: Vault, _ needle: String) throws -> SearchDesk.Verdicts {
    try vault.records.read { tx in
      try vault.searchDesk.textVerdicts(
        try #require(SignatureProbe(needle)), manifest: try tx.loadManifestIndex(), in: tx)
    }
  }

  @Test func theIndexFindsWhatTheScanFinds() throws {
    let (test, _, texts) = try Self.scene()
    defer { test.remove() }
    var random = SeededGenerator(seed: 0x1D_0001)
    try Self.expectSameAsTheScan(test.vault, Self.needles(texts, using: &random))
    // The index path was taken, not the fallback, and it vouched for every letter.
    #expect(try test.vault.searchDesk.searchFromIndex("zeppelin", filter: LetterFilter()) != nil)
    // Let through by most signatures (a word in most letters): the scan reads them faster.
    #expect(try test.vault.searchDesk.searchFromIndex("garden", filter: LetterFilter()) == nil)
    #expect(try test.vault.searchDesk.searchFromIndex("ab", filter: LetterFilter()) == nil)
    #expect(try test.vault.searchDesk.searchFromIndex("café", filter: LetterFilter()) == nil)
    #expect(try !Self.verdicts(test.vault, "lighthouse").contains(.unknown))
    #expect(try test.vault.verify().isEmpty)
  }

  @Test func aWordInNoLetterIsRuledOutWithoutReadingTheirTexts() throws {
    let (test, _, _) = try Self.scene()
    defer { test.remove() }
    let verdicts = try Self.verdicts(test.vault, "zeppelin")
    #expect(verdicts.count == 120)
    #expect(verdicts.filter { $0 == .ruledOut }.count >= 110, "\(verdicts.filter { $0 != .ruledOut }.count) let through")
    let common = try Self.verdicts(test.vault, "lighthouse at night")
    // Every letter edited above says this; the signature must let each of them through.
    #expect(common.filter { $0 == .possible }.count >= 30)
  }

  @Test func everyKindOfWriteKeepsTheIndexCurrent() throws {
    var copies = try VaultCopies()
    defer { copies.remove() }
    let vault = copies.home.vault
    var texts: [String] = []
    var ids: [LetterID] = []
    for index in 0..<12 {
      let text = "letter \(index) about the \(Self.words[index]) and the rain, keepsake\(index)q"
      ids.append(try vault.write(LetterDraft(recipient: "Mum", text: text)))
      texts.append(text)
    }
    try vault.edit(ids[0], body: Array("now about a lighthouse".utf8))
    try vault.edit(ids[1], recipient: "Sam", subject: "no new text")
    try vault.hold(ids[2])
    try vault.addNote(ids[3], text: "a note")
    try copies.syncAway()
    _ = try copies.away.write(LetterDraft(text: "written on the other computer, zeppelin"))
    try copies.away.edit(ids[4], body: Array("changed away: harbour lights".utf8))
    _ = try vault.merge(from: copies.awayPath, passphrase: copies.home.passphrase)
    _ = try vault.importLetters([
      ImportedLetter(recipient: "Dr. Hale", subject: "imported", created: Date(timeIntervalSince1970: 1_700_000_000), body: "an imported kitchen letter")
    ])
    try vault.burn(ids[5])
    let reopened = try copies.home.reopen()
    #expect(try !Self.verdicts(reopened, "rain").contains(.unknown), "a letter lost its signature")
    #expect(try !WordsSearchTests.verdicts(reopened, "rain").contains(.unknown), "a letter lost its word list")
    #expect(try reopened.search("zeppelin").letters.count == 1)
    #expect(try reopened.search("harbour lights").letters.map(\.id) == [ids[4]])
    #expect(try reopened.search("LIGHTHOUSE").letters.map(\.id) == [ids[0]])
    #expect(try reopened.search("kitchen").letters.count == 1)
    #expect(try reopened.search("keepsake5q").letters.isEmpty, "the burned letter is gone")
    #expect(try reopened.search("keepsake6q").letters == [try reopened.list().letters.first { $0.id == ids[6] }])
    try Self.expectSameAsTheScan(reopened, ["rain", "letter 1", "about the", "imported", "other computer"])
    let entries = try reopened.records.read { try $0.loadTextIndex() }
    #expect(!entries.contains { $0.letterID == ids[5].bytes })
    // Every entry signs its letter's recipient, subject and tags as they are now: the edit of
    // ids[1] without a new text, the merge, the import and the re-key of the burn included.
    try Self.expectFieldsSigned(reopened, entries)
    #expect(try reopened.search("no new text").letters.map(\.id) == [ids[1]])
    #expect(try reopened.verify().isEmpty)
  }

  /// Each entry's fields signature is that of its letter's current summary.
  static func expectFieldsSigned(_ vault: Vault, _ entries: [SignatureEntry]) throws {
    let letters = try vault.list().letters
    #expect(entries.count == letters.count)
    for entry in entries {
      let summary = try #require(letters.first { $0.id.bytes == entry.letterID })
      #expect(entry.fields == TextSignature(fields: [summary.recipient, summary.subject] + summary.tags), "\(summary.id)")
    }
  }

  /// With the fields signed in the text index (format 3), a search whose words are in no
  /// text needs no LISTING: the few letters whose fields may hold them are read from their
  /// META. Seen failing (nil: the listing missing, every letter would have been read) with
  /// the fields verdicts left out of the search.
  @Test func lettersFoundByTheirFieldsAloneAreFoundWithoutTheListing() throws {
    let (test, _, _) = try Self.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    for row in try file.rows(.listing) { try file.delete(row.objectID, kind: .listing) }
    let vault = try test.reopen()
    for needle in ["garden 7", "GARDEN 119", "Dr. Ha", "session", "zeppelin"] {
      let found = try #require(try vault.searchDesk.searchFromIndex(needle, filter: LetterFilter()), "\(needle)")
      #expect(found.letters == (try vault.searchDesk.searchSerially(needle)).letters, "\(needle)")
    }
    #expect(try vault.search("garden 119").letters.count == 1)
    #expect(try vault.search("session").letters.count == 24)
    // The same through the listing: a needle whose fields verdicts let many letters through
    // ("hale": a quarter of the letters) reads the LISTING once instead.
    try Self.expectSameAsTheScan(test.reopen(), ["hale", "Sam", "garden 1", "grief", "lighthouse"])
    #expect(try vault.verify().map(\.part) == [], "no listing is not damage")
  }

  @Test func aMissingStaleOrDamagedIndexRowOnlyMakesSearchReadMore() throws {
    let (test, all, texts) = try Self.scene()
    defer { test.remove() }
    // Three letters in three different buckets.
    var ids: [LetterID] = []
    for id in all where !ids.contains(where: { $0.bytes[0] == id.bytes[0] }) && ids.count < 3 { ids.append(id) }
    var random = SeededGenerator(seed: 0x1D_0002)
    let needles = Self.needles(texts, using: &random)
    let file = try VaultFile(path: test.path)
    let first = SignatureBucket.objectID(bucket: ids[0].bytes[0])
    let second = SignatureBucket.objectID(bucket: ids[1].bytes[0])
    let third = SignatureBucket.objectID(bucket: ids[2].bytes[0])
    // Stale: an older copy of a row, put back after its letter's text changed.
    let old = try file.row(.textIndex, of: third)
    try test.vault.edit(ids[2], body: Array("a zeppelin over the harbour".utf8))
    try file.delete(third, kind: .textIndex)
    try file.put(old)
    // Missing, and damaged.
    try file.delete(first, kind: .textIndex)
    try file.flipByte(.textIndex, of: second)
    let vault = try test.reopen()
    #expect(try Self.verdicts(vault, "rain").contains(.unknown))
    #expect(try vault.search("zeppelin").letters.map(\.id) == [ids[2]])
    try Self.expectSameAsTheScan(vault, needles)
    #expect(
      try vault.verify() == [Damage(letterID: nil, part: .textIndex, reason: "stored data was changed or is damaged")])
    // The next write to each bucket replaces its row, complete again: the letters without a
    // current entry get one from their texts.
    for id in ids { try vault.addNote(id, text: "mended") }
    #expect(try vault.verify().isEmpty)
    #expect(try !Self.verdicts(vault, "rain").contains(.unknown))
    try Self.expectSameAsTheScan(vault, Array(needles.prefix(10)))
  }

  @Test func withMostOfTheIndexGoneSearchScansEveryLetter() throws {
    let (test, _, texts) = try Self.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    for row in try file.rows(.textIndex) { try file.delete(row.objectID, kind: .textIndex) }
    let vault = try test.reopen()
    #expect(try vault.searchDesk.searchFromIndex("lighthouse", filter: LetterFilter()) == nil)
    var random = SeededGenerator(seed: 0x1D_0003)
    try Self.expectSameAsTheScan(vault, Array(Self.needles(texts, using: &random).prefix(20)))
    #expect(try vault.verify().isEmpty, "no text index is not damage")
    // As a file from before the text index: a re-key rewrites every bucket, from the texts.
    try vault.burn(try vault.list().letters[0].id)
    #expect(try !Self.verdicts(vault, "rain").contains(.unknown))
    #expect(try vault.searchDesk.searchFromIndex("zeppelin", filter: LetterFilter()) != nil)
  }

  @Test func damageInALetterThatMayMatchIsNamed() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.body, of: scene.a.bytes, revision: 2)
    let vault = try scene.test.reopen()
    let found = try vault.search("letter")
    #expect(try vault.searchDesk.searchFromIndex("letter", filter: LetterFilter()) != nil)
    #expect(found.damaged.map(\.letterID) == [scene.a.description])
  }
}

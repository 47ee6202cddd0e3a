import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// `search` of a word in most letters through the word lists (FORMAT.md §6.9) finds exactly
/// what the scan finds, every write keeps the lists current, a vault from before them is given
/// them by its first write, and a missing, stale or damaged row only makes search read more.
@Suite struct WordsSearchTests {
  /// Needles the lists answer (ASCII letters and digits), common and rare, whole words and
  /// pieces of them, and ones they do not answer.
  static let needles = [
    "rain", "RAIN", "the", "garden", "ar", "a", "e", "1", "19", "lighthouse", "zeppelin", "hale", "Sam",
    "grief", "session", "ouse", "about the", "café", "é", "ab",
  ]

  /// Each letter's verdict from its word list for `needle` (none unknown: every letter has a
  /// current list).
  static func verdicts(_ vault: Vault, _ needle: String) throws -> [SearchDesk.WordsVerdict] {
    try vault.records.read { tx in
      try vault.searchDesk.wordsVerdicts(SearchTest(needle, LetterFilter()), manifest: try tx.loadManifestIndex(), in: tx)
    }
  }

  @Test func theWordListsFindWhatTheScanFinds() throws {
    let (test, _, _) = try IndexedSearchTests.scene()
    defer { test.remove() }
    try IndexedSearchTests.expectSameAsTheScan(test.vault, Self.needles)
    // The lists answered, for every letter: no signature could narrow these.
    #expect(try test.vault.searchDesk.searchFromIndex("garden", filter: LetterFilter()) == nil)
    for needle in ["garden", "the", "a"] {
      #expect(try test.vault.searchDesk.searchFromWords(needle, filter: LetterFilter()) != nil, "\(needle)")
    }
    #expect(try test.vault.searchDesk.searchFromWords("about the", filter: LetterFilter()) == nil)
    // With a limit, the newest found, built in order (every letter answered by its list),
    // ties in creation time by id. Seen failing with the ties ordered the other way.
    for _ in 0..<6 { _ = try test.vault.write(LetterDraft(recipient: "Mum", text: "written in the same second")) }
    for needle in ["the", "a", "hale", "e"] {
      for filter in IndexedSearchTests.filters {
        let all = try test.vault.searchDesk.searchSerially(needle, filter: filter).letters
        for limit in [0, 1, 5, 200] {
          let found = try test.vault.search(needle, filter: filter, limit: limit)
          #expect(found.letters == Array(all.prefix(limit)), "\(needle) \(filter) -n \(limit)")
        }
      }
    }
    #expect(try !Self.verdicts(test.vault, "rain").contains(.unknown))
    #expect(try Self.verdicts(test.vault, "rain").contains(.absent))
    #expect(try test.vault.verify().isEmpty)
  }

  /// `search`'s lines for letters the lists answer are lent in place from the listing, as
  /// `list`'s are (no summary built): they show what the scan's summaries show, cooling
  /// letters' release times and names that are not ASCII included, with every filter and
  /// limit, and the letters waiting for their send are the same. Seen failing with the waiting
  /// letters left out of the order handed to the lines.
  @Test func theLinesLentInPlaceShowWhatTheScanShows() throws {
    let (test, _) = try ListedLettersTests.scene()
    defer { test.remove() }
    for needle in ["dear", "the", "a", "hale", "e"] {
      #expect(try test.vault.searchDesk.searchFromWords(needle, filter: LetterFilter()) != nil, "\(needle)")
      for filter in IndexedSearchTests.filters {
        let all = try test.vault.searchDesk.searchSerially(needle, filter: filter).letters
        for limit in [nil, 0, 2] {
          let expected = Array(all.prefix(limit ?? all.count)).map(ListedLettersTests.Line.init)
          let listed = try test.vault.searched(needle, filter: filter, limit: limit)
          #expect(ListedLettersTests.lines(listed) == expected, "\(needle) \(filter) -n \(String(describing: limit))")
          #expect(listed.waiting == ListedLettersTests.waiting(expected), "\(needle) \(filter)")
        }
      }
    }
    #expect(try ListedLettersTests.waiting(ListedLettersTests.lines(test.vault.searched("dear"))).count == 3)
  }

  /// A vault written before the word lists (no WORDS row) is searched by the scan until its
  /// first write, which gives every bucket its lists from the texts. Seen failing (lists only
  /// in the one bucket written) with the upgrade left out of `storeTextIndex`.
  @Test func aVaultFromBeforeTheListsGetsThemAllOnItsFirstWrite() throws {
    let (test, ids, _) = try IndexedSearchTests.scene()
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    let buckets = Set(try file.rows(.textIndex).map(\.objectID.last))
    for row in try file.rows(.words) { try file.delete(row.objectID, kind: .words) }
    let vault = try test.reopen()
    #expect(try Self.verdicts(vault, "rain").allSatisfy { $0 == .unknown })
    #expect(try vault.searchDesk.searchFromWords("rain", filter: LetterFilter()) == nil)
    try IndexedSearchTests.expectSameAsTheScan(vault, ["rain", "the", "a"])
    try vault.addNote(ids[0], text: "the first write after the upgrade")
    #expect(Set(try file.rows(.words).map { $0.objectID[14] }) == buckets)
    #expect(try !Self.verdicts(vault, "rain").contains(.unknown))
    try IndexedSearchTests.expectSameAsTheScan(vault, Self.needles)
    #expect(try vault.verify().isEmpty)
  }

  /// A write re-seals the quarter of the letter it changes and leaves the bucket's other
  /// quarters as they were (FORMAT.md §6.9). Seen failing (both rows at the new epoch) with
  /// every quarter written.
  @Test func aWriteReSealsOnlyTheQuarterItChanges() throws {
    let (test, ids, _) = try IndexedSearchTests.scene()
    defer { test.remove() }
    let pair = try #require(
      ids.lazy.flatMap { a in ids.lazy.map { b in (a, b) } }.first { a, b in
        a.bytes[0] == b.bytes[0] && WordsBucket.quarter(of: a.bytes) != WordsBucket.quarter(of: b.bytes)
      })
    let file = try VaultFile(path: test.path)
    func revision(_ id: LetterID) throws -> Int64 { try file.row(.words, of: WordsBucket.objectID(for: id.bytes)).revision }
    let before = try revision(pair.1)
    try test.vault.addNote(pair.0, text: "a note changes the META, not the words")
    #expect(try revision(pair.0) > before)
    #expect(try revision(pair.1) == before)
    #expect(try !Self.verdicts(test.vault, "rain").contains(.unknown))
    #expect(try test.vault.verify().isEmpty)
  }

  @Test func aMissingStaleOrDamagedRowOnlyMakesSearchReadMore() throws {
    let (test, all, _) = try IndexedSearchTests.scene()
    defer { test.remove() }
    var ids: [LetterID] = []
    for id in all where !ids.contains(where: { $0.bytes[0] == id.bytes[0] }) && ids.count < 3 { ids.append(id) }
    let file = try VaultFile(path: test.path)
    let rows = ids.map { WordsBucket.objectID(for: $0.bytes) }
    // Stale: an older copy put back after its letter's text changed (its META moved on).
    let old = try file.row(.words, of: rows[2])
    try test.vault.edit(ids[2], body: Array("now only a zeppelin".utf8))
    try file.delete(rows[2], kind: .words)
    try file.put(old)
    try file.delete(rows[0], kind: .words)
    try file.flipByte(.words, of: rows[1])
    let vault = try test.reopen()
    let verdicts = try Self.verdicts(vault, "rain")
    #expect(verdicts.filter { $0 == .unknown }.count >= 3)
    #expect(verdicts.filter { $0 != .unknown }.count >= 100, "the other buckets still answer")
    #expect(try vault.searchDesk.searchFromWords("rain", filter: LetterFilter()) != nil)
    try IndexedSearchTests.expectSameAsTheScan(vault, Self.needles)
    #expect(try vault.verify() == [Damage(letterID: nil, part: .wordList, reason: "stored data was changed or is damaged")])
    // The next write to each bucket replaces its row, complete again.
    for id in ids { try vault.addNote(id, text: "mended") }
    #expect(try vault.verify().isEmpty)
    #expect(try !Self.verdicts(vault, "rain").contains(.unknown))
  }

  /// A list sealed with the key but not of its letter's text (a writer's mistake): `search`
  /// trusts it, as `list` trusts a listing entry, and `verify` compares every current list with
  /// its text and names it. Seen failing (no damage) with the comparison left out of `verify`.
  @Test func aListThatIsNotItsTextsIsNamedByVerify() throws {
    let (test, ids, _) = try IndexedSearchTests.scene()
    defer { test.remove() }
    let id = ids[7]
    try test.vault.records.write { tx in
      let objectID = WordsBucket.objectID(for: id.bytes)
      let row = try #require(try tx.session.objects(objectID, field: FieldTag.words.rawValue).first)
      var bucket = try tx.checkWordsRow(row, bucket: id.bytes[0], quarter: WordsBucket.quarter(of: id.bytes))
      let index = try #require(bucket.entries.firstIndex { $0.letterID == id.bytes })
      bucket.entries[index].words = WordList(text: Array("zeppelin".utf8))
      try tx.replaceBucketRow(objectID, field: .words, key: .textIndex, epoch: row.revision, with: bucket.serialized())
    }
    let vault = try test.reopen()
    let trusted = try vault.searchDesk.searchFromWords("zeppelin", filter: LetterFilter())
    #expect(try #require(trusted).letters.map(\.id) == [id])
    #expect(try vault.verify() == [Damage(letterID: id.description, part: .wordList, reason: "does not match the text")])
  }

  /// A letter whose META row is gone behind a current list and listing entry is lost (META
  /// holds its only key): `search` names it as the scan and `list` do, and does not show it.
  /// Seen failing (shown, not named) before the META rows were looked up.
  @Test func aLetterWhoseMetadataIsGoneIsNamedNotShown() throws {
    let (test, ids, _) = try IndexedSearchTests.scene()
    defer { test.remove() }
    try VaultFile(path: test.path).delete(ids[9].bytes, kind: .meta)
    let vault = try test.reopen()
    // One byte: no text signature, so the lists answer, with every filter.
    let found = try vault.search("i")
    #expect(found.damaged == [Damage.missingLetter(ids[9])])
    #expect(!found.letters.contains { $0.id == ids[9] })
    for needle in ["i", "e", "a"] {
      for filter in IndexedSearchTests.filters {
        let answered = try #require(try vault.searchDesk.searchFromWords(needle, filter: filter))
        let scanned = try vault.searchDesk.searchSerially(needle, filter: filter)
        #expect(answered.letters == scanned.letters && answered.damaged == scanned.damaged, "\(needle) \(filter)")
      }
    }
  }

  /// A burn re-keys: every other letter's list is carried over under the new key, the burned
  /// letter's goes; a text too rich to keep a list of is read and still found.
  @Test func aBurnCarriesTheOtherListsAndALongTextIsStillFound() throws {
    let (test, ids, _) = try IndexedSearchTests.scene()
    defer { test.remove() }
    let long = (0..<1_500).map { "w\($0)x" }.joined(separator: " ") + " keepsakeq"
    let rich = try test.vault.write(LetterDraft(text: long))
    try test.vault.edit(ids[3], body: Array("keepsakeq once".utf8))
    try test.vault.burn(ids[3])
    let vault = try test.reopen()
    let lists = try vault.records.read { try $0.loadTextIndex() }
    #expect(!lists.contains { $0.letterID == ids[3].bytes })
    #expect(lists.first { $0.letterID == rich.bytes }?.words == WordList(bytes: nil))
    #expect(lists.allSatisfy { $0.words != nil })
    #expect(try Self.verdicts(vault, "rain").filter { $0 == .unknown }.count == 1, "only the long letter")
    #expect(try vault.search("keepsakeq").letters.map(\.id) == [rich])
    try IndexedSearchTests.expectSameAsTheScan(vault, ["rain", "w1499x", "keepsakeq", "the"])
    #expect(try vault.verify().isEmpty)
  }
}

import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// The non-ASCII flag of the TEXT INDEX (format 2, FORMAT.md §6.7): a needle no ASCII text can
/// hold reads only the letters whose text is not ASCII, and finds exactly what the scan over
/// every letter finds, on hostile Unicode; a format-1 text index is read as it is and written
/// again whole by the first write.
@Suite struct NonASCIIIndexTests {
  static let pieces = [
    "lighthouse", "grief", "Sorry", "kitchen", "é", "É", "e\u{0301}", "E\u{0301}", "café", "CAFÉ",
    "Über", "u\u{0308}ber", "straße", "STRAẞE", "ß", "\u{212A}elvin", "İstanbul", "ı", ";", "\u{037E}",
    "Σίσυφος", "ς", "🙂", "ﬁne", "\u{0301}", "\u{FFFD}", "Ω", "\u{2126}", "ǅ", ",", "\n", " ",
  ]

  /// 160 letters: a fifth with Unicode pieces in the text (and a tenth edited to end in `é`),
  /// the rest ASCII only, and some with Unicode in the recipient, subject or a tag.
  static func scene(seed: UInt64) throws -> TestVault {
    let test = try TestVault()
    var random = SeededGenerator(seed: seed)
    let ascii = pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    for index in 0..<160 {
      test.clock.advance(Double(Int.random(in: 60...86_400, using: &random)))
      let source = index % 5 == 1 ? pieces : ascii
      let text = (0..<Int.random(in: 1...40, using: &random)).map { _ in source.randomElement(using: &random)! }
        .joined(separator: " ")
      let unicodeField = index % 7 == 3
      let id = try test.vault.write(
        LetterDraft(
          recipient: unicodeField ? "Dr. Ünal" : ["Dr. Hale", "Mum", ""][index % 3],
          subject: index % 11 == 5 ? "über den café" : "about \(index)",
          tags: index % 13 == 4 ? ["straße"] : [], text: text))
      if index % 9 == 1 { try test.vault.hold(id) }
      if index % 10 == 2 { try test.vault.edit(id, body: Array((text + " é").utf8)) }
    }
    return test
  }

  static let needles = [
    "é", "É", "e\u{0301}", "café", "CAFÉ", "über", "ÜBER", "u\u{0308}", "ß", "ẞ", "straße", "SS", "σ",
    "ς", "Σ", "🙂", "\u{212A}", "İ", "ı", "\u{037E}", "ü;", "ﬁ", "\u{0301}", "\u{FFFD}", "Ω", "ǆ", "Ünal",
    "é l", "é\n",
  ]

  static func expectSameAsTheScan(_ vault: Vault, _ needles: [String]) throws {
    for needle in needles {
      for filter in IndexedSearchTests.filters {
        let found = try vault.search(needle, filter: filter)
        let scanned = try vault.searchDesk.searchSerially(needle, filter: filter)
        #expect(found.letters == scanned.letters, "\(needle.unicodeScalars.map(\.value)) with \(filter)")
        #expect(found.damaged == scanned.damaged, "\(needle) with \(filter)")
      }
    }
  }

  @Test func aNonASCIINeedleReadsOnlyTheNonASCIITextsAndFindsWhatTheScanFinds() throws {
    let test = try Self.scene(seed: 0xA5C1_0001)
    defer { test.remove() }
    try Self.expectSameAsTheScan(test.vault, Self.needles)
    // Through the index, not the scan, reading the letters whose text is not ASCII only.
    for needle in ["é", "café", "über", "ß"] {
      #expect(try test.vault.searchDesk.searchFromIndex(needle, filter: LetterFilter()) != nil, "\(needle)")
    }
    let verdicts = try test.vault.records.read { tx in
      try test.vault.searchDesk.textVerdicts(.nonASCIINeedle, manifest: try tx.loadManifestIndex(), in: tx)
    }
    #expect(verdicts.text.filter { $0 == .ruledOut }.count >= 100, "the ASCII texts are ruled out")
    #expect(!verdicts.text.contains(.unknown))
    #expect(!verdicts.fields.contains(.unknown))
    // A needle that decomposes to ASCII (U+037E is `;`) is not judged by the flag.
    #expect(try test.vault.searchDesk.searchFromIndex("\u{037E}", filter: LetterFilter()) == nil)
    #expect(try test.vault.verify().isEmpty)
  }

  /// Every TEXT INDEX row written again in `format` (1: no flags byte; 2: no fields
  /// signatures), sealed under the vault's key at its own revision, as vaults before format 2
  /// or 3 hold it.
  static func storeFormat(_ format: UInt8, _ vault: Vault) throws {
    try vault.records.write { tx in
      for row in try tx.session.objects(
        field: FieldTag.textIndex.rawValue, from: RecordTransaction.textIndexLow, through: RecordTransaction.textIndexHigh)
      {
        var bucket = try tx.checkTextIndexRow(row, bucket: row.objectID.last!)
        bucket.format = format
        try tx.replaceBucketRow(
          row.objectID, field: .textIndex, key: .textIndex, epoch: row.revision, with: bucket.serialized())
      }
    }
  }

  static func formats(_ vault: Vault) throws -> Set<UInt8> {
    try vault.records.read { tx in
      Set(
        try tx.session.objects(
          field: FieldTag.textIndex.rawValue, from: RecordTransaction.textIndexLow, through: RecordTransaction.textIndexHigh
        ).map { try tx.checkTextIndexRow($0, bucket: $0.objectID.last!).format })
    }
  }

  @Test func aFormatOneTextIndexIsReadAsItIsAndUpgradedWholeByTheFirstWrite() throws {
    let test = try Self.scene(seed: 0xA5C1_0003)
    defer { test.remove() }
    try Self.storeFormat(1, test.vault)
    let vault = try test.reopen()
    #expect(try Self.formats(vault) == [1])
    // Read as it is: ASCII needles through the signatures, non-ASCII ones by reading more;
    // the same letters, and no damage.
    #expect(try vault.searchDesk.searchFromIndex("zeppelin", filter: LetterFilter()) != nil)
    try Self.expectSameAsTheScan(vault, Array(Self.needles.prefix(8)) + ["lighthouse", "grief"])
    #expect(try vault.verify().isEmpty, "format 1 is not damage")
    // One write (a note on one letter) writes every bucket again in format 3, from the texts.
    let one = try vault.list().letters[0].id
    try vault.addNote(one, text: "a note")
    #expect(try Self.formats(vault) == [3])
    #expect(try vault.searchDesk.searchFromIndex("é", filter: LetterFilter()) != nil)
    try Self.expectSameAsTheScan(vault, Self.needles)
    #expect(try vault.verify().isEmpty)
  }

  /// A text index from before the fields signatures (format 2) is read as it is (the fields
  /// through the LISTING); the first write carries every entry over into format 3 with its
  /// letter's fields signed, from the listing or, where the listing entry is gone, the META.
  /// Seen failing (formats [2, 3]) with the upgrade of the other buckets left out.
  @Test func aFormatTwoTextIndexIsReadAsItIsAndItsFirstWriteSignsEveryLettersFields() throws {
    let test = try Self.scene(seed: 0xA5C1_0006)
    defer { test.remove() }
    try Self.storeFormat(2, test.vault)
    let file = try VaultFile(path: test.path)
    let listingRows = try file.rows(.listing)
    try file.delete(listingRows[1].objectID, kind: .listing)
    let vault = try test.reopen()
    #expect(try Self.formats(vault) == [2])
    let verdicts = try IndexedSearchTests.allVerdicts(vault, "lighthouse")
    #expect(!verdicts.text.contains(.unknown) && verdicts.fields.allSatisfy { $0 == .unknown })
    try Self.expectSameAsTheScan(vault, Array(Self.needles.prefix(8)) + ["lighthouse", "Mum", "grief"])
    #expect(try vault.verify().isEmpty, "format 2 is not damage")
    let bodies = try file.rows(.body).count
    try vault.addNote(try vault.list().letters[0].id, text: "a note")
    #expect(try Self.formats(vault) == [3])
    #expect(try file.rows(.body).count == bodies)
    let entries = try vault.records.read { try $0.loadTextIndex() }
    try IndexedSearchTests.expectFieldsSigned(vault, entries)
    try Self.expectSameAsTheScan(vault, Self.needles + ["Mum", "grief"])
    #expect(try vault.verify().isEmpty)
  }

  /// Since round 7 a write judges the format by the first bucket it rewrites (its row is read
  /// for the write anyway), and by the lowest row only when that bucket has none yet: a new
  /// letter in an empty bucket of a format-1 index upgrades it whole too. Seen failing
  /// (formats [1, 2]) with the lowest-row fallback taken out.
  @Test func aNewLetterInAnEmptyBucketOfAFormatOneIndexUpgradesItWhole() throws {
    let test = try Self.scene(seed: 0xA5C1_0005)
    defer { test.remove() }
    for _ in 0..<40 {
      try Self.storeFormat(1, test.vault)
      #expect(try Self.formats(test.vault) == [1])
      let occupied = Set(try test.vault.list().letters.map { $0.id.bytes[0] })
      let id = try test.vault.write(LetterDraft(recipient: "Mum", subject: "", tags: [], text: "one more é"))
      #expect(try Self.formats(test.vault) == [3])
      if !occupied.contains(id.bytes[0]) { return }
    }
    Issue.record("no new letter landed in an empty bucket in 40 tries")
  }

  @Test func aDamagedStaleOrMissingFormatTwoRowOnlyMakesSearchReadMore() throws {
    let test = try Self.scene(seed: 0xA5C1_0004)
    defer { test.remove() }
    let file = try VaultFile(path: test.path)
    let rows = try file.rows(.textIndex)
    #expect(rows.count >= 3)
    // Stale: an older copy of a row put back after one of its letters got a Unicode text.
    let stale = rows[0]
    let inIt = try test.vault.list().letters.first { $0.id.bytes[0] == stale.objectID.last! }!.id
    try test.vault.edit(inIt, body: Array("now with an É and a ß".utf8))
    try file.delete(stale.objectID, kind: .textIndex)
    try file.put(stale)
    // Damaged, removed, and one bucket's row put under another bucket's id (swapped).
    try file.flipByte(.textIndex, of: rows[1].objectID)
    try file.delete(rows[2].objectID, kind: .textIndex)
    if rows.count > 4 {
      try file.delete(rows[3].objectID, kind: .textIndex)
      try file.put(VaultFile.Row(objectID: rows[3].objectID, kind: rows[4].kind, revision: rows[4].revision, envelope: rows[4].envelope))
    }
    let vault = try test.reopen()
    #expect(try vault.search("É").letters.contains { $0.id == inIt })
    #expect(try vault.search("ß").letters.contains { $0.id == inIt })
    try Self.expectSameAsTheScan(vault, Self.needles)
  }
}

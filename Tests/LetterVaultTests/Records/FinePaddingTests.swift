import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Fine padding (FORMAT.md §5.3): the whole-vault rows — MANIFEST root and buckets, LISTING,
/// TEXT INDEX, RECENT — are padded with Padmé from 256 bytes up, a letter's own rows to powers
/// of two; a format-3 vault, whose rows were all padded to powers of two, reads as it is and
/// its first write pads every whole-vault row again, in that write's transaction.
@Suite struct FinePaddingTests {
  static let fine: [(FieldTag, RecordKey)] = [
    (.manifest, .manifest), (.manifestBucket, .manifest), (.listing, .listing), (.textIndex, .textIndex),
    (.recent, .listing),
  ]

  /// Letters with long subjects, so that LISTING, TEXT INDEX and RECENT rows outgrow the
  /// 256-byte minimum, where the two paddings part.
  static func scene() throws -> (test: TestVault, ids: [LetterID]) {
    let test = try TestVault()
    var ids: [LetterID] = []
    for number in 0..<30 {
      test.clock.advance(3_600)
      let subject = String(repeating: "a long subject \(number) ", count: 12)
      let id = try test.vault.write(
        LetterDraft(recipient: number % 2 == 0 ? "Dr. Hale" : "Mum", subject: subject, text: "letter \(number) lighthouse"))
      if number % 3 == 0 { try test.vault.hold(id) }
      ids.append(id)
    }
    return (test, ids)
  }

  /// Each row of `fields`: its padded length, and the padded length `finely` padding gives
  /// its plaintext.
  static func paddings(_ vault: Vault, _ fields: [(FieldTag, RecordKey)], finely: Bool) throws
    -> [(field: FieldTag, padded: Int, expected: Int)]
  {
    try vault.records.read { tx in
      try fields.flatMap { field, key in
        try tx.session.objects(field: field.rawValue).map { row in
          let plaintext = try row.envelope.withUnsafeBytes { raw in
            try tx.cipher.open(raw, field: field, objectID: row.objectID, revision: row.revision, key: key)
          }
          let padded = row.envelope.count - FormatConstant.envelopeHeaderByteCount - FormatConstant.tagByteCount
          return (field, padded, Padding.bucket(for: plaintext.count, minimum: field.minimumBucket, finely: finely))
        }
      }
    }
  }

  /// Seals every whole-vault row again as binaries before format 4 did: padded to powers of
  /// two, under a format-3 root that pins the new envelopes.
  static func storeCoarsely(_ vault: Vault) throws {
    try vault.records.write { tx in
      let manifest = try tx.loadManifest()
      var bucketHashes: [UInt8: [UInt8]] = [:]
      var recentHash = manifest.recentHash
      for (field, key) in fine where field != .manifest {
        for row in try tx.session.objects(field: field.rawValue) {
          let plaintext = try row.envelope.withUnsafeBytes { raw in
            try tx.cipher.open(raw, field: field, objectID: row.objectID, revision: row.revision, key: key)
          }
          let envelope = tx.cipher.withKey(key) { secret in
            tx.cipher.seal(
              plaintext, field: field, objectID: row.objectID, revision: row.revision, key: secret, finely: false)
          }
          try tx.session.delete(row.objectID, field: field.rawValue)
          try tx.session.put(row.objectID, field: field.rawValue, revision: row.revision, envelope: envelope)
          if field == .manifestBucket { bucketHashes[row.objectID.last!] = Hash.blake2b(envelope) }
          if field == .recent { recentHash = Hash.blake2b(envelope) }
        }
      }
      let root = ManifestRoot(
        epoch: manifest.epoch, writtenAt: manifest.writtenAt, settingsHash: manifest.settingsHash,
        bucketHashes: bucketHashes, recentHash: recentHash, version: Manifest.recentFormatVersion)
      try tx.session.delete(AssociatedData.manifestObjectID, field: FieldTag.manifest.rawValue)
      let envelope = tx.cipher.seal(
        root.serialized(), field: .manifest, objectID: AssociatedData.manifestObjectID,
        revision: manifest.epoch, key: tx.cipher.manifestKey, finely: false)
      try tx.session.put(
        AssociatedData.manifestObjectID, field: FieldTag.manifest.rawValue, revision: manifest.epoch,
        envelope: envelope)
    }
  }

  static func rootFormat(_ vault: Vault) throws -> UInt8 {
    try vault.records.read { tx in try tx.loadManifest().readFormat }
  }

  /// Every row as `finely` pads it, and at least one row where the two paddings differ (so
  /// the check can tell them apart).
  static func expectPadded(_ vault: Vault, finely: Bool, _ comment: Comment) throws {
    let rows = try paddings(vault, fine, finely: finely)
    #expect(rows.allSatisfy { $0.padded == $0.expected }, comment)
    #expect(Set(rows.map(\.field.rawValue)) == Set(fine.map(\.0.rawValue)), comment)
    let coarse = try paddings(vault, fine, finely: !finely)
    #expect(zip(rows, coarse).contains { $0.padded != $1.expected }, comment)
  }

  @Test func aNewVaultPadsItsWholeVaultRowsFinelyAndALettersOwnRowsToPowersOfTwo() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    try Self.expectPadded(test.vault, finely: true, "a new vault")
    #expect(try Self.rootFormat(test.vault) == Manifest.formatVersion)
    // A letter's own rows keep the power-of-two classes.
    let meta = try test.vault.records.read { tx in
      let row = try #require(try tx.session.objects(ids[0].bytes, field: FieldTag.meta.rawValue).first)
      let plaintext = try row.envelope.withUnsafeBytes { raw in
        try tx.cipher.open(raw, field: .meta, objectID: row.objectID, revision: row.revision, key: .meta(ids[0]))
      }
      return (row.envelope.count - 48, plaintext.count)
    }
    #expect(meta.0 == Padding.bucket(for: meta.1, minimum: 256))
    #expect(meta.0.nonzeroBitCount == 1)
  }

  @Test func aFormat3VaultReadsAsItIsAndItsFirstWritePadsEveryRowFinely() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    let listed = try test.vault.list().letters
    let newest = try test.vault.list(limit: 5).letters
    let found = try test.vault.search("lighthouse").letters
    try Self.storeCoarsely(test.vault)

    // Reads: the same letters from the coarse rows; nothing is written.
    let before = try test.fileBytes()
    let reader = try test.reopen()
    #expect(try Self.rootFormat(reader) == Manifest.recentFormatVersion)
    try Self.expectPadded(reader, finely: false, "after storeCoarsely")
    #expect(try reader.list().letters == listed)
    #expect(try reader.list(limit: 5).letters == newest)
    #expect(try RecentListingTests.answersFromTheRecord(reader))
    #expect(try reader.search("lighthouse").letters == found)
    #expect(try reader.letter(ids[4]).body == "letter 4 lighthouse")
    #expect(try reader.verify().isEmpty)
    #expect(try test.fileBytes() == before, "reading a format-3 vault writes nothing")

    // The first write stores format 4 and pads every whole-vault row again.
    try reader.hold(ids[1])
    #expect(try Self.rootFormat(reader) == Manifest.formatVersion)
    let after = try test.reopen()
    try Self.expectPadded(after, finely: true, "after the first write")
    #expect(try after.list().letters.map(\.id) == listed.map(\.id))
    #expect(try after.search("lighthouse").letters.map(\.id) == found.map(\.id))
    #expect(try after.verify().isEmpty)
    try RecentListingTests.expectListsAsTheWhole(after, "after the repadding")
  }

  @Test func aFirstWriteRefusedInsideItsTransactionLeavesTheCoarseRowsAsTheyWere() throws {
    let (test, ids) = try Self.scene()
    defer { test.remove() }
    try Self.storeCoarsely(test.vault)
    let before = try test.fileBytes()
    let vault = try test.reopen()
    #expect(throws: VaultError.self) { try ManifestUpgradeTests.refuseAfterStoringTheManifest(vault, ids[0]) }
    #expect(try test.fileBytes() == before)
    #expect(try Self.rootFormat(vault) == Manifest.recentFormatVersion)
  }

  /// The length check before decryption follows the field's padding: a Padmé length passes for
  /// a whole-vault row and not for a letter's own; a length that is neither passes for none.
  @Test func anEnvelopeLengthIsCheckedAgainstItsFieldsPadding() {
    func envelope(_ field: FieldTag, padded: Int) -> [UInt8] {
      Array(Envelope.header(for: field)) + [UInt8](repeating: 0, count: 24 + padded + FormatConstant.tagByteCount)
    }
    let padme = 272  // Padmé of 257…272 bytes; not a power of two
    #expect(Padding.padme(padme) == padme)
    #expect(throws: Never.self) { try Envelope.validate(envelope(.listing, padded: padme), expecting: .listing) }
    #expect(throws: Never.self) { try Envelope.validate(envelope(.manifest, padded: 512), expecting: .manifest) }
    #expect(throws: ByteReader.Malformed.self) { try Envelope.validate(envelope(.meta, padded: padme), expecting: .meta) }
    #expect(throws: ByteReader.Malformed.self) {
      try Envelope.validate(envelope(.listing, padded: padme + 1), expecting: .listing)
    }
    #expect(throws: ByteReader.Malformed.self) { try Envelope.validate(envelope(.recent, padded: 255), expecting: .recent) }
  }
}

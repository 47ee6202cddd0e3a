import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// A vault whose MANIFEST is format 1 (every entry in the one row, FORMAT.md §6.3) reads as
/// it is without being written, and its first write stores format 2, in that write's
/// transaction, with nothing lost.
@Suite struct ManifestUpgradeTests {
  /// Stores the vault's manifest as format 1, exactly as vaults before the bucket rows held
  /// it (`serializedFormat1` is that serializer), sealed under the vault's own key, and removes
  /// every bucket row and the RECENT row (FORMAT.md §6.8), which such vaults did not have.
  static func storeFormat1(_ vault: Vault) throws {
    try vault.records.write { tx in
      let manifest = try tx.loadManifest()
      let plaintext = manifest.serializedFormat1()  // every bucket opened before any is removed
      try tx.session.delete(
        field: FieldTag.manifestBucket.rawValue, from: ManifestBucket.objectID(bucket: 0),
        through: ManifestBucket.objectID(bucket: 0xFF))
      try tx.session.delete(RecentListing.objectID, field: FieldTag.recent.rawValue)
      try tx.session.delete(AssociatedData.manifestObjectID, field: FieldTag.manifest.rawValue)
      let envelope = tx.cipher.seal(
        plaintext, field: .manifest, objectID: AssociatedData.manifestObjectID,
        revision: manifest.epoch, key: tx.cipher.manifestKey)
      try tx.session.put(
        AssociatedData.manifestObjectID, field: FieldTag.manifest.rawValue, revision: manifest.epoch,
        envelope: envelope)
    }
  }

  private static func isFormat1(_ vault: Vault) throws -> Bool {
    try vault.records.read { tx in try tx.loadManifest().entries.isComplete }
  }

  @Test func aFormat1VaultReadsAsItIsAndIsUpgradedByItsFirstWrite() throws {
    let test = try TestVault()
    defer { test.remove() }
    var ids: [LetterID] = []
    for number in 0..<24 {
      ids.append(try test.vault.write(LetterDraft(recipient: "Dr. Hale", subject: "s\(number)", text: "letter \(number)")))
    }
    try test.vault.addNote(ids[0], text: "a note")
    try test.vault.hold(ids[1])
    let listed = try test.vault.list().letters
    try Self.storeFormat1(test.vault)
    let file = try VaultFile(path: test.path)
    #expect(try file.rows(.manifestBucket).isEmpty)

    // Reads: every letter, checked against the format-1 entries; nothing is written.
    let before = try test.fileBytes()
    let reader = try test.reopen()
    #expect(try Self.isFormat1(reader))
    #expect(try reader.list().letters == listed)
    #expect(try reader.list().damaged.isEmpty)
    for (number, id) in ids.enumerated() { #expect(try reader.letter(id).body == "letter \(number)") }
    #expect(try reader.search("letter").letters.count == ids.count)
    #expect(try reader.verify().isEmpty)
    #expect(try file.rows(.manifestBucket).isEmpty)
    #expect(try test.fileBytes() == before, "reading a format-1 vault writes nothing")

    // The first write stores format 2: every bucket, and the root that pins them.
    try reader.hold(ids[2])
    #expect(try !Self.isFormat1(reader))
    let buckets = Set(ids.map { $0.bytes[0] })
    #expect(Set(try file.rows(.manifestBucket).map { $0.objectID.last! }) == buckets)
    let after = try test.reopen()
    #expect(try after.list().letters.map(\.id) == listed.map(\.id))
    for (number, id) in ids.enumerated() { #expect(try after.letter(id).body == "letter \(number)") }
    #expect(try after.notes(ids[0]).map(\.text) == ["a note"])
    #expect(try after.verify().isEmpty)
  }

  @Test func aFormat1VaultWhoseUpgradeFailsIsLeftAsItWas() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(text: "kept"))
    try Self.storeFormat1(test.vault)
    let before = try test.fileBytes()
    let vault = try test.reopen()
    // A write refused inside the transaction (a sent letter cannot be held) rolls back the
    // upgrade with it.
    #expect(throws: VaultError.self) { try Self.refuseAfterStoringTheManifest(vault, id) }
    #expect(try Self.isFormat1(vault))
    #expect(try test.fileBytes() == before)
  }

  /// A write transaction that stores the manifest (and with it every upgrade a first write
  /// makes), then is refused: all of it must roll back.
  static func refuseAfterStoringTheManifest(_ vault: Vault, _ id: LetterID) throws {
    try vault.records.write { tx -> Void in
      var manifest = try tx.loadManifest()
      manifest.epoch += 1
      try tx.storeManifest(manifest, replacingEpoch: manifest.epoch - 1)
      throw VaultError.notAllowed(.sentCannotBeHeld(id))
    }
  }
}

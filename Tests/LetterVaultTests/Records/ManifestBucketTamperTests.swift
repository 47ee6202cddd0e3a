import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// The manifest's bucket rows (FORMAT.md §6.3) with someone changing the file: a bucket
/// rolled back to an older copy, deleted, duplicated, brought from another vault or left where
/// the root lists none is damage to the index, as a changed single-row manifest was: `list`
/// and `verify` name it, a write that needs the bucket refuses, and the letters still read.
@Suite struct ManifestBucketTamperTests {
  private func bucketID(_ id: LetterID) -> [UInt8] { ManifestBucket.objectID(bucket: id.bytes[0]) }

  /// What every case below must show for letter `a` of `scene`, opened afresh.
  private func expectIndexDamage(_ scene: TamperScene) throws {
    let vault = try scene.test.reopen()
    #expect(try vault.list().damaged.map(\.part) == [.index])
    #expect(try vault.verify().contains { $0.part == .index })
    #expect(TamperScene.damages { try vault.hold(scene.a) }?.map(\.part) == [.index], "writes refuse")
    #expect(try vault.letter(scene.a).body == "letter A, second")
    #expect(try vault.notes(scene.a).map(\.text) == ["note on A"])
  }

  @Test func aBucketRolledBackToAnOlderCopyIsDamage() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let old = try scene.file.row(.manifestBucket, of: bucketID(scene.a))
    try scene.test.vault.hold(scene.a)
    try scene.file.delete(bucketID(scene.a), kind: .manifestBucket)
    try scene.file.put(old)
    try expectIndexDamage(scene)
  }

  @Test func aBucketAndItsMetadataRolledBackTogetherAreDamage() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let oldBucket = try scene.file.row(.manifestBucket, of: bucketID(scene.a))
    let oldMeta = try scene.file.row(.meta, of: scene.a.bytes)
    try scene.test.vault.hold(scene.a)
    for (row, kind) in [(oldBucket, FieldTag.manifestBucket), (oldMeta, .meta)] {
      try scene.file.delete(row.objectID, kind: kind)
      try scene.file.put(row)
    }
    let vault = try scene.test.reopen()
    #expect(try vault.list().damaged.map(\.part) == [.index])
    #expect(try vault.verify().contains { $0.part == .index })
    #expect(TamperScene.damages { try vault.hold(scene.a) }?.map(\.part) == [.index])
  }

  @Test func aDeletedBucketIsDamage() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.delete(bucketID(scene.a), kind: .manifestBucket)
    try expectIndexDamage(scene)
  }

  /// A second copy at the next revision. The `bucket` table (FORMAT.md §8.1) holds one row
  /// per bucket, so there the copy replaces the row, whose revision then no longer matches
  /// the one its envelope was sealed for; a vault from before the table keeps both rows.
  @Test func aDuplicatedBucketIsDamage() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let row = try scene.file.row(.manifestBucket, of: bucketID(scene.a))
    try scene.file.put(.init(objectID: row.objectID, kind: row.kind, revision: row.revision + 1, envelope: row.envelope))
    try expectIndexDamage(scene)
  }

  @Test func aFlippedByteInABucketIsDamage() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    try scene.file.flipByte(.manifestBucket, of: bucketID(scene.a))
    try expectIndexDamage(scene)
  }

  @Test func aBucketFromAnotherVaultIsDamage() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let other = try TestVault()
    defer { other.remove() }
    _ = try other.vault.write(LetterDraft(text: "from the other vault"))
    let foreign = try #require(try VaultFile(path: other.path).rows(.manifestBucket).first)
    let mine = try scene.file.row(.manifestBucket, of: bucketID(scene.a))
    try scene.file.delete(mine.objectID, kind: .manifestBucket)
    try scene.file.put(.init(objectID: mine.objectID, kind: mine.kind, revision: foreign.revision, envelope: foreign.envelope))
    try expectIndexDamage(scene)
  }

  @Test func aBucketRowTheRootDoesNotListIsDamage() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    let row = try scene.file.row(.manifestBucket, of: bucketID(scene.a))
    let used = Set([scene.a.bytes[0], scene.b.bytes[0]])
    let stray = try #require((UInt8.min...UInt8.max).first { !used.contains($0) })
    try scene.file.put(
      .init(objectID: ManifestBucket.objectID(bucket: stray), kind: row.kind, revision: row.revision, envelope: row.envelope))
    let vault = try scene.test.reopen()
    #expect(try vault.list().damaged.map(\.part) == [.index])
    #expect(try vault.verify().contains { $0.part == .index })
  }

  @Test func aWriteRewritesOnlyTheBucketItTouches() throws {
    let scene = try TamperScene()
    defer { scene.remove() }
    guard scene.a.bytes[0] != scene.b.bytes[0] else { return }
    let before = try scene.file.row(.manifestBucket, of: bucketID(scene.b))
    try scene.test.vault.hold(scene.a)
    #expect(try scene.file.row(.manifestBucket, of: bucketID(scene.b)) == before)
    #expect(try scene.file.row(.manifestBucket, of: bucketID(scene.a)).revision > before.revision)
    #expect(try scene.test.reopen().verify().isEmpty)
  }
}

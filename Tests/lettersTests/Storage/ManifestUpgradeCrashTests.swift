import Foundation
import Testing

@_spi(Bulk) @testable import LetterVault
@testable import VaultRecords

/// The upgrade of a format-1 manifest (FORMAT.md §6.3) happens inside the first write's
/// transaction: a `hold` SIGKILLed at random moments on copies of a 3,000-letter format-1
/// vault leaves each copy whole, in format 1 (killed before the commit) or format 3 with
/// every bucket and the RECENT row (§6.8, after it), never between, and every letter still
/// there. The copies are also older than the kind index and the bucket table (FORMAT.md
/// §8.1), which the same transaction adds.
@Suite struct ManifestUpgradeCrashTests {
  /// The vault's manifest as format 1, as vaults before the bucket rows stored it.
  private static func storeFormat1(_ vault: Vault) throws {
    try vault.records.write { tx in
      let manifest = try tx.loadManifest()
      let plaintext = manifest.serializedFormat1()
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

  @Test func aKilledUpgradeLeavesEachCopyWholeInOneFormatOrTheOther() throws {
    let fixture = try CLIFixture(create: false)
    defer { fixture.remove() }
    let vault = try Vault.create(
      at: fixture.vault, passphrase: Passphrase(CLIFixture.passphrase),
      kdf: KDFParameters(opsLimit: 1, memLimit: 8192))
    let ids = try vault.write(
      batch: (0..<3000).map {
        (LetterDraft(recipient: "Dr. Hale", text: "letter \($0)"), Date(timeIntervalSince1970: 1_800_000_000 + Double($0)), false)
      })
    try Self.storeFormat1(vault)
    // And made before the kind index and the bucket table (FORMAT.md §8.1): the same first
    // write adds both.
    try KindIndexTests.dropIndex(fixture.vault)
    try VaultFile(path: fixture.vault).dropBucketTable()
    let original = try fixture.vaultBytes()
    let buckets = Set(ids.map { $0.bytes[0] })
    var random = SeededGenerator(seed: 0x0F0F_1717)
    var log: [String] = []
    for index in 0..<16 {
      let path = fixture.directory.appendingPathComponent("vault/copy-\(index).db").path
      FileManager.default.createFile(atPath: path, contents: original, attributes: [.posixPermissions: 0o600])
      defer { try? FileManager.default.removeItem(atPath: path) }
      // Each copy is a vault of its own to the device watermark (FORMAT.md §15.3).
      let state = ["XDG_STATE_HOME": fixture.directory.appendingPathComponent("state-\(index)").path]
      let delay = Double.random(in: 0.005...0.3, using: &random)
      let run = try KilledRun.run(
        ["hold", ids[index].description, "--vault", path], stdin: nil,
        environment: fixture.environment.merging(state) { $1 }, killAfter: delay)
      let rows = try VaultFile(path: path).rows(.manifestBucket)
      log.append("copy \(index): \(run.status.map { "exit \($0)" } ?? "killed") after \(delay) s, \(rows.count) bucket rows")
      let indexed = try KindIndexTests.hasIndex(path)
      let recent = try VaultFile(path: path).rows(.recent)
      let split = try VaultFile(path: path).hasBucketTable()
      if let status = run.status {
        #expect(status == 0, "copy \(index): \(run.stderr)")
        #expect(Set(rows.map { $0.objectID.last! }) == buckets, "a finished write upgrades")
        #expect(indexed, "a finished write adds the kind index")
        #expect(recent.count == 1, "a finished write stores the newest letters")
        #expect(split, "a finished write makes the bucket table")
      } else {
        #expect(rows.isEmpty || Set(rows.map { $0.objectID.last! }) == buckets, "copy \(index): half an upgrade")
        #expect(indexed == !rows.isEmpty, "copy \(index): the index and the manifest upgrade commit together")
        #expect(recent.count == (rows.isEmpty ? 0 : 1), "copy \(index): the newest letters commit with the upgrade")
        #expect(split == !rows.isEmpty, "copy \(index): the bucket table commits with the upgrade")
      }
      let verify = try fixture.run(["verify", "--vault", path], environment: state)
      #expect(verify.status == 0, "copy \(index): \(verify.stderr)")
      let listed = try fixture.run(["list", "-q", "--vault", path], environment: state)
      #expect(listed.stdout.split(separator: "\n").count == ids.count, "copy \(index)")
      let newest = try fixture.run(["list", "-q", "-n", "20", "--vault", path], environment: state)
      #expect(newest.stdout.split(separator: "\n") == Array(listed.stdout.split(separator: "\n").prefix(20)), "copy \(index)")
    }
    print(log.joined(separator: "\n"))
  }
}

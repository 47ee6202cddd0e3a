import Foundation
import Testing
import VaultRecords

/// The binary over a vault whose manifest bucket row (FORMAT.md §6.3) was deleted or rolled
/// back: `list`, `verify` and a write that needs the bucket exit 65 naming the index, the
/// letter still reads, and nothing is written.
@Suite struct ManifestBucketCommandTests {
  @Test(arguments: ["deleted", "rolled back"])
  func aDamagedBucketIsNamedAndRefusesWrites(_ how: String) throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("a letter to keep\n")
    let file = try VaultFile(path: fixture.vault)
    let bucket = ManifestBucket.objectID(bucket: Bytes.hex(id)[0])
    let old = try file.row(.manifestBucket, of: bucket)
    #expect(try fixture.run(["hold", String(id.prefix(8))]).status == 0)
    try file.delete(bucket, kind: .manifestBucket)
    if how == "rolled back" { try file.put(old) }
    let before = try fixture.vaultBytes()
    for arguments in [["list"], ["verify"], ["hold", String(id.prefix(8)), "--review-on", "2030-01-01"]] {
      let result = try fixture.run(arguments)
      #expect(result.status == 65, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("index"), "\(arguments): \(result.stderr)")
    }
    #expect(try fixture.run(["show", id, "--text-only"]).stdout == "a letter to keep\n")
    #expect(try fixture.vaultBytes() == before)
  }
}

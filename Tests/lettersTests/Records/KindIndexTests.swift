import Foundation
import GRDB
import Testing

/// The kind index (FORMAT.md §8.1): `list` asks it which letters still have a META row, a
/// vault made before it reads as before and gets it on its first write, and the answer is the
/// same with and without it.
@Suite struct KindIndexTests {
  static func hasIndex(_ path: String) throws -> Bool {
    try DatabaseQueue(path: path).read { db in
      try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'object_kind'")
    } ?? false
  }

  static func dropIndex(_ path: String) throws {
    try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: "DROP INDEX object_kind") }
  }

  /// Seen failing before: with the walk's last step left out (`missing += sorted[next...]`),
  /// `list` with the index neither named the letter with the largest id nor left it out
  /// (118 lines); without the index it was named.
  @Test func lettersWhoseMetadataIsGoneAreNamedWithTheIndexAndWithout() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    try fixture.importNumbered(120)
    let listed = try fixture.run(["list", "--json"])
    let objects = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
    let ids = objects.compactMap { $0["id"] as? String }.sorted()
    #expect(ids.count == 120)
    // The smallest and largest ids and one between: the ends of the walk and its middle.
    let gone = [ids[0], ids[57], ids[119]]
    for id in gone { try VaultFile(path: fixture.vault).delete(Bytes.hex(id), kind: .meta) }
    #expect(try Self.hasIndex(fixture.vault))
    let withIndex = try fixture.run(["list"])
    try Self.dropIndex(fixture.vault)
    let before = try fixture.vaultBytes()
    let withoutIndex = try fixture.run(["list"])
    #expect(try fixture.vaultBytes() == before)
    for result in [withIndex, withoutIndex] {
      #expect(result.status == 65, "\(result.stderr)")
      for id in gone {
        #expect(result.stderr.contains("letter \(id.prefix(8))"), "\(result.stderr)")
        #expect(!result.stdout.contains(String(id.prefix(8))))
      }
      #expect(result.stdout.split(separator: "\n").count == 117)
    }
    #expect(withIndex.stdout == withoutIndex.stdout)
    #expect(withIndex.stderr == withoutIndex.stderr)
  }

  /// Seen failing before the upgrade was written: the first write left the vault without the
  /// index (`hasIndex` false after `write`).
  @Test func aVaultMadeBeforeTheIndexReadsUnchangedAndGetsItOnItsFirstWrite() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    try fixture.importNumbered(80)
    let listed = try fixture.run(["list"])
    try Self.dropIndex(fixture.vault)
    let before = try fixture.vaultBytes()
    for arguments in [["list"], ["verify"], ["search", "Dear 07"], ["status"]] {
      let result = try fixture.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    #expect(try fixture.run(["list"]).stdout == listed.stdout)
    #expect(try fixture.vaultBytes() == before)
    #expect(try !Self.hasIndex(fixture.vault))
    let id = try fixture.write("the first letter after the upgrade\n")
    #expect(try Self.hasIndex(fixture.vault))
    let after = try fixture.run(["list"])
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stdout.split(separator: "\n").count == 81)
    #expect(after.stdout.contains(String(id.prefix(8))))
    let verified = try fixture.run(["verify"])
    #expect(verified.status == 0, "\(verified.stderr)")
  }
}

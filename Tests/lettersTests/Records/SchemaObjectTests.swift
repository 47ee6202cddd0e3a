import Foundation
import GRDB
import Testing

/// Anything in the file's schema letters never creates is refused on open, in `verify` and
/// before a burn deletes anything (FORMAT.md §8.1; SECURITY.md §2.4, §2.6).
@Suite struct SchemaObjectTests {
  static func plant(_ sql: String, in path: String) throws {
    try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: sql) }
  }

  /// Seen failing before: `list` and `verify` exited 0 with each of these in the file.
  @Test(arguments: [
    ("CREATE TRIGGER keep AFTER DELETE ON object BEGIN SELECT 1; END", "trigger “keep”"),
    ("CREATE VIEW everything AS SELECT * FROM object", "view “everything”"),
    ("CREATE TABLE notes_copy (x BLOB)", "table “notes_copy”"),
    ("CREATE INDEX by_kind ON object (kind)", "index “by_kind”"),
    // letters' own index name with another definition (FORMAT.md §8.1): a stranger too.
    ("DROP INDEX object_kind; CREATE INDEX object_kind ON object (kind)", "index “object_kind”"),
    ("DROP INDEX object_kind; CREATE INDEX object_kind ON object (kind, object_id) WHERE kind > 1", "index “object_kind”"),
    ("DROP INDEX object_kind; CREATE INDEX object_kind ON keyslot (slot_id)", "index “object_kind”"),
  ])
  func aPlantedSchemaObjectIsRefusedOnOpenAndNamedByVerify(sql: String, named: String) throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("a letter\n")
    try Self.plant(sql, in: fixture.vault)
    let before = try fixture.vaultBytes()
    for arguments in [["list"], ["show", id], ["verify"], ["write", "--to", "Mum"]] {
      let result = try fixture.run(arguments, stdin: "more\n")
      #expect(result.status == 65, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(named), "\(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("everything checks out"))
    }
    #expect(try fixture.vaultBytes() == before)
  }

  /// Seen failing before: burn said "burned; the vault now has a new key" and the shadow
  /// table held the burned letter's rows and every old keyslot.
  @Test func burnWithAPlantedTriggerIsRefusedBeforeAnythingIsDeleted() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("to be burned\n")
    try Self.plant(
      """
      CREATE TABLE shadow (object_id BLOB, kind INTEGER, revision INTEGER, env BLOB);
      CREATE TRIGGER keep BEFORE DELETE ON object BEGIN
        INSERT INTO shadow VALUES (old.object_id, old.kind, old.revision, old.env);
      END;
      """, in: fixture.vault)
    let before = try fixture.vaultBytes()
    let burned = try fixture.run(["burn", id, "--confirm-id", id])
    #expect(burned.status == 65, "\(burned.stderr)")
    #expect(burned.stderr.contains("table “shadow”"))
    #expect(!burned.stderr.contains("burned"))
    #expect(try fixture.vaultBytes() == before)
    let shadowRows = try DatabaseQueue(path: fixture.vault).read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM shadow")
    }
    #expect(shadowRows == 0)
  }
}

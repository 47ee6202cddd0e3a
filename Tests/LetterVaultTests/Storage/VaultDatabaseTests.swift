import Foundation
import GRDB
import Testing

@testable import LetterVault
@testable import VaultRecords

/// The pragmas of SECURITY.md §2.6 read back from the vault's own connection (§5.2 T27).
@Suite struct VaultDatabaseTests {
  @Test func everyConnectionRunsWithTheHardenedPragmas() throws {
    let test = try TestVault()
    defer { test.remove() }
    for vault in [test.vault, try test.reopen()] {
      let values = try vault.database.read { session in
        try [
          "journal_mode", "secure_delete", "synchronous", "temp_store", "auto_vacuum",
          "trusted_schema", "cell_size_check", "mmap_size", "cache_size", "cache_spill",
        ].map { try String.fetchOne(session.db, sql: "PRAGMA \($0)") ?? "?" }
      }
      // The last two are for speed, not safety (FORMAT.md §8.2): a small cache of clean pages,
      // and dirty ones spilled no sooner than with SQLite's default cache.
      #expect(values == ["delete", "1", "2", "2", "1", "0", "1", "0", "-256", "128"])
    }
  }

  @Test func theSchemaHasOnlyNeutralNamesAndNoRowidCounters() throws {
    let test = try TestVault()
    defer { test.remove() }
    let tables = try test.vault.database.read { session in
      try String.fetchAll(session.db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    }
    // No AUTOINCREMENT (no `sqlite_sequence`): the bucket table's keys are fixed slots.
    #expect(tables == ["bucket", "capture", "keyslot", "object", "vault"])
  }

  @Test func theSchemaIsExactlyTheOneInFormatMD() throws {
    let format = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/FORMAT.md")
    let text = try String(contentsOf: format, encoding: .utf8)
    let section = try #require(text.range(of: "### 8.1 Schema"))
    let rest = text[section.upperBound...]
    let start = try #require(rest.range(of: "```sql\n"))
    let end = try #require(rest[start.upperBound...].range(of: "```"))
    let documented = rest[start.upperBound..<end.lowerBound]
      .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    #expect(documented == Schema.statements)
    // The one index, in its own block after the tables.
    let after = rest[end.upperBound...]
    let indexStart = try #require(after.range(of: "```sql\n"))
    let indexEnd = try #require(after[indexStart.upperBound...].range(of: "```"))
    #expect(after[indexStart.upperBound..<indexEnd.lowerBound].split(separator: "\n").map(String.init) == [Schema.kindIndex.sql])
    // The bucket table, in the block after that.
    let later = after[indexEnd.upperBound...]
    let tableStart = try #require(later.range(of: "```sql\n"))
    let tableEnd = try #require(later[tableStart.upperBound...].range(of: "```"))
    #expect(later[tableStart.upperBound..<tableEnd.lowerBound].split(separator: "\n").map(String.init) == [Schema.bucketTable.sql])
  }
}

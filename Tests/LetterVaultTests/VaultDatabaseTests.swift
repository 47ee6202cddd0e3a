import GRDB
import Testing

@testable import LetterVault

/// The pragmas of security.md §1.14 read back from the vault's own connection (§5.2 T27).
@Suite struct VaultDatabaseTests {
  @Test func everyConnectionRunsWithTheHardenedPragmas() throws {
    let test = try TestVault()
    defer { test.remove() }
    for vault in [test.vault, try test.reopen()] {
      let values = try vault.database.read { session in
        try [
          "journal_mode", "secure_delete", "synchronous", "temp_store", "auto_vacuum",
          "trusted_schema", "cell_size_check", "mmap_size",
        ].map { try String.fetchOne(session.db, sql: "PRAGMA \($0)") ?? "?" }
      }
      #expect(values == ["delete", "1", "2", "2", "1", "0", "1", "0"])
    }
  }

  @Test func theSchemaHasOnlyNeutralNamesAndNoRowidCounters() throws {
    let test = try TestVault()
    defer { test.remove() }
    let tables = try test.vault.database.read { session in
      try String.fetchAll(session.db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    }
    #expect(tables == ["keyslot", "object", "vault"])
  }
}

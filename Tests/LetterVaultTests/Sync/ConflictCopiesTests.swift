import Testing

@testable import LetterVault

/// Which names are a sync tool's conflict copy of the vault (README "Two computers").
@Suite struct ConflictCopiesTests {
  @Test(arguments: [
    "vault.sync-conflict-20260501-221400-ABCDEFG.db",
    "vault (conflicted copy 2026-05-01).db",
    "vault (Sam's conflicted copy 2026-05-01).db",
    "vault (conflict 2026-05-01 221400).db",
    "vault_conflict-20260501-221400.db",
  ])
  func aToolsConflictCopyIsFound(name: String) {
    #expect(ConflictCopies.isCopy(name, of: "vault.db"))
  }

  @Test(arguments: [
    "vault.db", "vault.db-wal", "vault.db-shm", "vault.db-journal", "vault-backup.db",
    "other.sync-conflict-20260501-221400-ABCDEFG.db", "vault (copy).db", ".letters-sync-1234",
    "vault.sync-conflict-20260501-221400-ABCDEFG.db-wal",
  ])
  func otherFilesAreNot(name: String) {
    #expect(!ConflictCopies.isCopy(name, of: "vault.db"))
  }
}

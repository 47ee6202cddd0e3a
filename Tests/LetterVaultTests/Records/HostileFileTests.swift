import Foundation
import GRDB
import Testing

@testable import LetterVault
@testable import VaultRecords

/// SECURITY.md §2: a file altered with SQL (not just flipped bytes) fails cleanly: a column
/// of the wrong type or an edited schema is "damaged", never a trap or an I/O error.
@Suite struct HostileFileTests {
  private func vaultWithALetter() throws -> (TestVault, LetterID) {
    let test = try TestVault()
    let id = try test.vault.write(LetterDraft(recipient: "Dr. Hale", text: "Dear …"))
    return (test, id)
  }

  private func alter(_ path: String, _ sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA writable_schema = ON; PRAGMA ignore_check_constraints = ON")
      try db.execute(sql: sql)
    }
  }

  @Test(arguments: [
    "UPDATE object SET env = 5 WHERE kind = 1",
    "UPDATE object SET kind = x'01' WHERE kind = 2",
    "UPDATE object SET revision = 'one' WHERE kind = 2",
    "UPDATE keyslot SET blob = 42",
  ])
  func aColumnOfTheWrongTypeIsReportedAsDamage(sql: String) throws {
    let (test, _) = try vaultWithALetter()
    defer { test.remove() }
    try alter(test.path, sql)
    do {
      let vault = try test.reopen()
      let listing = try vault.list()
      let problems = try vault.verify()
      #expect(!listing.damaged.isEmpty || !problems.isEmpty, "\(sql) went unnoticed")
    } catch let error as VaultError {
      switch error {
      case .damaged, .wrongPassphrase: break
      default: Issue.record("\(sql): \(error)")
      }
    }
  }

  @Test func anEditedSchemaIsRefusedAsDamage() throws {
    let (test, _) = try vaultWithALetter()
    defer { test.remove() }
    try alter(
      test.path,
      "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (length(blob) = 128)', 'CHECK (1)') WHERE name = 'keyslot'"
    )
    #expect {
      try test.reopen()
    } throws: { error in
      guard case VaultError.damaged(let damages) = error else { return false }
      return damages.first?.reason == "its table definitions were changed"
    }
  }
}

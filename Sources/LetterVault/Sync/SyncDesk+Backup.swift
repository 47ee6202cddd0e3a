import VaultRecords
import Foundation

/// Encrypted backups of the live vault file (README; SECURITY.md §2.8).
extension SyncDesk {
  func backup(to destination: String, overwrite: Bool = false) throws(VaultError) {
    let target = URL(fileURLWithPath: destination).standardizedFileURL.path
    guard target != URL(fileURLWithPath: path).standardizedFileURL.path else {
      throw .invalidInput(.backupOntoItself)
    }
    if FileManager.default.fileExists(atPath: target), !overwrite {
      throw .vaultAlreadyExists(path: target)
    }
    let directory = (target as NSString).deletingLastPathComponent
    let temporary = directory + "/.letters-backup-" + Hex.encode(random.bytes(8))
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    try VaultError.translating(path: path) { try database.backup(toNewFile: temporary) }
    try checkBackup(at: temporary)
    try VaultError.translating(path: path) { try VaultDatabase.promote(temporary, to: target) }
  }

  /// Opens the copy with this vault's master key and runs the full verifier on it.
  private func checkBackup(at path: String) throws(VaultError) {
    let database = try VaultError.translating(path: path) { try VaultDatabase.open(at: path) }
    let copyID = try records.read { tx in try tx.vaultID() }
    guard copyID == vaultID else {
      throw .damaged([Damage(letterID: nil, part: .backup, reason: "the copy is not this vault")])
    }
    let copy = Vault(path: path, database: database, cipher: cipher, clock: clock)
    let damaged = try copy.verify()
    guard damaged.isEmpty else { throw .damaged(damaged) }
  }
}

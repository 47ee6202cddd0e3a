import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole-file operations: rebuilding the file after a burn, and online backups.
extension VaultDatabase {
  /// `VACUUM`: rebuilds the file so no page, free or interior, keeps a copy of deleted rows
  /// (SECURITY.md §2.6). Runs outside any transaction; temp data stays in memory
  /// (`temp_store = MEMORY`).
  package func vacuum() throws(StorageError) {
    do {
      try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
    } catch {
      throw StorageError(error, path: path)
    }
  }

  /// Copies the whole database into a new file at `path` (created 0600, `O_EXCL`) with
  /// SQLite's online backup API. GRDB runs it in one step under a read transaction, so the
  /// copy is one consistent snapshot even while another process writes to the vault.
  package func backup(toNewFile path: String) throws(StorageError) {
    try FileSafety.createExclusive(path)
    do {
      let target = try DatabaseQueue(path: path, configuration: Self.configuration())
      try queue.backup(to: target)
      try target.close()
    } catch {
      unlink(path)
      throw StorageError(error, path: path)
    }
  }

  /// Renames `source` over `destination` and fsyncs both the file and its directory.
  package static func promote(_ source: String, to destination: String) throws(StorageError) {
    let fd = openFile(source, O_RDONLY | O_CLOEXEC)
    if fd >= 0 {
      fsync(fd)
      close(fd)
    }
    guard rename(source, destination) == 0 else {
      throw .io(path: destination, reason: String(cString: strerror(errno)))
    }
    let directory = (destination as NSString).deletingLastPathComponent
    let directoryFD = openFile(
      directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directoryFD >= 0 {
      fsync(directoryFD)
      close(directoryFD)
    }
  }
}

/// `open(2)` by another name: inside `VaultDatabase` the bare name means `VaultDatabase.open`.
private func openFile(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }

extension StorageSession {
  /// Removes every row of one object: its META, every BODY and NOTE revision. With
  /// `secure_delete = ON` SQLite overwrites the freed cells with zeros.
  func deleteAllRows(of objectID: [UInt8]) throws {
    try db.execute(sql: "DELETE FROM object WHERE object_id = ?", arguments: [Data(objectID)])
  }
}

import Foundation
import GRDB

/// The SQLite file, through GRDB: the only type that opens connections (FORMAT.md §8).
///
/// A `DatabaseQueue` in rollback-journal mode, never WAL: WAL keeps old page images until a
/// checkpoint, and `secure_delete` does not reach them (SECURITY.md §2.6). Every write is an
/// IMMEDIATE transaction, so two processes serialise on the file lock instead of failing
/// half-way, and a killed process leaves a hot journal that SQLite rolls back on next open.
package final class VaultDatabase {
  package let path: String
  let queue: DatabaseQueue
  /// The file this connection opened (device and inode, read right after opening), so a
  /// second connection by path can tell whether it reached the same file.
  package let identity: FileIdentity?
  /// Whether the file has the `bucket` table (FORMAT.md §8.1), once a transaction saw it.
  private var hasBucketTable = false

  init(path: String, queue: DatabaseQueue) {
    self.path = path
    self.queue = queue
    identity = FileIdentity(path: path)
  }

  /// Creates the file (0600, `O_EXCL`) and its schema. The parent directory is made 0700.
  package static func create(at path: String) throws(StorageError) -> VaultDatabase {
    let directory = (path as NSString).deletingLastPathComponent
    try FileSafety.makePrivateDirectory(directory.isEmpty ? "." : directory)
    try FileSafety.createExclusive(path)
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration())
      try queue.writeWithoutTransaction { db in try Schema.migrate(db) }
      return VaultDatabase(path: path, queue: queue)
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw StorageError(error, path: path)
    }
  }

  /// Opens an existing vault file after checking its ownership and permissions.
  /// `readOnly` is for the other copy in a merge, which must never be written.
  package static func open(at path: String, readOnly: Bool = false) throws(StorageError) -> VaultDatabase {
    try FileSafety.checkExistingVault(path)
    do {
      var config = configuration()
      config.readonly = readOnly
      let queue = try DatabaseQueue(path: path, configuration: config)
      try queue.read { db in try Schema.check(db) }
      return VaultDatabase(path: path, queue: queue)
    } catch {
      throw StorageError(error, path: path)
    }
  }

  /// Runs `body` in a read transaction. GRDB's errors come out as `StorageError`; what
  /// `body` throws comes out unchanged.
  func read<T>(_ body: (StorageSession) throws -> T) throws -> T {
    do {
      return try queue.read { db in
        // Asked again until seen: another process's first write may add the table while this
        // one runs; once there, letters never removes it.
        if !hasBucketTable { hasBucketTable = try StorageSession.hasBucketTable(db) }
        return try body(StorageSession(db: db, split: hasBucketTable))
      }
    } catch {
      throw StorageError.passingThrough(error, path: path)
    }
  }

  /// Runs `body` in one IMMEDIATE transaction: all of it is committed, or none of it.
  func write<T>(_ body: (StorageSession) throws -> T) throws -> T {
    do {
      return try queue.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          // A vault made before the kind index or the bucket table gets them with its first
          // write (FORMAT.md §8.1).
          let parts = try SchemaCheck.run(db)
          if !parts.kindIndex { try db.execute(sql: Schema.kindIndex.sql) }
          if !parts.bucketTable { try StorageSession.moveToBucketTable(db) }
          hasBucketTable = true
          result = try body(StorageSession(db: db, split: true))
          return .commit
        }
        return result!
      }
    } catch {
      throw StorageError.passingThrough(error, path: path)
    }
  }

  /// SQLite's own structural check, for `verify`.
  package func quickCheck() throws(StorageError) -> [String] {
    try storage { try read { session in try session.quickCheck() } }
  }

  /// Pragmas applied to every connection and read back (FORMAT.md §8.2).
  static func configuration() -> Configuration {
    var config = Configuration()
    // Another process may hold the write lock for a moment (two terminals at once).
    config.busyMode = .timeout(30)
    // Arguments of failed statements hold ciphertext only, but keep them out of errors anyway.
    config.publicStatementArguments = false
    config.prepareDatabase { db in
      let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
      guard mode?.lowercased() == "delete" else {
        throw DatabaseError(resultCode: .SQLITE_ERROR, message: "journal_mode is \(mode ?? "?")")
      }
      // `cache_size` and `cache_spill` are for speed: most commands read a page once, so
      // 256 KiB of clean pages is enough, and a larger cache only touched fresh memory, a page
      // fault each 4 KiB; dirty pages still spill only past 128 pages (2 MiB), as with SQLite's
      // default cache, so a write syncs its journal no more often (docs/PERFORMANCE.md round 12).
      try db.execute(
        sql: """
          PRAGMA secure_delete = ON;
          PRAGMA synchronous = FULL;
          PRAGMA temp_store = MEMORY;
          PRAGMA trusted_schema = OFF;
          PRAGMA cell_size_check = ON;
          PRAGMA mmap_size = 0;
          PRAGMA cache_size = -256;
          PRAGMA cache_spill = 128;
          PRAGMA fullfsync = ON;
          """)
    }
    return config
  }

  /// For the package API over `read`: a session's body throws only storage errors.
  func storage<T>(_ body: () throws -> T) throws(StorageError) -> T {
    do { return try body() } catch { throw StorageError(error, path: path) }
  }
}

import Foundation
import GRDB

/// A second connection for reading one half of the file on another core (Vault+Search.swift).
extension VaultDatabase {
  /// A read-only connection to the same file, or nil if it cannot be opened.
  ///
  /// It never waits for a lock (`busyMode = .immediateError`): it is opened and read only while
  /// this process's own connection holds a read transaction, and in rollback-journal mode a
  /// held SHARED lock keeps every writer from committing, so the two connections see the same
  /// committed state (FORMAT.md §8.2). A writer already holding PENDING would make this one wait
  /// for a lock that waits on us: it fails at once instead, and the caller reads alone.
  ///
  /// It is opened by path, so it must reach the very file this connection has open: checked
  /// by device and inode before and after opening. A file replaced in between (its path
  /// renamed over) gives nil, and the caller reads alone, rather than a second half from
  /// another file that would only be reported as damage.
  package func secondReader() -> VaultDatabase? {
    guard let identity, FileIdentity(path: path) == identity else { return nil }
    var config = Self.configuration()
    config.readonly = true
    config.busyMode = .immediateError
    guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
    let second = VaultDatabase(path: path, queue: queue)
    return second.identity == identity ? second : nil
  }
}

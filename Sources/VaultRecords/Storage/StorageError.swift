import Foundation
import GRDB

/// What the storage layer can fail with (ARCHITECTURE.md "Errors carry facts"). GRDB's and
/// SQLite's errors are turned into these here, so no SQL text ever leaves this folder; the
/// service boundary translates them into a `VaultError`.
package enum StorageError: Error, Equatable {
  /// The file is not a letters vault (no header row, another application's database).
  case notAVault
  case unsupportedFormat(Int)
  case schemaAltered
  /// Something in `sqlite_schema` letters never creates (SchemaCheck.swift).
  case unexpectedSchemaObject(type: String, name: String)
  /// SQLite found its pages or a table damaged, or a column held a value of the wrong type.
  case structureDamaged
  case notFound(path: String)
  case alreadyExists(path: String)
  /// The file or its folder is open to others, or not a plain file.
  case unsafe(path: String, reason: String)
  case io(path: String, reason: String)
  case diskFull(path: String)
  case readOnly(path: String)
  /// The file was replaced under the open connection (renamed over by a sync tool).
  case replaced(path: String)
  /// Another process holds the file (SQLITE_BUSY after the timeout, or the delivery lock).
  case busy
  case outOfMemory

  /// Any error of GRDB or SQLite as a storage fact; an error that is neither (one a
  /// transaction's body threw) is returned unchanged, for the layer that threw it.
  static func passingThrough(_ error: any Error, path: String) -> any Error {
    switch error {
    case is StorageError: return error
    case let error as DatabaseError: return StorageError(error, path: path)
    // A column holds a value of the wrong type: the file was altered.
    case is RowDecodingError: return StorageError.structureDamaged
    default: return error
    }
  }

  /// Any error met while opening or creating the file, as a storage fact.
  init(_ error: any Error, path: String) {
    switch Self.passingThrough(error, path: path) {
    case let error as StorageError: self = error
    default: self = .io(path: path, reason: String(describing: type(of: error)))
    }
  }

  init(_ error: DatabaseError, path: String) {
    switch error.resultCode {
    // Our statements are fixed and valid, so SQLITE_ERROR ("no such column", "unknown
    // function") means the stored schema itself was altered (tamper suite, T32).
    case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT, .SQLITE_SCHEMA, .SQLITE_MISMATCH,
      .SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_ERROR, .SQLITE_RANGE:
      self = .structureDamaged
    case .SQLITE_FULL: self = .diskFull(path: path)
    case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
    // The file was renamed or deleted under the open connection (a sync tool put another
    // copy in its place): SQLite refuses to write to the old one, so nothing is lost.
    case .SQLITE_READONLY where error.extendedResultCode == .SQLITE_READONLY_DBMOVED:
      self = .replaced(path: path)
    case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: self = .readOnly(path: path)
    case .SQLITE_NOMEM: self = .outOfMemory
    default: self = .io(path: path, reason: "the file could not be read or written")
    }
  }
}

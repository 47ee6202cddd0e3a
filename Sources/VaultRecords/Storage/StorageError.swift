import Foundation
import GRDB

/// Storage failures, translated to ``VaultError`` here so no GRDB or SQLite text (which may
/// contain SQL) ever reaches a user (ARCHITECTURE.md "The layers").
package enum StorageError: Error {
  case notAVault
  case unsupportedFormat(Int)
  case schemaAltered
  /// Something in `sqlite_schema` letters never creates (SchemaCheck.swift).
  case unexpectedSchemaObject(type: String, name: String)

  package static func translate(_ error: any Error, path: String) -> VaultError {
    switch error {
    case let error as VaultError:
      return error
    case StorageError.notAVault:
      return .damaged([Damage(letterID: nil, part: .vaultFile, reason: "not a letters vault")])
    case StorageError.schemaAltered:
      return .damaged([Damage(letterID: nil, part: .vaultFile, reason: "its table definitions were changed")])
    case StorageError.unexpectedSchemaObject(let type, let name):
      return .damaged([
        Damage(letterID: nil, part: .schemaObject(type: type, name: name), reason: "letters never makes this")
      ])
    case StorageError.unsupportedFormat(let version):
      return .unsupportedVersion(version)
    case let error as DatabaseError:
      switch error.resultCode {
      // Our statements are fixed and valid, so SQLITE_ERROR ("no such column", "unknown
      // function") means the stored schema itself was altered (tamper suite, T32).
      case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT, .SQLITE_SCHEMA, .SQLITE_MISMATCH,
        .SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_ERROR, .SQLITE_RANGE:
        return .damaged([
          Damage(letterID: nil, part: .vaultFile, reason: "the database structure is damaged")
        ])
      case .SQLITE_FULL:
        return .io(path: path, reason: "the disk is full")
      case .SQLITE_BUSY, .SQLITE_LOCKED:
        return .busy
      // The file was renamed or deleted under the open connection (a sync tool put another
      // copy in its place): SQLite refuses to write to the old one, so nothing is lost.
      case .SQLITE_READONLY where error.extendedResultCode == .SQLITE_READONLY_DBMOVED:
        return .io(
          path: path,
          reason: "the file was replaced while letters had it open (by a sync tool?), so nothing was written; try again")
      case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
        return .io(path: path, reason: "no permission to write")
      case .SQLITE_NOMEM:
        return .outOfMemory
      default:
        return .io(path: path, reason: "the file could not be read or written")
      }
    case is RowDecodingError:
      // A column holds a value of the wrong type: the file was altered.
      return .damaged([
        Damage(letterID: nil, part: .vaultFile, reason: "the database structure is damaged")
      ])
    default:
      return .io(path: path, reason: String(describing: type(of: error)))
    }
  }
}

import Foundation
import GRDB
import GRDBSQLite

extension StorageSession {
  /// Streams one letter's rows of kinds META through NOTE in key order (kind, then revision)
  /// with one prepared statement: a single descent of the b-tree and one range, instead of a
  /// lookup per record (`kind IN (…)` was a descent per kind; the export reads every letter
  /// this way, docs/PERFORMANCE.md), stepped on SQLite's C API (`step`). Rows of other kinds in
  /// that range are the caller's to skip. `wants` sees each row's kind and revision first;
  /// only a wanted row's envelope is read, in SQLite's own buffer, valid only during the call
  /// to `body`.
  func forEachLetterRow(
    _ objectID: [UInt8],
    wants: (_ field: UInt8, _ revision: UInt64) -> Bool,
    _ body: (_ field: UInt8, _ revision: UInt64, _ envelope: UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let statement = try db.cachedStatement(
      sql: "SELECT kind, revision, env FROM object WHERE object_id = ? AND kind BETWEEN \(FieldTag.meta.rawValue) AND \(FieldTag.note.rawValue) ORDER BY kind, revision")
    try step(statement, arguments: [Data(objectID)]) { raw in
      // letters stores kind and revision as integers. A row a hand stored with a fraction or
      // text there is no record of this letter's: skipped, so the record it stands in for
      // reads as missing and the letter as damaged (WholeLetterTamperTests). GRDB's decoding
      // read SQLite's integer value of it, and took a text stored at revision 2.5 for 2.
      let integers = sqlite3_column_type(raw, 0) == SQLITE_INTEGER && sqlite3_column_type(raw, 1) == SQLITE_INTEGER
      guard integers else { return true }
      let field = UInt8(truncatingIfNeeded: sqlite3_column_int64(raw, 0))
      let revision = UInt64(bitPattern: sqlite3_column_int64(raw, 1))
      if wants(field, revision) { try body(field, revision, Self.blob(raw, 2)) }
      return true
    }
  }
}

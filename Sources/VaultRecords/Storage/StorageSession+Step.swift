import GRDB
import GRDBSQLite

extension StorageSession {
  /// Steps a prepared statement on SQLite's C API, handing `row` each result row while its
  /// column buffers are valid; `row` returns false to stop. GRDB's cursor built a `Row` and
  /// a `Data` per row, which cost more than the b-tree step in the loops that read every
  /// letter or every bucket row (docs/PERFORMANCE.md, rounds 5 and 6). The statement is reset
  /// on every path.
  func step(
    _ statement: Statement, arguments: StatementArguments,
    _ row: (_ raw: OpaquePointer) throws -> Bool
  ) throws {
    try statement.setArguments(arguments)
    let raw = statement.sqliteStatement
    defer { sqlite3_reset(raw) }
    while true {
      let code = sqlite3_step(raw)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else {
        let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
      }
      guard try row(raw) else { return }
    }
  }

  /// Whether column `column` of the current row is NULL.
  static func isNull(_ raw: OpaquePointer, _ column: Int32) -> Bool {
    sqlite3_column_type(raw, column) == SQLITE_NULL
  }

  /// Column `column` of the current row as SQLite's own bytes (empty for NULL), valid until
  /// the next step.
  static func blob(_ raw: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(
      start: sqlite3_column_blob(raw, column), count: Int(sqlite3_column_bytes(raw, column)))
  }
}

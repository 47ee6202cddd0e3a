import Foundation
import GRDB

extension StorageSession {
  /// Streams one letter's rows of kinds META through NOTE in key order (kind, then revision)
  /// with one prepared statement: a single descent of the b-tree and one range, instead of a
  /// lookup per record (`kind IN (…)` was a descent per kind; the export reads every letter
  /// this way, docs/PERFORMANCE.md). Rows of other kinds in that range are the caller's to
  /// skip. `wants` sees each row's kind and
  /// revision first; only a wanted row's envelope is read, in SQLite's own buffer, valid only
  /// during the call to `body`.
  func forEachLetterRow(
    _ objectID: [UInt8],
    wants: (_ field: UInt8, _ revision: UInt64) -> Bool,
    _ body: (_ field: UInt8, _ revision: UInt64, _ envelope: UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let statement = try db.cachedStatement(
      sql: "SELECT kind, revision, env FROM object WHERE object_id = ? AND kind BETWEEN \(FieldTag.meta.rawValue) AND \(FieldTag.note.rawValue) ORDER BY kind, revision")
    let rows = try Row.fetchCursor(statement, arguments: [Data(objectID)])
    while let row = try rows.next() {
      let field = UInt8(truncatingIfNeeded: try row.decode(Int64.self, atIndex: 0))
      let revision = UInt64(bitPattern: try row.decode(Int64.self, atIndex: 1))
      guard wants(field, revision) else { continue }
      guard let envelope = row.dataNoCopy(atIndex: 2) else {
        try body(field, revision, UnsafeRawBufferPointer(start: nil, count: 0))
        continue
      }
      try envelope.withUnsafeBytes { raw in try body(field, revision, raw) }
    }
  }
}

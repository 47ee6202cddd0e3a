import Foundation
import GRDB
import GRDBSQLite

/// The `bucket` table (FORMAT.md §8.1): the MANIFEST BUCKET, LISTING, TEXT INDEX, RECENT and
/// WORDS rows, one per slot `kind << 8 | bucket` (WORDS: `wordsBase + 4 × bucket + quarter`),
/// each standing for the object id those records always have (FORMAT.md §6.3, §6.6–§6.9). The record layer still names them by object id
/// and field; `StorageSession` sends them here when the file has the table.
///
/// Why a table of its own, with integer keys: in `object` (WITHOUT ROWID) every interior
/// b-tree cell is a whole row, and SQLite reads a row that overflows its page whole to compare
/// a key with it. At 100,000 letters these rows are 30–140 KB, and every descent to SETTINGS
/// or a manifest bucket met several of them (docs/PERFORMANCE.md, round 8). The slots are
/// fixed by kind and bucket, so they reveal nothing the object ids did not (no counter).
package enum BucketSlot {
  /// The object id every row of `field` has before its bucket byte, or nil when the field
  /// is not stored in the table.
  package static func prefix(_ field: UInt8) -> [UInt8]? {
    let zeros = [UInt8](repeating: 0, count: 14)
    switch field {
    case 7: return zeros + [0x00]  // LISTING: 15 × 0x00 || bucket
    case 8: return zeros + [0x01]  // TEXT INDEX
    case 9: return zeros + [0x02]  // MANIFEST BUCKET
    case 10: return zeros + [0x03]  // RECENT: bucket 0x00 only
    default: return nil
    }
  }

  /// WORDS rows (field 11, FORMAT.md §6.9), four to a bucket, have slots of their own, after
  /// every other: `0x10000 + 4 × bucket + quarter`, for the object id 13 × 0x00 || 0x04 ||
  /// bucket || quarter.
  static let words: UInt8 = 11
  static let wordsBase: Int64 = 0x10000

  package static func isStored(_ field: UInt8) -> Bool { field == words || prefix(field) != nil }

  /// The slot of `objectID` of `field`, or nil for an id such a record never has.
  package static func slot(_ objectID: [UInt8], field: UInt8) -> Int64? {
    if field == words {
      guard objectID.count == 16, objectID.prefix(13).allSatisfy({ $0 == 0 }), objectID[13] == 0x04,
        objectID[15] <= 3
      else { return nil }
      return wordsBase + Int64(objectID[14]) << 2 | Int64(objectID[15])
    }
    guard let prefix = prefix(field), objectID.count == 16, objectID.starts(with: prefix) else { return nil }
    guard field != 10 || objectID[15] == 0 else { return nil }
    return Int64(field) << 8 | Int64(objectID[15])
  }

  /// The slots of `field` whose object ids lie in `low...high` (ids of that form compare as
  /// their bucket bytes; any other bound is taken as the first or last bucket).
  static func slots(field: UInt8, from low: [UInt8], through high: [UInt8]) -> ClosedRange<Int64> {
    let base = field == words ? wordsBase : Int64(field) << 8
    let last = field == words ? wordsBase + 0x3FF : base | 0xFF
    return (slot(low, field: field) ?? base)...(slot(high, field: field) ?? last)
  }

  /// The object id and field a slot stands for.
  package static func object(slot: Int64) -> (objectID: [UInt8], field: UInt8)? {
    if (wordsBase...(wordsBase + 0x3FF)).contains(slot) {
      let place = slot - wordsBase
      let id = [UInt8](repeating: 0, count: 13) + [0x04, UInt8(truncatingIfNeeded: place >> 2), UInt8(place & 3)]
      return (id, words)
    }
    let field = UInt8(truncatingIfNeeded: slot >> 8)
    guard slot >= 0, slot >> 8 <= 0xFF, let prefix = prefix(field) else { return nil }
    let id = prefix + [UInt8(truncatingIfNeeded: slot)]
    return self.slot(id, field: field) == slot ? (id, field) : nil
  }
}

extension StorageSession {
  /// The rows of slots `range`, ascending, with SQLite's own buffers (valid only during the
  /// call); rows whose slot stands for no record are skipped.
  func forEachSlot(
    _ range: ClosedRange<Int64>,
    _ body: (_ objectID: [UInt8], _ field: UInt8, _ revision: UInt64, _ envelope: UnsafeRawBufferPointer) throws -> Void
  ) throws {
    // A statement of its own (not the cache): a caller may walk one field inside another's walk.
    let statement = try db.makeStatement(
      sql: "SELECT slot, revision, env FROM bucket WHERE slot BETWEEN ? AND ? ORDER BY slot")
    try step(statement, arguments: [range.lowerBound, range.upperBound]) { raw in
      guard !Self.isNull(raw, 2), let (id, field) = BucketSlot.object(slot: sqlite3_column_int64(raw, 0)) else {
        return true
      }
      try body(id, field, UInt64(bitPattern: sqlite3_column_int64(raw, 1)), Self.blob(raw, 2))
      return true
    }
  }

  /// The rows of slots `range` as ``StoredObject``s.
  func slotObjects(_ range: ClosedRange<Int64>) throws -> [StoredObject] {
    var rows: [StoredObject] = []
    try forEachSlot(range) { id, field, revision, envelope in
      rows.append(StoredObject(objectID: id, field: field, revision: revision, envelope: Array(envelope)))
    }
    return rows
  }

  func putSlot(_ slot: Int64, revision: UInt64, envelope: Data) throws {
    try db.cachedStatement(sql: "INSERT OR REPLACE INTO bucket (slot, revision, env) VALUES (?, ?, ?)")
      .execute(arguments: [slot, Int64(bitPattern: revision), envelope])
  }

  func deleteSlots(_ range: ClosedRange<Int64>) throws {
    try db.cachedStatement(sql: "DELETE FROM bucket WHERE slot BETWEEN ? AND ?")
      .execute(arguments: [range.lowerBound, range.upperBound])
  }

  /// Whether the file has the `bucket` table: asked by each read until it is seen
  /// (`VaultDatabase.read`), since another process's first write may add it meanwhile.
  static func hasBucketTable(_ db: Database) throws -> Bool {
    try Bool.fetchOne(
      db.cachedStatement(sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"),
      arguments: [Schema.bucketTable.name]) ?? false
  }

  /// Makes the table in a vault from before it and moves every canonical row of its fields
  /// there, in the caller's write transaction (FORMAT.md §8.1), one row at a time from
  /// SQLite's buffer (the 100,000-letter file holds ~60 MB of them). Of two rows for one slot
  /// (at two revisions: damage) the later is kept, which the record's own checks still judge.
  /// A row of those fields under any other object id stays in `object`, where `verify`
  /// names it.
  static func moveToBucketTable(_ db: Database) throws {
    try db.execute(sql: Schema.bucketTable.sql)
    let session = StorageSession(db: db, split: false)
    for field: UInt8 in 7...10 {
      let prefix = BucketSlot.prefix(field)!
      var moved: [[UInt8]] = []
      // Rows go into `bucket` while `object` is stepped; they leave `object` after the walk.
      try session.forEachObject(field: field, from: prefix + [0x00], through: prefix + [0xFF]) {
        objectID, revision, envelope in
        guard let slot = BucketSlot.slot(objectID, field: field) else { return }
        try session.putSlot(slot, revision: revision, envelope: Data(envelope))
        moved.append(objectID)
      }
      for objectID in moved { try session.delete(objectID, field: field) }
    }
  }
}

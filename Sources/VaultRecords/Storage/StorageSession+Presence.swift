import Foundation
import GRDB
import GRDBSQLite

extension StorageSession {
  /// Which of `objectIDs` have no row of `field`: one primary-key lookup per id, with one
  /// prepared statement. For a few ids (RECENT's letters, FORMAT.md §6.8); many letters are
  /// answered by one walk of the kind index (`RecordTransaction.indicesWithoutRow`).
  func objectIDsWithoutRow(_ objectIDs: [[UInt8]], field: UInt8) throws -> [[UInt8]] {
    let statement = try db.cachedStatement(
      sql: "SELECT 1 FROM object WHERE object_id = ? AND kind = ? LIMIT 1")
    var missing: [[UInt8]] = []
    for id in objectIDs where try Int.fetchOne(statement, arguments: [Data(id), field]) == nil {
      missing.append(id)
    }
    return missing
  }

  /// Whether `field` has any row with an object id in `low...high`, without reading one
  /// (the WORDS rows' presence, FORMAT.md §6.9).
  func hasRow(field: UInt8, from low: [UInt8], through high: [UInt8]) throws -> Bool {
    if split, BucketSlot.isStored(field) {
      let slots = BucketSlot.slots(field: field, from: low, through: high)
      return try Int.fetchOne(
        db.cachedStatement(sql: "SELECT 1 FROM bucket WHERE slot BETWEEN ? AND ? LIMIT 1"),
        arguments: [slots.lowerBound, slots.upperBound]) != nil
    }
    return try Int.fetchOne(
      db.cachedStatement(sql: "SELECT 1 FROM object WHERE object_id BETWEEN ? AND ? AND kind = ? LIMIT 1"),
      arguments: [Data(low), Data(high), field]) != nil
  }

  /// Whether the file has the kind index (a vault made before it gets it on its first write).
  func hasKindIndex() throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
      arguments: [Schema.kindIndex.name]) ?? false
  }

  /// The object ids of `field` in `low...high`, ascending, from the kind index alone, with
  /// SQLite's own buffer (valid only during the call): a few small index pages instead of one
  /// b-tree descent per id (docs/PERFORMANCE.md, round 5).
  func forEachObjectID(
    field: UInt8, from low: [UInt8], through high: [UInt8], _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let statement = try db.cachedStatement(
      sql: "SELECT object_id FROM object INDEXED BY object_kind WHERE kind = ? AND object_id BETWEEN ? AND ? ORDER BY object_id")
    try step(statement, arguments: [field, Data(low), Data(high)]) { raw in
      try body(Self.blob(raw, 0))
      return true
    }
  }
}

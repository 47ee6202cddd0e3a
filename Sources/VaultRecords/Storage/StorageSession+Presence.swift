import Foundation
import GRDB
import GRDBSQLite

extension StorageSession {
  /// Which of `objectIDs` have no row of `field`.
  ///
  /// With the kind index (FORMAT.md §8.1), many ids are answered by one walk of the index over
  /// the range they span, merged with the ids in order: a few small index pages instead of one
  /// b-tree descent per id (docs/PERFORMANCE.md, round 5). A few ids, or a vault made before
  /// the index, take one primary-key lookup each.
  func objectIDsWithoutRow(_ objectIDs: [[UInt8]], field: UInt8) throws -> [[UInt8]] {
    guard objectIDs.count > 64, try hasKindIndex() else {
      return try objectIDsWithoutRowByLookup(objectIDs, field: field)
    }
    let sorted = zip(objectIDs, objectIDs.dropFirst()).allSatisfy { !$1.lexicographicallyPrecedes($0) }
      ? objectIDs : objectIDs.sorted { $0.lexicographicallyPrecedes($1) }
    var missing: [[UInt8]] = []
    var next = 0
    try forEachObjectID(field: field, from: sorted[0], through: sorted[sorted.count - 1]) { stored in
      // Every wanted id below the stored one has no row.
      while next < sorted.count, Self.compare(sorted[next], stored) < 0 {
        missing.append(sorted[next])
        next += 1
      }
      while next < sorted.count, Self.compare(sorted[next], stored) == 0 { next += 1 }
      return next < sorted.count
    }
    missing += sorted[next...]
    return missing
  }

  /// One primary-key lookup per id, with one prepared statement.
  private func objectIDsWithoutRowByLookup(_ objectIDs: [[UInt8]], field: UInt8) throws -> [[UInt8]] {
    let statement = try db.cachedStatement(
      sql: "SELECT 1 FROM object WHERE object_id = ? AND kind = ? LIMIT 1")
    var missing: [[UInt8]] = []
    for id in objectIDs where try Int.fetchOne(statement, arguments: [Data(id), field]) == nil {
      missing.append(id)
    }
    return missing
  }

  /// Whether the file has the kind index (a vault made before it gets it on its first write).
  func hasKindIndex() throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
      arguments: [Schema.kindIndex.name]) ?? false
  }

  /// The object ids of `field` in `low...high`, ascending, from the kind index alone, with
  /// SQLite's own buffer (valid only during the call). `body` returns false to stop.
  func forEachObjectID(
    field: UInt8, from low: [UInt8], through high: [UInt8],
    _ body: (UnsafeRawBufferPointer) throws -> Bool
  ) throws {
    let statement = try db.cachedStatement(
      sql: "SELECT object_id FROM object INDEXED BY object_kind WHERE kind = ? AND object_id BETWEEN ? AND ? ORDER BY object_id")
    try step(statement, arguments: [field, Data(low), Data(high)]) { raw in try body(Self.blob(raw, 0)) }
  }

  /// Byte order of an id against a stored one, as SQLite orders BLOBs (memcmp, then length).
  private static func compare(_ id: [UInt8], _ stored: UnsafeRawBufferPointer) -> Int {
    let common = min(id.count, stored.count)
    guard common > 0 else { return id.count - stored.count }
    let order = id.withUnsafeBytes { memcmp($0.baseAddress!, stored.baseAddress!, common) }
    return order != 0 ? Int(order) : id.count - stored.count
  }
}

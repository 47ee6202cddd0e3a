import Foundation
import GRDB
import GRDBSQLite

/// One stored row of the `object` table: an envelope and where it lives.
package struct StoredObject {
  package let objectID: [UInt8]
  package let field: UInt8
  package let revision: UInt64
  package let envelope: [UInt8]
}

/// Row-level access inside one transaction. Everything in and out is ciphertext or public ids.
struct StorageSession {
  let db: Database
  /// Whether the file has the `bucket` table, where the per-bucket records then live
  /// (StorageSession+Buckets.swift): every function below sends their fields there.
  var split = false

  func vaultID() throws -> [UInt8] {
    guard let data = try Data.fetchOne(db, sql: "SELECT vault_id FROM vault WHERE id = 1") else {
      throw StorageError.notAVault
    }
    return [UInt8](data)
  }

  func insertVault(id: [UInt8]) throws {
    try db.execute(
      sql: "INSERT INTO vault (id, format, vault_id) VALUES (1, ?, ?)",
      arguments: [FormatConstant.vaultFormat, Data(id)])
  }

  /// The capture public key (FORMAT.md §6.5), if the vault has one.
  func capturePublicKey() throws -> [UInt8]? {
    try Data.fetchOne(db, sql: "SELECT public_key FROM capture WHERE id = 1").map { [UInt8]($0) }
  }

  func setCapturePublicKey(_ key: [UInt8]) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO capture (id, public_key) VALUES (1, ?)", arguments: [Data(key)])
  }

  func keyslots() throws -> [(slotID: [UInt8], blob: [UInt8])] {
    // `try row.decode`, never `row[i] as T`: a tampered column type must throw, not trap.
    try Row.fetchAll(db, sql: "SELECT slot_id, blob FROM keyslot ORDER BY slot_id").map { row in
      ([UInt8](try row.decode(Data.self, atIndex: 0)), [UInt8](try row.decode(Data.self, atIndex: 1)))
    }
  }

  func putKeyslot(id: [UInt8], blob: [UInt8]) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO keyslot (slot_id, blob) VALUES (?, ?)",
      arguments: [Data(id), Data(blob)])
  }

  func deleteKeyslot(id: [UInt8]) throws {
    try db.execute(sql: "DELETE FROM keyslot WHERE slot_id = ?", arguments: [Data(id)])
  }

  /// The envelope at (object, field, revision), if any.
  func object(_ objectID: [UInt8], field: UInt8, revision: UInt64) throws -> [UInt8]? {
    if split, BucketSlot.isStored(field) {
      return try objects(objectID, field: field).first { $0.revision == revision }?.envelope
    }
    // Cached: `search` looks up the letters its text index lets through one by one, and
    // compiling the statement each time (GRDB's authorizer included) cost more than the read.
    let statement = try db.cachedStatement(
      sql: "SELECT env FROM object WHERE object_id = ? AND kind = ? AND revision = ?")
    return try Data.fetchOne(statement, arguments: [Data(objectID), field, Int64(bitPattern: revision)])
      .map { [UInt8]($0) }
  }

  /// All rows of one field for one object, oldest revision first.
  func objects(_ objectID: [UInt8], field: UInt8) throws -> [StoredObject] {
    if split, BucketSlot.isStored(field) {
      return try BucketSlot.slot(objectID, field: field).map { try slotObjects($0...$0) } ?? []
    }
    return try fetch(
      sql: "SELECT object_id, kind, revision, env FROM object WHERE object_id = ? AND kind = ? ORDER BY revision",
      arguments: [Data(objectID), field], cached: true)
  }

  /// The rows of one field for one object, oldest revision first, with SQLite's own buffers
  /// (valid only during the call): the ~570 KB manifest is read four times per command, and
  /// two copies of it each time were most of a `show` (docs/PERFORMANCE.md).
  func forEachRow(
    _ objectID: [UInt8], field: UInt8,
    _ body: (_ revision: UInt64, _ envelope: UnsafeRawBufferPointer) throws -> Void
  ) throws {
    if split, BucketSlot.isStored(field) {
      guard let slot = BucketSlot.slot(objectID, field: field) else { return }
      return try forEachSlot(slot...slot) { _, _, revision, envelope in try body(revision, envelope) }
    }
    // Prepared once and stepped on the C API (`step`): it runs for every command, often
    // twice or more. Nothing it hands `body` runs this statement again while it steps.
    let statement = try db.cachedStatement(
      sql: "SELECT revision, env FROM object WHERE object_id = ? AND kind = ? ORDER BY revision")
    try step(statement, arguments: [Data(objectID), field]) { raw in
      // SQLite's integer value of the column, as GRDB's decoding read it (NOT NULL).
      try body(UInt64(bitPattern: sqlite3_column_int64(raw, 0)), Self.blob(raw, 1))
      return true
    }
  }

  /// Every row of one field, in one statement (one scan: docs/PERFORMANCE.md).
  func objects(field: UInt8) throws -> [StoredObject] {
    if split, BucketSlot.isStored(field) { return try slotObjects(Int64(field) << 8...Int64(field) << 8 | 0xFF) }
    return try fetch(
      // `+kind`: walk the table in key order, not the kind index (one row at a time).
      sql: "SELECT object_id, kind, revision, env FROM object WHERE +kind = ?", arguments: [field])
  }

  /// Every row of one field whose object id lies in `low...high`: a range on the primary key,
  /// so only those rows are read (the LISTING rows, FORMAT.md §6.6).
  func objects(field: UInt8, from low: [UInt8], through high: [UInt8]) throws -> [StoredObject] {
    if split, BucketSlot.isStored(field) {
      return try slotObjects(BucketSlot.slots(field: field, from: low, through: high))
    }
    return try fetch(
      sql: "SELECT object_id, kind, revision, env FROM object WHERE object_id BETWEEN ? AND ? AND kind = ? ORDER BY object_id, revision",
      arguments: [Data(low), Data(high), field], cached: true)
  }

  /// The first row of one field whose object id lies in `low...high` (lowest id, oldest
  /// revision), or nil: one row read, however many there are.
  func firstObject(field: UInt8, from low: [UInt8], through high: [UInt8]) throws -> StoredObject? {
    if split, BucketSlot.isStored(field) {
      return try objects(field: field, from: low, through: high).first
    }
    return try fetch(
      sql: "SELECT object_id, kind, revision, env FROM object WHERE object_id BETWEEN ? AND ? AND kind = ? ORDER BY object_id, revision LIMIT 1",
      arguments: [Data(low), Data(high), field], cached: true
    ).first
  }

  /// Removes every row of one field whose object id lies in `low...high`.
  func delete(field: UInt8, from low: [UInt8], through high: [UInt8]) throws {
    if split, BucketSlot.isStored(field) { return try deleteSlots(BucketSlot.slots(field: field, from: low, through: high)) }
    try db.cachedStatement(sql: "DELETE FROM object WHERE object_id BETWEEN ? AND ? AND kind = ?")
      .execute(arguments: [Data(low), Data(high), field])
  }

  /// Every row of the table, for `verify`.
  func allObjects() throws -> [StoredObject] {
    try fetch(sql: "SELECT object_id, kind, revision, env FROM object", arguments: [])
      + (split ? slotObjects(0...Int64.max) : [])
  }

  /// Object ids of one field whose hex form starts with `prefix` (already lowercase hex).
  ///
  /// A range on the primary key (the prefix padded with 0s and with fs), not `hex() LIKE`:
  /// that read the whole file, ~20 ms of `show` at 10,000 letters (docs/PERFORMANCE.md).
  func objectIDs(field: UInt8, hexPrefix prefix: String) throws -> [[UInt8]] {
    let digits = Array(prefix.lowercased().utf8.prefix(32))
    func bound(_ pad: UInt8) -> Data {
      let text = digits + [UInt8](repeating: pad, count: 32 - digits.count)
      return Data((0..<16).map { nibble(text[2 * $0]) << 4 | nibble(text[2 * $0 + 1]) })
    }
    guard digits.allSatisfy({ nibble($0) != 0xFF }) else { return [] }
    return try Data.fetchAll(
      db,
      sql: "SELECT DISTINCT object_id FROM object WHERE object_id BETWEEN ? AND ? AND kind = ? AND length(object_id) = 16",
      arguments: [bound(UInt8(ascii: "0")), bound(UInt8(ascii: "f")), field]
    ).map { [UInt8]($0) }
  }

  /// The value of one lowercase hex digit, or 0xFF.
  private func nibble(_ digit: UInt8) -> UInt8 {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    default: 0xFF
    }
  }

  /// Prepared once per connection (`cachedStatement`), like the other statements a write runs
  /// several times: compiling it again for every row was ~0.3 ms of each write
  /// (docs/PERFORMANCE.md, round 6).
  func put(_ objectID: [UInt8], field: UInt8, revision: UInt64, envelope: [UInt8]) throws {
    if split, let slot = BucketSlot.slot(objectID, field: field) {
      return try putSlot(slot, revision: revision, envelope: Data(envelope))
    }
    let sql = "INSERT OR REPLACE INTO object (object_id, kind, revision, env) VALUES (?, ?, ?, ?)"
    try db.cachedStatement(sql: sql)
      .execute(arguments: [Data(objectID), field, Int64(bitPattern: revision), Data(envelope)])
  }

  /// Removes every row of one field of an object (META is replaced, never versioned in rows).
  func delete(_ objectID: [UInt8], field: UInt8) throws {
    if split, BucketSlot.isStored(field) {
      guard let slot = BucketSlot.slot(objectID, field: field) else { return }
      return try deleteSlots(slot...slot)
    }
    try db.cachedStatement(sql: "DELETE FROM object WHERE object_id = ? AND kind = ?")
      .execute(arguments: [Data(objectID), field])
  }

  /// Streams rows of `fields` in primary-key order (object, kind, revision) — one statement,
  /// no sort, no copy of the envelopes: `envelope` is SQLite's own buffer, valid only during
  /// the call (docs/PERFORMANCE.md).
  /// With `from`/`below`, only object ids in `from ..< below` (byte order; nil is open):
  /// a range of the primary key, so SQLite reads only that part of the b-tree.
  func forEachObject(
    fields: [UInt8], from low: [UInt8]? = nil, below high: [UInt8]? = nil,
    _ body: (_ objectID: [UInt8], _ field: UInt8, _ revision: UInt64, _ envelope: UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let list = fields.map(String.init).joined(separator: ", ")
    var bounds = ""
    var arguments: StatementArguments = []
    if let low {
      bounds += " AND object_id >= ?"
      arguments += [Data(low)]
    }
    if let high {
      bounds += " AND object_id < ?"
      arguments += [Data(high)]
    }
    // `+kind`: in key order through the table itself; the kind index would need a sort.
    let statement = try db.makeStatement(
      sql: "SELECT object_id, kind, revision, env FROM object WHERE +kind IN (\(list))\(bounds) ORDER BY object_id, kind, revision")
    try step(statement, arguments: arguments) { raw in
      guard !Self.isNull(raw, 0), !Self.isNull(raw, 3) else { return true }
      let field = UInt8(truncatingIfNeeded: sqlite3_column_int64(raw, 1))
      let revision = UInt64(bitPattern: sqlite3_column_int64(raw, 2))
      try body(Array(Self.blob(raw, 0)), field, revision, Self.blob(raw, 3))
      return true
    }
  }

  /// Streams the rows of one field whose object id lies in `low...high`, in key order, with
  /// SQLite's own buffers (valid only during the call), as `forEachObject(fields:)`.
  func forEachObject(
    field: UInt8, from low: [UInt8], through high: [UInt8],
    _ body: (_ objectID: [UInt8], _ revision: UInt64, _ envelope: UnsafeRawBufferPointer) throws -> Void
  ) throws {
    if split, BucketSlot.isStored(field) {
      return try forEachSlot(BucketSlot.slots(field: field, from: low, through: high)) { id, _, revision, envelope in
        try body(id, revision, envelope)
      }
    }
    // A statement of its own (not the cache): a caller may walk one field inside another's walk.
    let statement = try db.makeStatement(
      sql: "SELECT object_id, revision, env FROM object WHERE object_id BETWEEN ? AND ? AND kind = ? ORDER BY object_id, revision")
    try step(statement, arguments: [Data(low), Data(high), field]) { raw in
      guard !Self.isNull(raw, 0), !Self.isNull(raw, 2) else { return true }
      try body(Array(Self.blob(raw, 0)), UInt64(bitPattern: sqlite3_column_int64(raw, 1)), Self.blob(raw, 2))
      return true
    }
  }

  func quickCheck() throws -> [String] {
    try String.fetchAll(db, sql: "PRAGMA quick_check")
  }

  private func fetch(sql: String, arguments: StatementArguments, cached: Bool = false) throws -> [StoredObject] {
    var result: [StoredObject] = []
    let rows =
      try cached
      ? Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
      : Row.fetchCursor(db, sql: sql, arguments: arguments)
    while let row = try rows.next() {
      result.append(
        StoredObject(
          objectID: [UInt8](try row.decode(Data.self, atIndex: 0)),
          field: UInt8(truncatingIfNeeded: try row.decode(Int64.self, atIndex: 1)),
          revision: UInt64(bitPattern: try row.decode(Int64.self, atIndex: 2)),
          envelope: [UInt8](try row.decode(Data.self, atIndex: 3))))
    }
    return result
  }
}

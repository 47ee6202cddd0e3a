import Foundation
import GRDB
import VaultRecords

/// Direct access to a vault's SQLite rows, playing someone with write access to the file
/// (a sync provider, a snooper): tests read, move, alter and delete ciphertext rows with it.
/// Only tests use GRDB directly; the layering rule is about Sources/. The one raw-file tamper
/// helper of both test targets (a letter id the binary prints is `Bytes.hex(id)`).
package struct VaultFile {
  package struct Row: Equatable {
    package let objectID: [UInt8]
    package let kind: UInt8
    package let revision: Int64
    package let envelope: [UInt8]

    package init(objectID: [UInt8], kind: UInt8, revision: Int64, envelope: [UInt8]) {
      self.objectID = objectID
      self.kind = kind
      self.revision = revision
      self.envelope = envelope
    }
  }

  package let queue: DatabaseQueue

  package init(path: String) throws {
    queue = try DatabaseQueue(path: path)
  }

  /// Whether rows of `kind` live in the `bucket` table (FORMAT.md §8.1) in this file.
  private func inBucketTable(_ kind: FieldTag) throws -> Bool {
    guard BucketSlot.isStored(kind.rawValue) else { return false }
    return try queue.read { db in
      try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bucket'") ?? false
    }
  }

  package func rows(_ kind: FieldTag, of objectID: [UInt8]? = nil) throws -> [Row] {
    if try inBucketTable(kind) {
      return try queue.read { db in
        try GRDB.Row.fetchAll(db, sql: "SELECT slot, revision, env FROM bucket ORDER BY slot").compactMap { row in
          guard let (id, field) = BucketSlot.object(slot: row["slot"]), field == kind.rawValue else { return nil }
          return Row(objectID: id, kind: field, revision: row["revision"], envelope: [UInt8](row["env"] as Data))
        }.filter { objectID == nil || $0.objectID == objectID }
      }
    }
    return try queue.read { db in
      try GRDB.Row.fetchAll(
        db, sql: "SELECT object_id, kind, revision, env FROM object WHERE kind = ? ORDER BY revision",
        arguments: [kind.rawValue]
      ).map {
        Row(
          objectID: [UInt8]($0["object_id"] as Data), kind: UInt8($0["kind"] as Int64),
          revision: $0["revision"], envelope: [UInt8]($0["env"] as Data))
      }.filter { objectID == nil || $0.objectID == objectID }
    }
  }

  package func row(_ kind: FieldTag, of objectID: [UInt8], revision: Int64? = nil) throws -> Row {
    let all = try rows(kind, of: objectID)
    guard let row = revision.map({ wanted in all.first { $0.revision == wanted } }) ?? all.last else {
      throw VaultFileError.noSuchRow
    }
    return row
  }

  /// Inserts or replaces a row. In the `bucket` table a slot holds one row: a row put at
  /// another revision replaces the one there.
  package func put(_ row: Row) throws {
    if let kind = FieldTag(rawValue: row.kind), try inBucketTable(kind),
      let slot = BucketSlot.slot(row.objectID, field: row.kind)
    {
      return try queue.write { db in
        try db.execute(
          sql: "INSERT OR REPLACE INTO bucket (slot, revision, env) VALUES (?, ?, ?)",
          arguments: [slot, row.revision, Data(row.envelope)])
      }
    }
    try queue.write { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO object (object_id, kind, revision, env) VALUES (?, ?, ?, ?)",
        arguments: [Data(row.objectID), row.kind, row.revision, Data(row.envelope)])
    }
  }

  /// Flips one byte of a stored envelope (default: in the ciphertext, after the 32-byte header).
  package func flipByte(_ kind: FieldTag, of objectID: [UInt8], revision: Int64? = nil, at offset: Int = 40)
    throws
  {
    let row = try row(kind, of: objectID, revision: revision)
    var envelope = row.envelope
    envelope[offset] ^= 0x01
    try put(Row(objectID: row.objectID, kind: row.kind, revision: row.revision, envelope: envelope))
  }

  /// Deletes rows of one object (all kinds when `kind` is nil).
  package func delete(_ objectID: [UInt8], kind: FieldTag? = nil, revision: Int64? = nil) throws {
    try queue.write { db in
      for field in kind.map({ [$0.rawValue] }) ?? Array(7...11) {
        guard let slot = BucketSlot.slot(objectID, field: field) else { continue }
        var sql = "DELETE FROM bucket WHERE slot = ?"
        var arguments: StatementArguments = [slot]
        if let revision {
          sql += " AND revision = ?"
          arguments += [revision]
        }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE name = 'bucket'") ?? false {
          try db.execute(sql: sql, arguments: arguments)
        }
      }
      var sql = "DELETE FROM object WHERE object_id = ?"
      var arguments: StatementArguments = [Data(objectID)]
      if let kind {
        sql += " AND kind = ?"
        arguments += [kind.rawValue]
      }
      if let revision {
        sql += " AND revision = ?"
        arguments += [revision]
      }
      try db.execute(sql: sql, arguments: arguments)
    }
  }

  /// Makes the file as a vault from before the `bucket` table (FORMAT.md §8.1): its rows put
  /// back in `object` under the object ids they stand for, and the table dropped.
  package func dropBucketTable() throws {
    try queue.write { db in
      for row in try GRDB.Row.fetchAll(db, sql: "SELECT slot, revision, env FROM bucket") {
        guard let (id, field) = BucketSlot.object(slot: row["slot"]) else { throw VaultFileError.noSuchRow }
        try db.execute(
          sql: "INSERT INTO object (object_id, kind, revision, env) VALUES (?, ?, ?, ?)",
          arguments: [Data(id), field, row["revision"] as Int64, row["env"] as Data])
      }
      try db.execute(sql: "DROP TABLE bucket")
    }
  }

  package func hasBucketTable() throws -> Bool {
    try queue.read { db in
      try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bucket'") ?? false
    }
  }

  package func keyslots() throws -> [[UInt8]] {
    try queue.read { db in
      try Data.fetchAll(db, sql: "SELECT blob FROM keyslot ORDER BY slot_id").map { [UInt8]($0) }
    }
  }

  package func putKeyslot(id: [UInt8], blob: [UInt8]) throws {
    try queue.write { db in
      try db.execute(
        sql: "INSERT INTO keyslot (slot_id, blob) VALUES (?, ?)", arguments: [Data(id), Data(blob)])
    }
  }
}

package enum VaultFileError: Error { case noSuchRow }

extension FieldTag {
  /// The object id of the vault-wide records.
  package static let settingsObject = AssociatedData.settingsObjectID
  package static let manifestObject = AssociatedData.manifestObjectID
}

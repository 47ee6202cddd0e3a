import GRDB

/// The tables of FORMAT.md §8.1, verbatim. Neutral names: `sqlite_master` is stored in clear.
package enum Schema {
  package static let statements = [
    "CREATE TABLE vault (id INTEGER PRIMARY KEY CHECK (id = 1), format INTEGER NOT NULL, vault_id BLOB NOT NULL CHECK (length(vault_id) = 16))",
    "CREATE TABLE keyslot (slot_id BLOB PRIMARY KEY CHECK (length(slot_id) = 8), blob BLOB NOT NULL CHECK (length(blob) = 128)) WITHOUT ROWID",
    "CREATE TABLE object (object_id BLOB NOT NULL CHECK (length(object_id) = 16), kind INTEGER NOT NULL, revision INTEGER NOT NULL, env BLOB NOT NULL, PRIMARY KEY (object_id, kind, revision)) WITHOUT ROWID",
    "CREATE TABLE capture (id INTEGER PRIMARY KEY CHECK (id = 1), public_key BLOB NOT NULL CHECK (length(public_key) = 32))",
  ]

  /// The one index (FORMAT.md §8.1): every row's object id by kind, so `list` can ask which
  /// letters have a META row from a few small index pages instead of reading every page of the
  /// file (docs/PERFORMANCE.md, round 5). Optional: a vault made before it gets it on its
  /// first write (`VaultDatabase.write`).
  package static let kindIndex = (
    name: "object_kind", table: "object", sql: "CREATE INDEX object_kind ON object (kind, object_id)"
  )

  /// The table of the per-bucket records (FORMAT.md §8.1): MANIFEST BUCKET, LISTING, TEXT
  /// INDEX and RECENT rows, kept out of `object`, whose b-tree holds every row whole in its
  /// interior pages too: a descent that met one of these 30–140 KB rows there read all of it
  /// (docs/PERFORMANCE.md, round 8). Here the b-tree's keys are integers. Optional: a vault
  /// made before it gets it, with its rows moved, in its first write (`VaultDatabase.write`).
  package static let bucketTable = (
    name: "bucket",
    sql: "CREATE TABLE bucket (slot INTEGER PRIMARY KEY, revision INTEGER NOT NULL, env BLOB NOT NULL)"
  )

  /// Creates the schema in a fresh file. `page_size` and `auto_vacuum` must be set before the
  /// first table.
  package static func migrate(_ db: Database) throws {
    // FORMAT.md §8.2: 16 KiB pages keep a padded 2 KiB body inside its b-tree cell (4 KiB
    // pages overflowed every body into a page of its own): the file is ~40 % smaller and a
    // scan reads a third fewer pages (docs/PERFORMANCE.md).
    try db.execute(sql: "PRAGMA page_size = 16384")
    try db.execute(sql: "PRAGMA auto_vacuum = FULL")
    try db.inTransaction(.immediate) {
      for statement in statements { try db.execute(sql: statement) }
      try db.execute(sql: kindIndex.sql)
      try db.execute(sql: bucketTable.sql)
      return .commit
    }
  }

  /// Refuses files that are not a letters vault of a format this version reads.
  package static func check(_ db: Database) throws {
    let tables = try String.fetchSet(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    guard tables.isSuperset(of: ["vault", "keyslot", "object", "capture"]) else {
      throw StorageError.notAVault
    }
    // The stored schema text must be exactly ours: an edited one could drop a CHECK or change
    // a column's meaning (SECURITY.md §2.6, tamper suite).
    let stored = try String.fetchAll(
      db,
      sql: """
        SELECT sql FROM sqlite_master WHERE type = 'table'
        AND name IN ('vault', 'keyslot', 'object', 'capture')
        ORDER BY name = 'vault' DESC, name = 'keyslot' DESC, name = 'object' DESC
        """)
    guard stored == statements else { throw StorageError.schemaAltered }
    try SchemaCheck.run(db)
    guard let format = try Int.fetchOne(db, sql: "SELECT format FROM vault WHERE id = 1") else {
      throw StorageError.notAVault
    }
    guard format == FormatConstant.vaultFormat else {
      throw StorageError.unsupportedFormat(format)
    }
  }
}

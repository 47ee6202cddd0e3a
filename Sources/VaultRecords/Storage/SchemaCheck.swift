import GRDB

/// Reads `sqlite_schema` and refuses anything letters did not create (FORMAT.md §8.1), on
/// every open and at the start of every write transaction, before any statement of ours
/// could fire a planted trigger.
package enum SchemaCheck {
  /// The names letters gives its tables, with their statements (Schema.swift).
  package static let tables: [(name: String, sql: String)] = zip(
    ["vault", "keyslot", "object", "capture"], Schema.statements
  ).map { (name: $0, sql: $1) }

  /// Which of the optional parts the file has: the kind index and the `bucket` table
  /// (Schema.swift); a vault made before them has not.
  package struct Parts {
    package var kindIndex: Bool
    package var bucketTable: Bool
  }

  @discardableResult
  package static func run(_ db: Database) throws -> Parts {
    let rows = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master")
      .map { row in
        SchemaInventory.Row(
          type: row["type"] ?? "", name: row["name"] ?? "", tableName: row["tbl_name"] ?? "",
          sql: row["sql"])
      }
    switch SchemaInventory.firstFinding(
      in: rows, tables: tables, indexes: [Schema.kindIndex], optionalTables: [Schema.bucketTable])
    {
    case nil:
      return Parts(
        kindIndex: rows.contains { $0.type == "index" && $0.name == Schema.kindIndex.name },
        bucketTable: rows.contains { $0.type == "table" && $0.name == Schema.bucketTable.name })
    case .stranger(let type, let name): throw StorageError.unexpectedSchemaObject(type: type, name: name)
    case .alteredTable: throw StorageError.schemaAltered
    }
  }
}

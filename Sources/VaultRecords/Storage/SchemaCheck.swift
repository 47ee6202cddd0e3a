import GRDB

/// Reads `sqlite_schema` and refuses anything letters did not create (FORMAT.md §8.1), on
/// every open and at the start of every write transaction, before any statement of ours
/// could fire a planted trigger.
package enum SchemaCheck {
  /// The names letters gives its tables, with their statements (Schema.swift).
  package static let tables: [(name: String, sql: String)] = zip(
    ["vault", "keyslot", "object", "capture"], Schema.statements
  ).map { (name: $0, sql: $1) }

  /// Whether the file has the kind index (Schema.kindIndex); a vault made before it has not.
  @discardableResult
  package static func run(_ db: Database) throws -> Bool {
    let rows = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master")
      .map { row in
        SchemaInventory.Row(
          type: row["type"] ?? "", name: row["name"] ?? "", tableName: row["tbl_name"] ?? "",
          sql: row["sql"])
      }
    switch SchemaInventory.firstFinding(in: rows, tables: tables, indexes: [Schema.kindIndex]) {
    case nil: return rows.contains { $0.type == "index" && $0.name == Schema.kindIndex.name }
    case .stranger(let type, let name): throw StorageError.unexpectedSchemaObject(type: type, name: name)
    case .alteredTable: throw StorageError.schemaAltered
    }
  }
}

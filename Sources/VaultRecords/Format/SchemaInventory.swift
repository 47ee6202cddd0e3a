/// What `sqlite_schema` of a vault may hold (FORMAT.md §8.1): exactly the four tables letters
/// creates, each with its statement verbatim, and nothing else. No index, trigger, view or
/// other table: a trigger planted by anyone who can write the file could copy every deleted
/// row into a table of its own (a burned letter, an old keyslot) or change what is written.
/// Pure, so the fuzzer checks it alone (scripts/fuzz, target `schema`).
package enum SchemaInventory {
  /// One row of `sqlite_schema`.
  package struct Row: Equatable {
    package var type: String
    package var name: String
    package var tableName: String
    /// Nil for objects SQLite makes itself (an automatic index).
    package var sql: String?
  }

  /// What is wrong with a schema, naming the object.
  package enum Finding: Equatable, Error {
    /// An object letters never creates: its type as SQLite names it ("trigger", "view",
    /// "index", "table") and its name.
    case stranger(type: String, name: String)
    /// One of letters' tables, with another definition or missing.
    case alteredTable(name: String)
  }

  /// The first thing in `rows` that is not exactly `tables` (name → statement), or nil.
  /// Strangers are named before altered tables, in the order SQLite lists them.
  package static func firstFinding(in rows: [Row], tables: [(name: String, sql: String)]) -> Finding? {
    var expected: [String: String] = [:]
    for table in tables { expected[table.name] = table.sql }
    var seen: Set<String> = []
    for row in rows {
      guard row.type == "table", let sql = expected[row.name], row.tableName == row.name else {
        return .stranger(type: row.type, name: row.name)
      }
      guard row.sql == sql, seen.insert(row.name).inserted else {
        return .alteredTable(name: row.name)
      }
    }
    for table in tables where !seen.contains(table.name) {
      return .alteredTable(name: table.name)
    }
    return nil
  }
}

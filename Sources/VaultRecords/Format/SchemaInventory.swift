/// What `sqlite_schema` of a vault may hold (FORMAT.md §8.1): exactly the four tables letters
/// creates, each with its statement verbatim, at most the index and the `bucket` table letters
/// adds, each with its statement verbatim, and nothing else. No other index, trigger, view or table: a
/// trigger planted by anyone who can write the file could copy every deleted row into a table
/// of its own (a burned letter, an old keyslot) or change what is written.
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
  /// Each of `indexes` and `optionalTables` may be there, once, exactly as given, or be
  /// absent. Strangers are named before altered tables, in the order SQLite lists them.
  package static func firstFinding(
    in rows: [Row], tables: [(name: String, sql: String)],
    indexes: [(name: String, table: String, sql: String)] = [],
    optionalTables: [(name: String, sql: String)] = []
  ) -> Finding? {
    var expected: [String: String] = [:]
    for table in tables + optionalTables { expected[table.name] = table.sql }
    var seen: Set<String> = []
    var seenIndexes: Set<String> = []
    for row in rows {
      if row.type == "index", let index = indexes.first(where: { $0.name == row.name }) {
        // An index of ours with another definition or on another table is a stranger: an
        // expression index could call a function each time a row is written.
        guard row.tableName == index.table, row.sql == index.sql, seenIndexes.insert(row.name).inserted else {
          return .stranger(type: row.type, name: row.name)
        }
        continue
      }
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

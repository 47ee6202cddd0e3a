import Foundation
import GRDB

extension StorageSession {
  /// Which of `objectIDs` have no row of `field`: one primary-key lookup each, with one
  /// prepared statement (a scan of `kind` would read every page of the file).
  func objectIDsWithoutRow(_ objectIDs: [[UInt8]], field: UInt8) throws -> [[UInt8]] {
    let statement = try db.cachedStatement(
      sql: "SELECT 1 FROM object WHERE object_id = ? AND kind = ? LIMIT 1")
    var missing: [[UInt8]] = []
    for id in objectIDs where try Int.fetchOne(statement, arguments: [Data(id), field]) == nil {
      missing.append(id)
    }
    return missing
  }
}

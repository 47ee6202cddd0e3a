import Foundation
import GRDB

/// Raw row access to a vault file, playing someone who alters the file behind letters' back.
/// Field tags: 1 META, 2 BODY (FORMAT.md §5.2).
struct VaultRows {
  let queue: DatabaseQueue

  init(path: String) throws { queue = try DatabaseQueue(path: path) }

  /// Flips one ciphertext byte of the newest row of `kind` for the letter with this hex id.
  func flipByte(kind: Int, letter hexID: String, at offset: Int = 40) throws {
    try queue.write { db in
      let id = Data(Self.bytes(hexID))
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT revision, env FROM object WHERE object_id = ? AND kind = ? ORDER BY revision DESC",
          arguments: [id, kind])
      else { throw CocoaError(.fileNoSuchFile) }
      var envelope = [UInt8](row["env"] as Data)
      envelope[offset] ^= 0x01
      try db.execute(
        sql: "UPDATE object SET env = ? WHERE object_id = ? AND kind = ? AND revision = ?",
        arguments: [Data(envelope), id, kind, row["revision"] as Int64])
    }
  }

  static func bytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map {
      UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)!
    }
  }
}

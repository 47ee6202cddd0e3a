/// The owner of the vault file and of the key that opens its records: the one way in for
/// every service (ARCHITECTURE.md "The record layer and below"). `read` and `write` are each one SQLite
/// transaction; nothing above this sees the database.
package final class RecordStore {
  package let database: VaultDatabase
  /// Replaced when burn re-keys the vault (FORMAT.md §15.4).
  package var cipher: RecordCipher

  package init(database: VaultDatabase, cipher: RecordCipher) {
    self.database = database
    self.cipher = cipher
  }

  package func read<T>(_ body: (RecordTransaction) throws -> T) throws(VaultError) -> T {
    let cipher = cipher
    return try database.read { session in try body(RecordTransaction(session: session, cipher: cipher)) }
  }

  package func write<T>(_ body: (RecordTransaction) throws -> T) throws(VaultError) -> T {
    let cipher = cipher
    return try database.write { session in try body(RecordTransaction(session: session, cipher: cipher)) }
  }
}

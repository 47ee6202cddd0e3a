/// The owner of the vault file and of the key that opens its records: the one way in for
/// every service (ARCHITECTURE.md "The record layer and below"). Each transaction is one
/// SQLite transaction; nothing above this sees the database.
///
/// What a transaction throws passes through unchanged: the record layer's `RecordError`, the
/// storage layer's `StorageError` (GRDB's errors already turned into facts), or an error of
/// the caller's own. The services translate them once (RecordStore+Boundary.swift in
/// LetterVault).
package final class RecordStore {
  package let database: VaultDatabase
  /// Replaced when burn re-keys the vault (FORMAT.md §15.4).
  package var cipher: RecordCipher

  package init(database: VaultDatabase, cipher: RecordCipher) {
    self.database = database
    self.cipher = cipher
  }

  package func readTransaction<T>(_ body: (RecordTransaction) throws -> T) throws -> T {
    let cipher = cipher
    return try database.read { session in try body(RecordTransaction(session: session, cipher: cipher)) }
  }

  package func writeTransaction<T>(_ body: (RecordTransaction) throws -> T) throws -> T {
    let cipher = cipher
    return try database.write { session in try body(RecordTransaction(session: session, cipher: cipher)) }
  }
}

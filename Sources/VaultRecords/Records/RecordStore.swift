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

  /// A store on a second read-only connection to the same file, with a cipher of its own,
  /// for reading on the other core (FORMAT.md §8.2: search's scan, export's runs);
  /// nil when that connection cannot be opened (the caller then reads everything itself).
  package func secondReader() -> RecordStore? {
    guard let reader = database.secondReader() else { return nil }
    return RecordStore(
      database: reader,
      cipher: RecordCipher(vaultID: cipher.vaultID, masterKey: cipher.masterKey, random: cipher.random))
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

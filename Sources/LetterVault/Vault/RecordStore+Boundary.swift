import VaultRecords

/// The service boundary (ARCHITECTURE.md "Errors carry facts"): every transaction a service
/// runs comes through here, and what the record and storage layers threw is translated into a
/// `VaultError` once (VaultError+Layers.swift).
extension RecordStore {
  /// One read transaction.
  func read<T>(_ body: (RecordTransaction) throws -> T) throws(VaultError) -> T {
    do { return try readTransaction(body) } catch { throw VaultError(translating: error, path: database.path) }
  }

  /// One IMMEDIATE write transaction: all of it is committed, or none of it.
  func write<T>(_ body: (RecordTransaction) throws -> T) throws(VaultError) -> T {
    do { return try writeTransaction(body) } catch { throw VaultError(translating: error, path: database.path) }
  }
}

/// What a service may read from a vault file before it holds a key (FORMAT.md §8.1): the vault
/// id, the keyslots and the letter ids, all stored in clear. Everything else is read through a
/// `RecordStore` once the key is known.
extension VaultDatabase {
  package func vaultID() throws(StorageError) -> [UInt8] { try storage { try read { try $0.vaultID() } } }

  package func header() throws(StorageError) -> (vaultID: [UInt8], keyslots: [[UInt8]]) {
    try storage { try read { session in (try session.vaultID(), try session.keyslots().map(\.blob)) } }
  }

  package func letterIDs(hexPrefix prefix: String) throws(StorageError) -> [[UInt8]] {
    try storage { try read { try $0.objectIDs(field: FieldTag.meta.rawValue, hexPrefix: prefix) } }
  }

  /// Stores a sealed capture without the master key (FORMAT.md §17): `seal` gets the vault's
  /// capture public key (nil when the vault has none) and returns the row's object id and bytes.
  /// What `seal` throws comes out unchanged; GRDB's errors as `StorageError`.
  package func appendCapture(_ seal: ([UInt8]?) throws -> (objectID: [UInt8], row: [UInt8])) throws {
    try write { session in
      let (objectID, row) = try seal(try session.capturePublicKey())
      try session.put(objectID, field: CaptureConstant.rowKind, revision: 0, envelope: row)
    }
  }
}

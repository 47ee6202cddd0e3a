/// The rows services may touch inside a transaction, named by what they hold (ARCHITECTURE.md
/// "The record layer"): keyslots, the capture key and captures, a letter's rows as a whole,
/// and scans over the META and BODY rows. The `StorageSession` behind them stays in this
/// module, so no service writes SQL or a row the record checks do not know about.
extension RecordTransaction {
  // MARK: - The vault's clear header (FORMAT.md §8.1)

  package func vaultID() throws -> [UInt8] { try session.vaultID() }

  package func insertVault(id: [UInt8]) throws { try session.insertVault(id: id) }

  // MARK: - Keyslots (FORMAT.md §4.2)

  package func keyslots() throws -> [(slotID: [UInt8], blob: [UInt8])] { try session.keyslots() }

  package func putKeyslot(id: [UInt8], blob: [UInt8]) throws { try session.putKeyslot(id: id, blob: blob) }

  package func deleteKeyslot(id: [UInt8]) throws { try session.deleteKeyslot(id: id) }

  // MARK: - Captures (FORMAT.md §17)

  package func capturePublicKey() throws -> [UInt8]? { try session.capturePublicKey() }

  package func setCapturePublicKey(_ key: [UInt8]) throws { try session.setCapturePublicKey(key) }

  // MARK: - Rows by object

  /// Every row stored under `objectID` in `field`, oldest revision first.
  package func rows(_ objectID: [UInt8], field: FieldTag) throws -> [StoredObject] {
    try session.objects(objectID, field: field.rawValue)
  }

  /// Every row of one field kind (META rows: one per letter).
  package func rows(field: UInt8) throws -> [StoredObject] { try session.objects(field: field) }

  /// Which of `objectIDs` have no row of `field` (a letter the manifest lists but whose META is
  /// gone): one primary-key lookup each.
  package func objectIDsWithoutRow(_ objectIDs: [[UInt8]], field: UInt8) throws -> [[UInt8]] {
    try session.objectIDsWithoutRow(objectIDs, field: field)
  }

  /// Of the manifest positions `indices` (ascending), those whose letter has no row of
  /// `field`. With the kind index and many positions: one walk of the index over their range,
  /// each stored id found in the manifest in place (`seek`), no array per id; at 10,000
  /// letters that was most of `list`'s 3 ms check (docs/PERFORMANCE.md, round 9). A few
  /// positions, or a vault made before the index, take one lookup each
  /// (``objectIDsWithoutRow(_:field:)``).
  package func indicesWithoutRow(_ manifest: ManifestIndex, _ indices: [Int], field: FieldTag) throws -> [Int] {
    guard zip(indices, indices.dropFirst()).allSatisfy({ $0 <= $1 }) else {
      return try indicesWithoutRow(manifest, indices.sorted(), field: field)
    }
    guard let first = indices.first, let last = indices.last else { return [] }
    guard indices.count > 64, try session.hasKindIndex() else {
      let gone = Set(try objectIDsWithoutRow(indices.map { manifest.id(at: $0).bytes }, field: field.rawValue))
      return gone.isEmpty ? [] : indices.filter { gone.contains(manifest.id(at: $0).bytes) }
    }
    var present = [Bool](repeating: false, count: manifest.count)
    var cursor = first
    try session.forEachObjectID(field: field.rawValue, from: manifest.id(at: first).bytes, through: manifest.id(at: last).bytes) {
      stored in
      if let index = manifest.seek(stored, from: &cursor) { present[index] = true }
    }
    return indices.filter { !present[$0] }
  }

  /// Every row of the file, for `verify`.
  package func allRows() throws -> [StoredObject] { try session.allObjects() }

  /// The ids of the objects in `field` whose hex form starts with `prefix`.
  package func objectIDs(field: FieldTag, hexPrefix prefix: String) throws -> [[UInt8]] {
    try session.objectIDs(field: field.rawValue, hexPrefix: prefix)
  }

  /// Stores one sealed row (a note, a capture); the caller sealed it under the right key.
  package func put(_ objectID: [UInt8], field: UInt8, revision: UInt64, envelope: [UInt8]) throws {
    try session.put(objectID, field: field, revision: revision, envelope: envelope)
  }

  package func delete(_ objectID: [UInt8], field: UInt8) throws { try session.delete(objectID, field: field) }

  /// Removes a letter: its META, every BODY and NOTE revision (zeroed by `secure_delete`).
  package func deleteLetter(_ id: LetterID) throws { try session.deleteAllRows(of: id.bytes) }

  // MARK: - Scans

  /// Walks the rows of `fields` in object-id order, between `low` (inclusive) and `high`
  /// (exclusive), handing each envelope in SQLite's buffer, without copying it.
  package func forEachRow(
    fields: [UInt8], from low: [UInt8]? = nil, below high: [UInt8]? = nil,
    _ body: (_ objectID: [UInt8], _ field: UInt8, _ revision: UInt64, _ envelope: UnsafeRawBufferPointer) throws -> Void
  ) throws {
    try session.forEachObject(fields: fields, from: low, below: high, body)
  }

  /// Walks the rows of one `field` between `low` and `high` (both inclusive).
  package func forEachRow(
    field: UInt8, from low: [UInt8], through high: [UInt8],
    _ body: (_ objectID: [UInt8], _ revision: UInt64, _ envelope: UnsafeRawBufferPointer) throws -> Void
  ) throws {
    try session.forEachObject(field: field, from: low, through: high, body)
  }

  /// The same transaction under another key: burn re-seals the other letters with it.
  package func rekeyed(with cipher: RecordCipher) -> RecordTransaction {
    RecordTransaction(session: session, cipher: cipher)
  }
}

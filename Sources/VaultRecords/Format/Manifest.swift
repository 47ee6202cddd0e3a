/// The vault-wide index (FORMAT.md §6.3): a write counter and the hash of every letter's
/// META envelope, so a deleted letter or a row rolled back to an older copy is noticed.
package struct Manifest: Equatable {
  package struct Entry: Equatable {
    package var letterID: [UInt8]
    package var metaVersion: UInt64
    package var metaHash: [UInt8]
  }

  package var epoch: UInt64
  package var writtenAt: Int64
  /// Keyed by the 16-byte letter id.
  package var entries: [[UInt8]: Entry]
  package var settingsHash: [UInt8]
  /// LISTING entries to store with this manifest (FORMAT.md §6.6), by letter id, and the
  /// buckets they or a removed letter touch. Never serialized; not part of equality.
  package var listingChanges: [[UInt8]: ListingEntry] = [:]
  package var listingBuckets: Set<UInt8> = []
  /// TEXT INDEX material (FORMAT.md §6.7), never serialized: the head BODY hash of each META
  /// stored in this transaction, the signature of each text stored (by BODY hash, per
  /// letter), and, for a re-key, the entries read under the old key to be carried over.
  package var headHashes: [[UInt8]: [UInt8]] = [:]
  package var newSignatures: [[UInt8]: (bodyHash: [UInt8], signature: TextSignature)] = [:]
  package var carriedSignatures: [SignatureEntry] = []

  package static let formatVersion: UInt8 = 1

  package static func == (lhs: Manifest, rhs: Manifest) -> Bool {
    lhs.epoch == rhs.epoch && lhs.writtenAt == rhs.writtenAt && lhs.entries == rhs.entries
      && lhs.settingsHash == rhs.settingsHash
  }

  /// Records a META just stored, so its LISTING bucket is rewritten with the manifest.
  package mutating func noteListing(_ entry: ListingEntry, headHash: [UInt8]) {
    listingChanges[entry.letterID] = entry
    listingBuckets.insert(entry.letterID[0])
    headHashes[entry.letterID] = headHash
  }

  /// Records the signature of a text just stored as a BODY envelope with hash `bodyHash`; it
  /// is written if the letter's META, stored in the same transaction, names that text as head.
  package mutating func noteSignature(_ signature: TextSignature, letterID: [UInt8], bodyHash: [UInt8]) {
    newSignatures[letterID] = (bodyHash, signature)
  }

  /// Drops a letter from the index; its LISTING entry goes with the next store.
  package mutating func removeLetter(_ id: [UInt8]) {
    entries[id] = nil
    listingChanges[id] = nil
    headHashes[id] = nil
    newSignatures[id] = nil
    if let first = id.first { listingBuckets.insert(first) }
  }

  package init(epoch: UInt64, writtenAt: Int64, entries: [[UInt8]: Entry], settingsHash: [UInt8]) {
    self.epoch = epoch
    self.writtenAt = writtenAt
    self.entries = entries
    self.settingsHash = settingsHash
  }

  package func serialized() -> [UInt8] {
    var writer = ByteWriter(capacity: 64 + entries.count * 56)
    writer.u8(Self.formatVersion)
    writer.u64(epoch)
    writer.i64(writtenAt)
    writer.u32(UInt32(entries.count))
    // Sorted so the same manifest always serialises to the same bytes.
    for entry in entries.values.sorted(by: { $0.letterID.lexicographicallyPrecedes($1.letterID) }) {
      writer.raw(entry.letterID)
      writer.u64(entry.metaVersion)
      writer.raw(entry.metaHash)
    }
    writer.raw(settingsHash)
    return writer.bytes
  }

  /// Only the epoch, from an authenticated plaintext: for callers that need no entries.
  package static func epoch(parsing bytes: [UInt8]) throws(ByteReader.Malformed) -> UInt64 {
    var reader = ByteReader(bytes)
    guard try reader.u8() == Self.formatVersion else { throw .init(reason: "manifest version") }
    return try reader.u64()
  }

  package init(parsing bytes: [UInt8]) throws(ByteReader.Malformed) {
    var reader = ByteReader(bytes)
    guard try reader.u8() == Self.formatVersion else { throw .init(reason: "manifest version") }
    epoch = try reader.u64()
    writtenAt = try reader.i64()
    let count = try reader.count(cap: FormatConstant.maximumListCount, minimumElementSize: 56)
    entries = [:]
    entries.reserveCapacity(count)
    var previous: [UInt8]?
    for _ in 0..<count {
      let entry = Entry(letterID: try reader.raw(16), metaVersion: try reader.u64(), metaHash: try reader.raw(32))
      // Strictly ascending ids, as `serialized()` writes them: no duplicates, and exactly one
      // encoding per manifest (the fuzz target's malleability property, SECURITY.md §2).
      if let previous, !previous.lexicographicallyPrecedes(entry.letterID) {
        throw .init(reason: "manifest entries out of order")
      }
      previous = entry.letterID
      entries[entry.letterID] = entry
    }
    settingsHash = try reader.raw(32)
    try reader.finish()
  }
}

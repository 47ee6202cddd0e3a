/// The vault-wide index (FORMAT.md §6.3): a write counter and the hash of every letter's
/// META envelope, so a deleted letter or a row rolled back to an older copy is noticed.
///
/// Stored as a small root (epoch, settings hash, the hash of each bucket envelope) and up to
/// 256 bucket rows of entries (ManifestBucket.swift), so a write re-seals the root and the
/// buckets it touched, and a read of one letter opens the root and one bucket
/// (docs/PERFORMANCE.md). `entries` loads buckets when they are first looked at.
package struct Manifest: Equatable {
  package struct Entry: Equatable {
    package var letterID: [UInt8]
    package var metaVersion: UInt64
    package var metaHash: [UInt8]
  }

  package var epoch: UInt64
  package var writtenAt: Int64
  /// Keyed by the 16-byte letter id.
  package var entries: ManifestEntries
  package var settingsHash: [UInt8]
  /// BLAKE2b-256 of each stored bucket envelope, by bucket, as the root lists them.
  package var bucketHashes: [UInt8: [UInt8]]
  /// The RECENT pin of the root read (FORMAT.md §6.8); nil for a format-1 or format-2 root.
  package var recentHash: [UInt8]?
  /// The format of the root read (1 for a format-1 row; the current one for a new manifest).
  /// Below 4, the whole-vault rows may be padded to powers of two: the next write pads them
  /// all again, finely (FORMAT.md §5.3).
  package var readFormat = Manifest.formatVersion
  /// Set by `readableManifest`: a bucket that does not open leaves its letters to be read on
  /// the strength of their own META (FORMAT.md §17), instead of refusing.
  package var lenient = false
  /// LISTING entries to store with this manifest (FORMAT.md §6.6), by letter id, and the
  /// buckets they or a removed letter touch. Never serialized; not part of equality.
  package var listingChanges: [[UInt8]: ListingEntry] = [:]
  package var listingBuckets: Set<UInt8> = []
  /// TEXT INDEX material (FORMAT.md §6.7), never serialized: the head BODY hash of each META
  /// stored in this transaction, the signature of each text stored (by BODY hash, per
  /// letter), and, for a re-key, the entries read under the old key to be carried over.
  package var headHashes: [[UInt8]: [UInt8]] = [:]
  package var newSignatures: [[UInt8]: (bodyHash: [UInt8], signature: TextSignature, words: WordList)] = [:]
  package var carriedSignatures: [SignatureEntry] = []

  /// The root's format (FORMAT.md §6.3): 4 is format 3 with every whole-vault row padded
  /// finely (§5.3); 3 pins the RECENT row (§6.8); format 2, the buckets without it, is read
  /// and upgraded; format 1 held every entry in the one row.
  package static let formatVersion: UInt8 = 4
  package static let recentFormatVersion: UInt8 = 3
  package static let bucketedFormatVersion: UInt8 = 2
  package static let legacyFormatVersion: UInt8 = 1

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

  /// Records the signature and word list (FORMAT.md §6.7, §6.9) of `text`, just stored as a
  /// BODY envelope with hash `bodyHash`; they are written if the letter's META, stored in the
  /// same transaction, names that text as head.
  package mutating func noteSignature(of text: [UInt8], letterID: [UInt8], bodyHash: [UInt8]) {
    newSignatures[letterID] = (bodyHash, TextSignature(text: text), WordList(text: text))
  }

  /// Drops a letter from the index; its LISTING entry goes with the next store.
  package mutating func removeLetter(_ id: [UInt8]) {
    entries[id] = nil
    listingChanges[id] = nil
    headHashes[id] = nil
    newSignatures[id] = nil
    if let first = id.first { listingBuckets.insert(first) }
  }

  /// A manifest holding `entries` in full, every bucket to be written (a new vault, tests).
  package init(epoch: UInt64, writtenAt: Int64, entries: [[UInt8]: Entry], settingsHash: [UInt8]) {
    self.epoch = epoch
    self.writtenAt = writtenAt
    self.entries = ManifestEntries(complete: entries)
    self.settingsHash = settingsHash
    bucketHashes = [:]
  }

  /// A manifest from a parsed root whose buckets `source` opens on demand.
  package init(root: ManifestRoot, source: ManifestBucketSource) {
    epoch = root.epoch
    writtenAt = root.writtenAt
    settingsHash = root.settingsHash
    bucketHashes = root.bucketHashes
    recentHash = root.recentHash
    readFormat = root.version
    entries = ManifestEntries(source: source)
  }

  /// The root for this manifest with the given bucket and RECENT hashes (FORMAT.md §6.3).
  package var root: ManifestRoot {
    ManifestRoot(
      epoch: epoch, writtenAt: writtenAt, settingsHash: settingsHash, bucketHashes: bucketHashes,
      recentHash: recentHash)
  }

  /// Only the epoch, from an authenticated root of either format.
  package static func epoch(parsing bytes: [UInt8]) throws(ByteReader.Malformed) -> UInt64 {
    var reader = ByteReader(bytes)
    let version = try reader.u8()
    guard (legacyFormatVersion...formatVersion).contains(version) else {
      throw .init(reason: "manifest version")
    }
    return try reader.u64()
  }

  // MARK: - Format 1 (every entry in the one row)

  /// The format-1 plaintext (FORMAT.md §6.3, "Format 1"): what vaults before the bucketed
  /// manifest stored. Written only by tests and the fuzz seeds; read to upgrade.
  package func serializedFormat1() -> [UInt8] {
    let all = entries.values.sorted { $0.letterID.lexicographicallyPrecedes($1.letterID) }
    var writer = ByteWriter(capacity: 64 + all.count * ManifestIndex.entrySize)
    writer.u8(Self.legacyFormatVersion)
    writer.u64(epoch)
    writer.i64(writtenAt)
    writer.u32(UInt32(all.count))
    // Sorted so the same manifest always serialises to the same bytes.
    for entry in all {
      writer.raw(entry.letterID)
      writer.u64(entry.metaVersion)
      writer.raw(entry.metaHash)
    }
    writer.raw(settingsHash)
    return writer.bytes
  }

  /// Parses a format-1 plaintext; every bucket is then to be written (the upgrade).
  package init(parsingFormat1 bytes: [UInt8]) throws(ByteReader.Malformed) {
    var reader = ByteReader(bytes)
    guard try reader.u8() == Self.legacyFormatVersion else { throw .init(reason: "manifest version") }
    epoch = try reader.u64()
    writtenAt = try reader.i64()
    let count = try reader.count(cap: FormatConstant.maximumListCount, minimumElementSize: ManifestIndex.entrySize)
    var all: [[UInt8]: Entry] = [:]
    all.reserveCapacity(count)
    var previous: [UInt8]?
    for _ in 0..<count {
      let entry = Entry(letterID: try reader.raw(16), metaVersion: try reader.u64(), metaHash: try reader.raw(32))
      // Strictly ascending ids, as written: no duplicates, and exactly one encoding per
      // manifest (the fuzz target's malleability property, SECURITY.md §2).
      if let previous, !previous.lexicographicallyPrecedes(entry.letterID) {
        throw .init(reason: "manifest entries out of order")
      }
      previous = entry.letterID
      all[entry.letterID] = entry
    }
    settingsHash = try reader.raw(32)
    try reader.finish()
    readFormat = Self.legacyFormatVersion
    entries = ManifestEntries(complete: all)
    bucketHashes = [:]
  }
}

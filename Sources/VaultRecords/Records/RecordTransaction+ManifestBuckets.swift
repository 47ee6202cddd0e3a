/// The manifest's bucket rows (FORMAT.md §6.3), each opened only after its envelope hash is
/// found equal to the root's for that bucket: an older copy of the row, or one from another
/// bucket or vault, is refused before decryption.
extension RecordTransaction {
  /// Opens the root's buckets on demand, each checked as `bucketPlaintext` checks it.
  func bucketSource(_ root: ManifestRoot) -> ManifestBucketSource {
    ManifestBucketSource(listed: root.bucketHashes.keys.sorted()) { number in
      guard let plaintext = try bucketPlaintext(number, hash: root.bucketHashes[number]) else { return [:] }
      var entries: ManifestEntries.Bucket = [:]
      for entry in try ManifestBucket(parsing: plaintext, bucket: number).entries { entries[entry.letterID] = entry }
      return entries
    }
  }

  /// The plaintext of bucket `number`, whose root hash is `hash`: exactly one row when the
  /// root lists the bucket (none: missing; two: duplicated), opened by `openBucket` in
  /// SQLite's buffer; nil when the root lists none and no row is there (a row then is
  /// damage). Any failure throws.
  func bucketPlaintext(_ number: UInt8, hash: [UInt8]?) throws -> [UInt8]? {
    var count = 0
    var plaintext: [UInt8] = []
    try session.forEachRow(ManifestBucket.objectID(bucket: number), field: FieldTag.manifestBucket.rawValue) {
      revision, envelope in
      count += 1
      if count == 1, let hash { plaintext = try openBucket(envelope, bucket: number, revision: revision, hash: hash) }
    }
    guard hash != nil else {
      guard count == 0 else { throw ByteReader.Malformed(reason: "a bucket the index does not list") }
      return nil
    }
    guard count == 1 else {
      throw ByteReader.Malformed(reason: count == 0 ? "a bucket is missing" : "a bucket is duplicated")
    }
    return plaintext
  }

  /// The entry for `letterID` in its bucket, checked as `bucketSource` checks the bucket
  /// (exactly one row when the root lists `hash`, none when it does not; the hash, the AEAD,
  /// the strict parse), found by binary search in the plaintext instead of building the
  /// bucket's every entry (`show` at 100,000 letters, docs/PERFORMANCE.md round 8). Nil when
  /// the bucket does not list the letter; any failure throws.
  func bucketEntry(_ letterID: [UInt8], bucket: UInt8, hash: [UInt8]?) throws -> Manifest.Entry? {
    guard let plaintext = try bucketPlaintext(bucket, hash: hash) else { return nil }
    let range = try ManifestBucket.entryBytes(plaintext, bucket: bucket)
    var low = 0
    var high = range.count / ManifestIndex.entrySize
    while low < high {
      let middle = (low + high) / 2
      let start = range.lowerBound + middle * ManifestIndex.entrySize
      let id = plaintext[start..<start + 16]
      if id.elementsEqual(letterID) {
        var reader = ByteReader(Array(plaintext[start..<start + ManifestIndex.entrySize]))
        return Manifest.Entry(letterID: try reader.raw(16), metaVersion: try reader.u64(), metaHash: try reader.raw(32))
      }
      if id.lexicographicallyPrecedes(letterID) { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// One bucket row's plaintext: its envelope hash must be the root's for that bucket (so an
  /// older copy of the row, or one from another bucket, is refused), then the AEAD opens it.
  func openBucket(
    _ envelope: UnsafeRawBufferPointer, bucket: UInt8, revision: UInt64, hash: [UInt8]
  ) throws -> [UInt8] {
    guard Hash.blake2b(envelope) == hash else {
      throw ByteReader.Malformed(reason: "a bucket does not match the index (an older or altered copy)")
    }
    return try cipher.open(
      envelope, field: .manifestBucket, objectID: ManifestBucket.objectID(bucket: bucket),
      revision: revision, key: .manifest)
  }

  /// Every bucket row, checked, joined in the format-1 layout that ``ManifestIndex`` reads:
  /// exactly one row for each bucket the root lists and none for any other.
  func joinedBuckets(_ root: ManifestRoot) throws -> [UInt8] {
    var header = ByteWriter(capacity: Self.joinedHeaderSize)
    header.u8(Manifest.legacyFormatVersion)
    header.u64(root.epoch)
    header.i64(root.writtenAt)
    header.u32(0)  // the entry count, written below once it is known
    var joined = header.bytes
    var seen: Set<UInt8> = []
    try session.forEachObject(
      field: FieldTag.manifestBucket.rawValue, from: Self.bucketLow, through: Self.bucketHigh
    ) { objectID, revision, envelope in
      guard let bucket = ManifestBucket.bucket(objectID: objectID), let hash = root.bucketHashes[bucket] else {
        throw ByteReader.Malformed(reason: "a bucket the index does not list")
      }
      guard seen.insert(bucket).inserted else { throw ByteReader.Malformed(reason: "a bucket is duplicated") }
      let plaintext = try openBucket(envelope, bucket: bucket, revision: revision, hash: hash)
      let entries = try ManifestBucket.entryBytes(plaintext, bucket: bucket)
      if seen.count == 1 {
        // One allocation for every bucket, sized by the first with room for uneven ones:
        // growing the array copied it at each doubling into fresh pages, each a page fault
        // (docs/PERFORMANCE.md round 12). Capacity never written is never touched.
        joined.reserveCapacity(Self.joinedHeaderSize + 32 + entries.count * root.bucketHashes.count * 3 / 2)
      }
      joined += plaintext[entries]
    }
    guard seen.count == root.bucketHashes.count else { throw ByteReader.Malformed(reason: "a bucket is missing") }
    let count = UInt32((joined.count - Self.joinedHeaderSize) / ManifestIndex.entrySize)
    withUnsafeBytes(of: count.littleEndian) {
      joined.replaceSubrange(Self.joinedHeaderSize - 4..<Self.joinedHeaderSize, with: $0)
    }
    joined += root.settingsHash
    return joined
  }

  /// Version, epoch, time written and entry count: the format-1 header ``ManifestIndex`` reads.
  private static let joinedHeaderSize = 1 + 8 + 8 + 4
}

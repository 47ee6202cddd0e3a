/// The plaintext of the MANIFEST row in format 4 (FORMAT.md §6.3): the epoch, the SETTINGS
/// hash, the BLAKE2b-256 of each manifest bucket envelope, strictly ascending by bucket, and
/// that of the RECENT envelope (§6.8). Format 3 has the same bytes (its rows may be padded
/// coarsely, §5.3); format 2, the same without the last hash, is still read.
///
/// The bucket hashes make the root a one-level hash tree over the entries: a bucket row
/// deleted, duplicated, rolled back to an older copy or moved from another vault no longer
/// matches, as a changed entry of the single format-1 row did.
package struct ManifestRoot: Equatable {
  package static let bucketEntrySize = 1 + 32

  package var epoch: UInt64
  package var writtenAt: Int64
  package var settingsHash: [UInt8]
  package var bucketHashes: [UInt8: [UInt8]]
  /// The RECENT row's pin (FORMAT.md §6.8): nil in a format-2 root, which has none (the next
  /// write builds the record); ``RecentListing/none`` when the writer stored no record.
  package var recentHash: [UInt8]?
  /// The format byte: as parsed (or given), or, for a root to write, 4 with a RECENT pin and 2
  /// without. A given format that disagrees with the pin gives way to the pin.
  package var version: UInt8 {
    if let givenVersion, (givenVersion >= Manifest.recentFormatVersion) == (recentHash != nil) { return givenVersion }
    return recentHash == nil ? Manifest.bucketedFormatVersion : Manifest.formatVersion
  }
  private var givenVersion: UInt8?

  package static func == (lhs: ManifestRoot, rhs: ManifestRoot) -> Bool {
    lhs.version == rhs.version && lhs.epoch == rhs.epoch && lhs.writtenAt == rhs.writtenAt
      && lhs.settingsHash == rhs.settingsHash && lhs.bucketHashes == rhs.bucketHashes
      && lhs.recentHash == rhs.recentHash
  }

  package init(
    epoch: UInt64, writtenAt: Int64, settingsHash: [UInt8], bucketHashes: [UInt8: [UInt8]],
    recentHash: [UInt8]? = nil, version: UInt8? = nil
  ) {
    self.epoch = epoch
    self.writtenAt = writtenAt
    self.settingsHash = settingsHash
    self.bucketHashes = bucketHashes
    self.recentHash = recentHash
    givenVersion = version
  }

  /// In ``version``'s format (a parsed root gives back its own bytes; tests and fuzz seeds make
  /// roots of the older formats).
  package func serialized() -> [UInt8] {
    var writer = ByteWriter(capacity: 96 + bucketHashes.count * Self.bucketEntrySize)
    writer.u8(version)
    writer.u64(epoch)
    writer.i64(writtenAt)
    writer.raw(settingsHash)
    writer.u32(UInt32(bucketHashes.count))
    for bucket in bucketHashes.keys.sorted() {
      writer.u8(bucket)
      writer.raw(bucketHashes[bucket]!)
    }
    if let recentHash { writer.raw(recentHash) }
    return writer.bytes
  }

  /// Parses strictly: version 2, 3 or 4, 32-byte hashes, at most 256 buckets, strictly
  /// ascending (one encoding per root), the RECENT hash from version 3 on, nothing after it.
  package init(parsing bytes: [UInt8]) throws(ByteReader.Malformed) {
    var reader = ByteReader(bytes)
    let version = try reader.u8()
    givenVersion = version
    guard (Manifest.bucketedFormatVersion...Manifest.formatVersion).contains(version) else {
      throw .init(reason: "manifest version")
    }
    epoch = try reader.u64()
    writtenAt = try reader.i64()
    settingsHash = try reader.raw(FormatConstant.hashByteCount)
    let count = try reader.count(cap: 256, minimumElementSize: Self.bucketEntrySize)
    bucketHashes = [:]
    var previous: Int = -1
    for _ in 0..<count {
      let bucket = try reader.u8()
      guard Int(bucket) > previous else { throw .init(reason: "manifest buckets out of order") }
      previous = Int(bucket)
      bucketHashes[bucket] = try reader.raw(FormatConstant.hashByteCount)
    }
    recentHash = version >= Manifest.recentFormatVersion ? try reader.raw(FormatConstant.hashByteCount) : nil
    try reader.finish()
  }
}

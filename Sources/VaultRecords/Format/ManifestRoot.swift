/// The plaintext of the MANIFEST row in format 2 (FORMAT.md §6.3): the epoch, the SETTINGS
/// hash, and the BLAKE2b-256 of each manifest bucket envelope, strictly ascending by bucket.
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

  package init(epoch: UInt64, writtenAt: Int64, settingsHash: [UInt8], bucketHashes: [UInt8: [UInt8]]) {
    self.epoch = epoch
    self.writtenAt = writtenAt
    self.settingsHash = settingsHash
    self.bucketHashes = bucketHashes
  }

  package func serialized() -> [UInt8] {
    var writer = ByteWriter(capacity: 64 + bucketHashes.count * Self.bucketEntrySize)
    writer.u8(Manifest.formatVersion)
    writer.u64(epoch)
    writer.i64(writtenAt)
    writer.raw(settingsHash)
    writer.u32(UInt32(bucketHashes.count))
    for bucket in bucketHashes.keys.sorted() {
      writer.u8(bucket)
      writer.raw(bucketHashes[bucket]!)
    }
    return writer.bytes
  }

  /// Parses strictly: version 2, 32-byte hashes, at most 256 buckets, strictly ascending
  /// (one encoding per root), nothing after the last.
  package init(parsing bytes: [UInt8]) throws(ByteReader.Malformed) {
    var reader = ByteReader(bytes)
    guard try reader.u8() == Manifest.formatVersion else { throw .init(reason: "manifest version") }
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
    try reader.finish()
  }
}

/// The plaintext of one manifest bucket row (FORMAT.md §6.3): the entries of every letter
/// whose id starts with the byte `bucket`, strictly ascending by id, at least one.
///
/// The entries are laid out exactly as in the format-1 manifest (`id16 || u64 version ||
/// hash32`), so a reader can copy them into a ``ManifestIndex`` without re-encoding.
package struct ManifestBucket: Equatable {
  package static let formatVersion: UInt8 = 1
  package static let headerSize = 1 + 1 + 4

  package let bucket: UInt8
  package var entries: [Manifest.Entry]

  package init(bucket: UInt8, entries: [Manifest.Entry]) {
    self.bucket = bucket
    self.entries = entries
  }

  /// The row's object id: 14 zero bytes, 0x02, then the bucket byte (FORMAT.md §6.3).
  package static func objectID(bucket: UInt8) -> [UInt8] {
    [UInt8](repeating: 0, count: FormatConstant.idByteCount - 2) + [0x02, bucket]
  }

  /// The bucket of a row's object id, or nil when it is not a manifest bucket object id.
  package static func bucket(objectID: [UInt8]) -> UInt8? {
    guard objectID.count == FormatConstant.idByteCount, objectID[FormatConstant.idByteCount - 2] == 0x02,
      objectID.prefix(FormatConstant.idByteCount - 2).allSatisfy({ $0 == 0 })
    else { return nil }
    return objectID.last
  }

  /// Entries sorted by id, as the row stores them.
  package func serialized() -> [UInt8] {
    let sorted = entries.sorted { $0.letterID.lexicographicallyPrecedes($1.letterID) }
    return ListingBucket.serialize(
      version: Self.formatVersion, bucket: bucket, entries: sorted,
      capacity: Self.headerSize + sorted.count * ManifestIndex.entrySize
    ) { entry, writer in
      writer.raw(entry.letterID)
      writer.u64(entry.metaVersion)
      writer.raw(entry.metaHash)
    }
  }

  /// Parses the plaintext of the row for `bucket`, strictly: the bucket byte must match, at
  /// least one entry, every id starts with the bucket byte, ids strictly ascend, nothing
  /// follows the last entry.
  package init(parsing bytes: [UInt8], bucket: UInt8) throws(ByteReader.Malformed) {
    let range = try Self.entryBytes(bytes, bucket: bucket)
    self.bucket = bucket
    entries = []
    entries.reserveCapacity(range.count / ManifestIndex.entrySize)
    var reader = ByteReader(Array(bytes[range]))
    for _ in 0..<(range.count / ManifestIndex.entrySize) {
      entries.append(
        Manifest.Entry(letterID: try reader.raw(16), metaVersion: try reader.u64(), metaHash: try reader.raw(32)))
    }
  }

  /// Checks the plaintext as ``init(parsing:bucket:)`` does and returns where its entries
  /// are (fixed-size, ascending), for a reader that copies them as they are.
  package static func entryBytes(_ bytes: [UInt8], bucket: UInt8) throws(ByteReader.Malformed) -> Range<Int> {
    var reader = ByteReader(bytes)
    guard try reader.u8() == formatVersion else { throw .init(reason: "manifest bucket version") }
    guard try reader.u8() == bucket else { throw .init(reason: "manifest bucket") }
    let count = try reader.count(cap: FormatConstant.maximumListCount, minimumElementSize: ManifestIndex.entrySize)
    guard count > 0 else { throw .init(reason: "empty manifest bucket") }
    let range = try reader.span(count * ManifestIndex.entrySize)
    try reader.finish()
    var previous: ArraySlice<UInt8>?
    for start in stride(from: range.lowerBound, to: range.upperBound, by: ManifestIndex.entrySize) {
      let id = bytes[start..<start + 16]
      guard id.first == bucket else { throw .init(reason: "manifest entry in the wrong bucket") }
      if let previous, !previous.lexicographicallyPrecedes(id) {
        throw .init(reason: "manifest entries out of order")
      }
      previous = id
    }
    return range
  }
}

/// A read-only view of a decrypted MANIFEST (FORMAT.md §6.3) that looks entries up by binary
/// search in the plaintext instead of building a dictionary.
///
/// The entries are fixed-size (`id16 || u64 metaVersion || hash32`) and strictly ascending by
/// id, in the layout of the format-1 manifest (``Manifest/serializedFormat1()``); the
/// initialiser checks both, plus the version and the trailing settings hash, so it accepts
/// exactly the plaintexts that ``Manifest/init(parsingFormat1:)`` accepts. A format-2 vault's
/// root and buckets are joined into that layout (RecordTransaction+Manifest.swift). Reads of
/// every letter (`list`, `search`) use this: building the 10,000-entry dictionary cost more
/// than decrypting every META (docs/PERFORMANCE.md).
package struct ManifestIndex {
  package static let entrySize = 16 + 8 + 32
  private static let headerSize = 1 + 8 + 8 + 4

  package let epoch: UInt64
  package let count: Int
  private let bytes: [UInt8]

  package init(parsing bytes: [UInt8]) throws(ByteReader.Malformed) {
    var reader = ByteReader(bytes)
    guard try reader.u8() == Manifest.legacyFormatVersion else { throw .init(reason: "manifest version") }
    epoch = try reader.u64()
    _ = try reader.i64()
    count = try reader.count(cap: FormatConstant.maximumListCount, minimumElementSize: Self.entrySize)
    guard bytes.count == Self.headerSize + count * Self.entrySize + 32 else {
      throw .init(reason: bytes.count < Self.headerSize + count * Self.entrySize + 32 ? "truncated" : "trailing bytes")
    }
    self.bytes = bytes
    // Strictly ascending ids: no duplicates, one encoding (as `Manifest(parsing:)`).
    for index in 1..<max(count, 1) where compare(index - 1, index) >= 0 {
      throw .init(reason: "manifest entries out of order")
    }
  }

  /// BLAKE2b-256 of the SETTINGS envelope (the manifest's last 32 bytes).
  package var settingsHash: [UInt8] { Array(bytes[(bytes.count - 32)...]) }

  /// The entry for a 16-byte letter id, or nil.
  package func entry(for id: [UInt8]) -> Manifest.Entry? {
    index(of: id).map(entry(at:))
  }

  /// The position of a 16-byte letter id among the entries, or nil.
  package func index(of id: [UInt8]) -> Int? {
    guard id.count == 16 else { return nil }
    var low = 0
    var high = count - 1
    while low <= high {
      let middle = (low + high) / 2
      let order = compare(id, middle)
      if order == 0 { return middle }
      if order < 0 { high = middle - 1 } else { low = middle + 1 }
    }
    return nil
  }

  /// The position of the 16-byte id at `id`, searching forward from `cursor`, which is left
  /// at the first entry not below it: a reader walking ids in ascending order passes over the
  /// manifest once (docs/PERFORMANCE.md). Nil when it is not at or after `cursor`.
  package func seek(_ id: UnsafeRawBufferPointer, from cursor: inout Int) -> Int? {
    guard id.count == 16 else { return nil }
    let key = (Self.bigEndianWord(id, 0), Self.bigEndianWord(id, 8))
    return bytes.withUnsafeBytes { raw in
      while cursor < count {
        let start = offset(cursor)
        let here = (Self.bigEndianWord(raw, start), Self.bigEndianWord(raw, start + 8))
        if here < key {
          cursor += 1
          continue
        }
        return here == key ? cursor : nil
      }
      return nil
    }
  }

  @inline(__always)
  private static func bigEndianWord(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
    UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// True when entry `index` holds this META version and hash, compared in place.
  package func entry(at index: Int, hasVersion version: UInt64, hash: UnsafeRawBufferPointer) -> Bool {
    guard hash.count == 32 else { return false }
    let start = offset(index)
    return bytes.withUnsafeBytes { raw in
      guard raw.loadUnaligned(fromByteOffset: start + 16, as: UInt64.self) == version.littleEndian else { return false }
      // Four words at a time: the generic `elementsEqual` over two buffer slices was ~4 % of
      // a search (docs/PERFORMANCE.md).
      var differ: UInt64 = 0
      for word in stride(from: 0, to: 32, by: 8) {
        differ |= raw.loadUnaligned(fromByteOffset: start + 24 + word, as: UInt64.self)
          ^ hash.loadUnaligned(fromByteOffset: word, as: UInt64.self)
      }
      return differ == 0
    }
  }

  /// The letter id of entry `index`.
  package func id(at index: Int) -> LetterID {
    LetterID(bytes: Array(bytes[offset(index)..<offset(index) + 16]))
  }

  /// Appends the 16 bytes of entry `index`'s letter id to `out`, without an array of its own.
  package func appendID(at index: Int, to out: inout [UInt8]) {
    out += bytes[offset(index)..<offset(index) + 16]
  }

  /// `body` on the 16 bytes of entry `index`'s letter id, in place (valid only inside).
  package func withID(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
    try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[offset(index)..<offset(index) + 16])) }
  }

  /// `body` on the address where entry `index` starts (its id), for a prefetch hint
  /// (``ListingView/prefetch(_:at:ids:)``): nothing when `index` is out of range. The address
  /// is valid only inside the call.
  package func withEntryAddress(at index: Int, _ body: (UnsafeRawPointer) -> Void) {
    guard index >= 0, index < count else { return }
    bytes.withUnsafeBytes { body($0.baseAddress! + offset(index)) }
  }

  /// Every letter id, ascending.
  package var ids: [[UInt8]] {
    (0..<count).map { Array(bytes[offset($0)..<offset($0) + 16]) }
  }

  private func offset(_ index: Int) -> Int { Self.headerSize + index * Self.entrySize }

  /// The entry at `index` (0..<count), ascending by id.
  package func entry(at index: Int) -> Manifest.Entry {
    let start = offset(index)
    var version: UInt64 = 0
    for byte in 0..<8 { version |= UInt64(bytes[start + 16 + byte]) << (8 * byte) }
    return Manifest.Entry(
      letterID: Array(bytes[start..<start + 16]), metaVersion: version,
      metaHash: Array(bytes[start + 24..<start + 56]))
  }

  private func compare(_ first: Int, _ second: Int) -> Int {
    bytes.withUnsafeBytes { raw in
      Self.compare16(UnsafeRawBufferPointer(rebasing: raw[offset(first)...]), UnsafeRawBufferPointer(rebasing: raw[offset(second)...]))
    }
  }

  private func compare(_ id: [UInt8], _ index: Int) -> Int {
    bytes.withUnsafeBytes { raw in
      id.withUnsafeBytes { key in Self.compare16(key, UnsafeRawBufferPointer(rebasing: raw[offset(index)...])) }
    }
  }

  /// Lexicographic order of the first 16 bytes (ids are public; no constant time needed).
  private static func compare16(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    for index in 0..<16 where a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
    return 0
  }
}

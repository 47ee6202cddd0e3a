/// One letter's entry in the WORDS record (FORMAT.md §6.9): the word list of its head text,
/// with the hash of that text's BODY envelope and the (META version, META hash) it was stored
/// with, read and carried exactly as a TEXT INDEX entry (§6.7).
package struct WordsEntry: Equatable {
  package var letterID: [UInt8]
  package var metaVersion: UInt64
  package var metaHash: [UInt8]
  package var bodyHash: [UInt8]
  package var words: WordList

  package init(letterID: [UInt8], metaVersion: UInt64, metaHash: [UInt8], bodyHash: [UInt8], words: WordList) {
    self.letterID = letterID
    self.metaVersion = metaVersion
    self.metaHash = metaHash
    self.bodyHash = bodyHash
    self.words = words
  }

  /// The length written for a list that is not kept.
  static let notKept: UInt32 = 0xFFFF_FFFF

  func write(to writer: inout ByteWriter) {
    writer.raw(letterID)
    writer.u64(metaVersion)
    writer.raw(metaHash)
    writer.raw(bodyHash)
    if let bytes = words.bytes {
      writer.u32(UInt32(bytes.count))
      writer.raw(bytes)
    } else {
      writer.u32(Self.notKept)
    }
  }

  /// The words' length: at most ``WordList/maximumByteCount``, or nil for a list not kept.
  package static func readLength(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Int? {
    let length = try reader.u32()
    if length == notKept { return nil }
    guard length <= WordList.maximumByteCount else { throw .init(reason: "word list size") }
    return Int(length)
  }
}

/// The plaintext of one WORDS row (FORMAT.md §6.9): the entries of every letter whose id
/// starts with the byte `bucket`, strictly ascending by id, split like the TEXT INDEX (§6.7)
/// but in rows of their own, so a search the text signatures can narrow decrypts none of it.
package struct WordsBucket: Equatable {
  package static let formatVersion: UInt8 = 1
  /// The smallest entry: id, version, two hashes and the length.
  package static let minimumEntrySize = 16 + 8 + 32 + 32 + 4

  package let bucket: UInt8
  package var entries: [WordsEntry]

  package init(bucket: UInt8, entries: [WordsEntry]) {
    self.bucket = bucket
    self.entries = entries
  }

  /// The row's object id: 14 zero bytes, `0x04`, then the bucket byte (FORMAT.md §6.9).
  package static func objectID(bucket: UInt8) -> [UInt8] {
    [UInt8](repeating: 0, count: FormatConstant.idByteCount - 2) + [0x04, bucket]
  }

  package static let low = objectID(bucket: 0x00)
  package static let high = objectID(bucket: 0xFF)

  /// The bucket of a row's object id, or nil when it is not a WORDS object id.
  package static func bucket(objectID: [UInt8]) -> UInt8? {
    guard objectID.count == FormatConstant.idByteCount, objectID[FormatConstant.idByteCount - 2] == 0x04,
      objectID.prefix(FormatConstant.idByteCount - 2).allSatisfy({ $0 == 0 })
    else { return nil }
    return objectID.last
  }

  package func serialized() -> [UInt8] {
    ListingBucket.serialize(
      version: Self.formatVersion, bucket: bucket, entries: entries,
      capacity: 16 + entries.reduce(0) { $0 + Self.minimumEntrySize + ($1.words.bytes?.count ?? 0) }
    ) { $0.write(to: &$1) }
  }

  /// Parses the plaintext of the row for `bucket` strictly: the bucket byte must match, every
  /// id start with it, ids strictly ascend, each word list be in the one form a writer gives
  /// it (``WordList/isCanonical(_:)``), nothing follow the last entry.
  package init(parsing bytes: [UInt8], bucket: UInt8) throws(ByteReader.Malformed) {
    self.bucket = bucket
    entries = []
    var reader = try Self.header(bytes, bucket: bucket)
    for _ in 0..<(try Self.count(&reader)) {
      let id = try reader.raw(FormatConstant.idByteCount)
      let version = try reader.u64()
      let metaHash = try reader.raw(FormatConstant.hashByteCount)
      let bodyHash = try reader.raw(FormatConstant.hashByteCount)
      var words = WordList(bytes: nil)
      if let length = try WordsEntry.readLength(&reader) {
        let span = try reader.span(length)
        guard WordList.isCanonical(bytes[span]) else { throw .init(reason: "word list form") }
        words.bytes = Array(bytes[span])
      }
      try Self.check(id[...], bucket: bucket, after: entries.last?.letterID[...])
      entries.append(WordsEntry(letterID: id, metaVersion: version, metaHash: metaHash, bodyHash: bodyHash, words: words))
    }
    try reader.finish()
  }

  /// A reader positioned after the format and bucket bytes, both checked.
  package static func header(_ bytes: [UInt8], bucket: UInt8) throws(ByteReader.Malformed) -> ByteReader {
    var reader = ByteReader(bytes)
    guard try reader.u8() == formatVersion else { throw .init(reason: "word list version") }
    guard try reader.u8() == bucket else { throw .init(reason: "word list bucket") }
    return reader
  }

  package static func count(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Int {
    try reader.count(cap: FormatConstant.maximumListCount, minimumElementSize: minimumEntrySize)
  }

  /// An entry's id must be in `bucket` and follow the one before it.
  package static func check(_ id: ArraySlice<UInt8>, bucket: UInt8, after previous: ArraySlice<UInt8>?)
    throws(ByteReader.Malformed)
  {
    guard id.first == bucket else { throw .init(reason: "word list entry in the wrong bucket") }
    if let previous, !previous.lexicographicallyPrecedes(id) {
      throw .init(reason: "word list entries out of order")
    }
  }
}

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
/// starts with the byte `bucket` and whose second byte's top two bits are `quarter`, strictly
/// ascending by id. A TEXT INDEX bucket (§6.7) in four rows of their own: a search the text
/// signatures can narrow decrypts none of it, and a write re-seals only the quarters whose
/// entries it changes (at 100,000 letters a whole bucket's lists are ~210 KB).
package struct WordsBucket: Equatable {
  package static let formatVersion: UInt8 = 1
  /// The smallest entry: id, version, two hashes and the length.
  package static let minimumEntrySize = 16 + 8 + 32 + 32 + 4
  package static let quarters: ClosedRange<UInt8> = 0...3

  package let bucket: UInt8
  package let quarter: UInt8
  package var entries: [WordsEntry]

  package init(bucket: UInt8, quarter: UInt8, entries: [WordsEntry]) {
    self.bucket = bucket
    self.quarter = quarter
    self.entries = entries
  }

  /// The quarter of a letter id: the top two bits of its second byte.
  package static func quarter(of id: some Collection<UInt8>) -> UInt8 { id.dropFirst().first.map { $0 >> 6 } ?? 0 }

  /// The row's object id: 13 zero bytes, `0x04`, the bucket byte, the quarter (FORMAT.md §6.9).
  package static func objectID(bucket: UInt8, quarter: UInt8) -> [UInt8] {
    [UInt8](repeating: 0, count: FormatConstant.idByteCount - 3) + [0x04, bucket, quarter]
  }

  /// The row that holds letter `id`'s entry.
  package static func objectID(for id: [UInt8]) -> [UInt8] { objectID(bucket: id.first ?? 0, quarter: quarter(of: id)) }

  package static let low = objectID(bucket: 0x00, quarter: 0)
  package static let high = objectID(bucket: 0xFF, quarter: 3)

  /// The bucket and quarter of a row's object id, or nil when it is not a WORDS object id.
  package static func place(objectID: [UInt8]) -> (bucket: UInt8, quarter: UInt8)? {
    let count = FormatConstant.idByteCount
    guard objectID.count == count, objectID[count - 3] == 0x04, quarters.contains(objectID[count - 1]),
      objectID.prefix(count - 3).allSatisfy({ $0 == 0 })
    else { return nil }
    return (objectID[count - 2], objectID[count - 1])
  }

  package func serialized() -> [UInt8] {
    var writer = ByteWriter(capacity: 16 + entries.reduce(0) { $0 + Self.minimumEntrySize + ($1.words.bytes?.count ?? 0) })
    writer.u8(Self.formatVersion)
    writer.u8(bucket)
    writer.u8(quarter)
    writer.u32(UInt32(entries.count))
    for entry in entries { entry.write(to: &writer) }
    return writer.bytes
  }

  /// Parses the plaintext of the row for `bucket` and `quarter` strictly: both bytes must
  /// match, every id be in them, ids strictly ascend, each word list be in the one form a
  /// writer gives it (``WordList/isCanonical(_:)``), nothing follow the last entry.
  package init(parsing bytes: [UInt8], bucket: UInt8, quarter: UInt8) throws(ByteReader.Malformed) {
    self.bucket = bucket
    self.quarter = quarter
    entries = []
    var reader = try Self.header(bytes, bucket: bucket, quarter: quarter)
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
      try Self.check(id[...], bucket: bucket, quarter: quarter, after: entries.last?.letterID[...])
      entries.append(WordsEntry(letterID: id, metaVersion: version, metaHash: metaHash, bodyHash: bodyHash, words: words))
    }
    try reader.finish()
  }

  /// A reader positioned after the format, bucket and quarter bytes, all checked.
  package static func header(_ bytes: [UInt8], bucket: UInt8, quarter: UInt8) throws(ByteReader.Malformed)
    -> ByteReader
  {
    var reader = ByteReader(bytes)
    guard try reader.u8() == formatVersion else { throw .init(reason: "word list version") }
    guard try reader.u8() == bucket, try reader.u8() == quarter else { throw .init(reason: "word list bucket") }
    return reader
  }

  package static func count(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Int {
    try reader.count(cap: FormatConstant.maximumListCount, minimumElementSize: minimumEntrySize)
  }

  /// An entry's id must be in `bucket` and `quarter` and follow the one before it.
  package static func check(
    _ id: ArraySlice<UInt8>, bucket: UInt8, quarter: UInt8, after previous: ArraySlice<UInt8>?
  ) throws(ByteReader.Malformed) {
    guard id.first == bucket, Self.quarter(of: id) == quarter else {
      throw .init(reason: "word list entry in the wrong bucket")
    }
    if let previous, !previous.lexicographicallyPrecedes(id) {
      throw .init(reason: "word list entries out of order")
    }
  }
}

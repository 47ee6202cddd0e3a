/// One letter's entry in the TEXT INDEX record (FORMAT.md §6.7): the signature of its head
/// text and (format 3) of its recipient, subject and tags, the hash of that text's BODY
/// envelope, and the (META version, META hash) it was stored with.
///
/// A reader uses it only when that pair equals the manifest's entry for the letter, exactly
/// as a LISTING entry (§6.6). The body hash is for the writer: when a META is stored again
/// without a new text (hold, note, send), the signature is carried forward only if it still
/// describes the head text the new META names.
package struct SignatureEntry: Equatable {
  package var letterID: [UInt8]
  package var metaVersion: UInt64
  package var metaHash: [UInt8]
  package var bodyHash: [UInt8]
  package var signature: TextSignature
  /// The signature of the recipient, subject and tags of the META it was stored with; nil in
  /// an entry of format 1 or 2.
  package var fields: TextSignature?
  /// The word list of the same text, stored in the WORDS row of the bucket (FORMAT.md §6.9),
  /// not in this one; nil when not known (no current WORDS entry was read with it).
  package var words: WordList?

  package init(
    letterID: [UInt8], metaVersion: UInt64, metaHash: [UInt8], bodyHash: [UInt8], signature: TextSignature,
    fields: TextSignature?, words: WordList? = nil
  ) {
    self.letterID = letterID
    self.metaVersion = metaVersion
    self.metaHash = metaHash
    self.bodyHash = bodyHash
    self.signature = signature
    self.fields = fields
    self.words = words
  }

  /// Its WORDS entry (FORMAT.md §6.9), when its word list is known.
  package var wordsEntry: WordsEntry? {
    words.map { WordsEntry(letterID: letterID, metaVersion: metaVersion, metaHash: metaHash, bodyHash: bodyHash, words: $0) }
  }

  /// Writes the entry in bucket format `format` (2: with the flags byte, whose bit 0 is the
  /// text's non-ASCII flag; 3: bit 1 the fields', and the fields filter after the text's). A
  /// flag or fields filter not known is written set, which rules nothing out.
  package func write(to writer: inout ByteWriter, format: UInt8 = SignatureBucket.formatVersion) {
    writer.raw(letterID)
    writer.u64(metaVersion)
    writer.raw(metaHash)
    writer.raw(bodyHash)
    let fields = fields ?? .fieldsUnknown
    if format >= 2 {
      writer.u8((signature.nonASCII == false ? 0 : 1) | (format >= 3 && fields.nonASCII != false ? 2 : 0))
    }
    writer.u8(UInt8(signature.bits.count.trailingZeroBitCount + 3))
    writer.raw(signature.bits)
    if format >= 3 {
      writer.u8(UInt8(fields.bits.count.trailingZeroBitCount + 3))
      writer.raw(fields.bits)
    }
  }

  package init(reading reader: inout ByteReader, format: UInt8 = SignatureBucket.formatVersion)
    throws(ByteReader.Malformed)
  {
    let key = try Self.readKey(&reader)
    letterID = key.id
    metaVersion = key.version
    metaHash = key.hash
    bodyHash = try reader.raw(FormatConstant.hashByteCount)
    let flags = try Self.readFlags(&reader, format: format)
    let filter = try Self.readFilter(&reader)
    signature = TextSignature(bits: try reader.raw(filter.count), nonASCII: flags.text)
    if let fieldsNonASCII = flags.fields {
      let size = try Self.readFilter(&reader, fields: true)
      fields = TextSignature(bits: try reader.raw(size.count), nonASCII: fieldsNonASCII)
    } else {
      fields = nil
    }
  }

  /// The flags byte: bit 0 set when the text has a byte ≥ 0x80 (format 2), bit 1 when the
  /// recipient, subject or a tag has (format 3), every other bit clear (one encoding). A
  /// flag its format does not have is nil, not known; format 1 has no flags byte.
  package static func readFlags(_ reader: inout ByteReader, format: UInt8) throws(ByteReader.Malformed)
    -> (text: Bool?, fields: Bool?)
  {
    guard format >= 2 else { return (nil, nil) }
    let flags = try reader.u8()
    guard flags <= (format >= 3 ? 3 : 1) else { throw .init(reason: "text index flags") }
    return (flags & 1 != 0, format >= 3 ? flags & 2 != 0 : nil)
  }

  /// The key of an entry read in place, as TEXT INDEX and WORDS entries both begin (FORMAT.md
  /// §6.7, §6.9): where its letter id and META hash are, its META version; the body hash
  /// after them (the writer's) is skipped.
  package static func readKeySpans(_ reader: inout ByteReader) throws(ByteReader.Malformed)
    -> (id: Range<Int>, version: UInt64, metaHash: Range<Int>)
  {
    let id = try reader.span(FormatConstant.idByteCount)
    let version = try reader.u64()
    let hash = try reader.span(FormatConstant.hashByteCount)
    _ = try reader.span(FormatConstant.hashByteCount)
    return (id, version, hash)
  }

  private static func readKey(_ reader: inout ByteReader) throws(ByteReader.Malformed)
    -> (id: [UInt8], version: UInt64, hash: [UInt8])
  {
    (
      try reader.raw(FormatConstant.idByteCount), try reader.u64(),
      try reader.raw(FormatConstant.hashByteCount)
    )
  }

  /// The filter's size: its `log2Bits` byte, which must be one ``TextSignature`` allows
  /// (for the fields filter, at most ``TextSignature/maximumFieldsLog2Bits``). Leaves the
  /// reader at the filter bytes; `count` is how many there are.
  package static func readFilter(_ reader: inout ByteReader, fields: Bool = false) throws(ByteReader.Malformed)
    -> (log2Bits: Int, count: Int)
  {
    let log2 = Int(try reader.u8())
    guard TextSignature.isValid(log2Bits: log2), !fields || log2 <= TextSignature.maximumFieldsLog2Bits else {
      throw .init(reason: "text index filter size")
    }
    return (log2, (1 << log2) / 8)
  }
}

/// The plaintext of one TEXT INDEX row (FORMAT.md §6.7): the entries of every letter whose id
/// starts with the byte `bucket`, strictly ascending by id. Split like the LISTING record
/// (§6.6), so a write re-encrypts one bucket.
package struct SignatureBucket: Equatable {
  /// The format written (3: each entry has a fields filter; 2: a flags byte); formats 1 and 2
  /// are still read.
  package static let formatVersion: UInt8 = 3
  package static let formatVersions: ClosedRange<UInt8> = 1...3
  /// The smallest entry: id, version, two hashes, the size byte and the smallest filter.
  package static let minimumEntrySize = 16 + 8 + 32 + 32 + 1 + (1 << TextSignature.minimumLog2Bits) / 8

  package let bucket: UInt8
  package var entries: [SignatureEntry]
  /// The format it was read in, or is to be written in.
  package var format: UInt8

  package init(bucket: UInt8, entries: [SignatureEntry], format: UInt8 = SignatureBucket.formatVersion) {
    self.bucket = bucket
    self.entries = entries
    self.format = format
  }

  /// The row's object id: 14 zero bytes, `0x01`, then the bucket byte (FORMAT.md §6.7). Next
  /// to, never among, the LISTING rows (15 zero bytes and the bucket), so `list` reads none.
  package static func objectID(bucket: UInt8) -> [UInt8] {
    [UInt8](repeating: 0, count: FormatConstant.idByteCount - 2) + [0x01, bucket]
  }

  /// The bucket of a row's object id, or nil when it is not a text index object id.
  package static func bucket(objectID: [UInt8]) -> UInt8? {
    guard objectID.count == FormatConstant.idByteCount, objectID[FormatConstant.idByteCount - 2] == 0x01,
      objectID.prefix(FormatConstant.idByteCount - 2).allSatisfy({ $0 == 0 })
    else { return nil }
    return objectID.last
  }

  package func serialized() -> [UInt8] {
    ListingBucket.serialize(
      version: format, bucket: bucket, entries: entries,
      capacity: 16 + entries.reduce(0) { $0 + 91 + $1.signature.bits.count + ($1.fields?.bits.count ?? 8) }
    ) { $0.write(to: &$1, format: format) }
  }

  /// Parses the plaintext of the row for `bucket` as strictly as a LISTING bucket: the bucket
  /// byte must match, every id start with it, ids strictly ascend, nothing follow the last.
  package init(parsing bytes: [UInt8], bucket: UInt8) throws(ByteReader.Malformed) {
    self.bucket = bucket
    entries = []
    format = bytes.first ?? 0
    var reader = try Self.header(bytes, bucket: bucket)
    for _ in 0..<(try Self.count(&reader)) {
      let entry = try SignatureEntry(reading: &reader, format: format)
      try Self.check(entry.letterID[...], bucket: bucket, after: entries.last?.letterID[...])
      entries.append(entry)
    }
    try reader.finish()
  }

  /// A reader positioned after the format and bucket bytes, both checked (the format is the
  /// plaintext's first byte).
  package static func header(_ bytes: [UInt8], bucket: UInt8) throws(ByteReader.Malformed) -> ByteReader {
    var reader = ByteReader(bytes)
    guard formatVersions.contains(try reader.u8()) else { throw .init(reason: "text index version") }
    guard try reader.u8() == bucket else { throw .init(reason: "text index bucket") }
    return reader
  }

  package static func count(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Int {
    try reader.count(cap: FormatConstant.maximumListCount, minimumElementSize: minimumEntrySize)
  }

  /// An entry's id must be in `bucket` and follow the one before it.
  package static func check(_ id: ArraySlice<UInt8>, bucket: UInt8, after previous: ArraySlice<UInt8>?)
    throws(ByteReader.Malformed)
  {
    guard id.first == bucket else { throw .init(reason: "text index entry in the wrong bucket") }
    if let previous, !previous.lexicographicallyPrecedes(id) {
      throw .init(reason: "text index entries out of order")
    }
  }
}

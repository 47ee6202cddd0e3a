/// One letter's line in the LISTING record (FORMAT.md §6.6): what `list` prints and filters on,
/// and the (META version, META hash) it was taken from.
///
/// A reader uses an entry only when that pair equals the manifest's entry for the letter, so
/// the entry is exactly the authenticated META's summary; anything else (missing, stale,
/// damaged) is read from the META itself. No key and no text revision hash is copied here.
package struct ListingEntry: Equatable {
  package var letterID: [UInt8]
  package var metaVersion: UInt64
  package var metaHash: [UInt8]
  package var summary: ListingSummary

  /// The entry for a META just sealed as `version` with envelope hash `hash`.
  package init(letterID: [UInt8], metaVersion: UInt64, metaHash: [UInt8], meta: LetterMeta) {
    self.letterID = letterID
    self.metaVersion = metaVersion
    self.metaHash = metaHash
    summary = ListingSummary(meta: meta)
  }

  package func write(to writer: inout ByteWriter) {
    writer.raw(letterID)
    writer.u64(metaVersion)
    writer.raw(metaHash)
    summary.write(to: &writer)
  }

  package init(reading reader: inout ByteReader) throws(ByteReader.Malformed) {
    letterID = try reader.raw(FormatConstant.idByteCount)
    metaVersion = try reader.u64()
    metaHash = try reader.raw(FormatConstant.hashByteCount)
    summary = try ListingSummary(reading: &reader)
  }

  /// Where an entry's key fields are in the plaintext, read without copying them; the
  /// summary follows at the reader's position (`list`'s read path, SearchDesk+Listing.swift).
  package static func readKey(_ reader: inout ByteReader) throws(ByteReader.Malformed)
    -> (id: Range<Int>, version: UInt64, hash: Range<Int>)
  {
    let id = try reader.span(FormatConstant.idByteCount)
    let version = try reader.u64()
    return (id, version, try reader.span(FormatConstant.hashByteCount))
  }
}

/// The summary fields of a listing entry: what `list` prints and filters on, copied from META.
package struct ListingSummary: Equatable {
  package var state: LetterState
  package var createdAt: Int64
  package var updatedAt: Int64
  package var lastEditAt: Int64
  package var reviewOn: Int64
  package var releaseAt: Int64
  package var sentAt: Int64
  package var sentHow: UInt8
  /// "Sent" came in by a merge while this vault held the letter (the `sent_how` bit 0x80).
  package var arrivedSent: Bool
  package var deliveryError: String
  package var recipient: String
  package var subject: String
  package var tags: [String]
  package var noteCount: UInt32
  package var headRevision: UInt32

  package init(meta: LetterMeta) {
    state = meta.state
    createdAt = meta.createdAt
    updatedAt = meta.updatedAt
    lastEditAt = meta.lastEditAt
    reviewOn = meta.reviewOn
    releaseAt = meta.releaseAt
    sentAt = meta.sentAt
    sentHow = meta.sentHow
    arrivedSent = meta.arrivedSent
    deliveryError = meta.deliveryError
    recipient = meta.recipient
    subject = meta.subject
    tags = meta.tags
    noteCount = meta.noteCount
    headRevision = meta.headRevision
  }

  package func write(to writer: inout ByteWriter) {
    writer.u8(state.rawValue)
    for time in [createdAt, updatedAt, lastEditAt, reviewOn, releaseAt, sentAt] { writer.i64(time) }
    writer.u8(sentHow | (arrivedSent ? SentInCopy.flag : 0))
    writer.text(deliveryError)
    writer.text(recipient)
    writer.text(subject)
    writer.u8(UInt8(tags.count))
    for tag in tags { writer.text(tag) }
    writer.u32(noteCount)
    writer.u32(headRevision)
  }

  /// Moves `reader` past one summary, checked exactly as ``init(reading:)`` checks it, without
  /// making its strings; returns where its recipient, subject and tags are (one stretch, with
  /// the length bytes between them), for a search to test before building the summary.
  package static func skim(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> Range<Int> {
    guard LetterState(rawValue: try reader.u8()) != nil else { throw .init(reason: "unknown letter state") }
    _ = try reader.span(6 * 8 + 1)
    _ = try reader.textSpan()
    let recipient = try reader.textSpan()
    var end = try reader.textSpan().upperBound
    let tagCount = Int(try reader.u8())
    guard tagCount <= FormatConstant.maximumTagCount else { throw .init(reason: "too many tags") }
    for _ in 0..<tagCount { end = try reader.textSpan().upperBound }
    _ = try reader.span(8)
    return recipient.lowerBound..<end
  }

  package init(reading reader: inout ByteReader) throws(ByteReader.Malformed) {
    guard let state = LetterState(rawValue: try reader.u8()) else {
      throw .init(reason: "unknown letter state")
    }
    self.state = state
    createdAt = try reader.i64()
    updatedAt = try reader.i64()
    lastEditAt = try reader.i64()
    reviewOn = try reader.i64()
    releaseAt = try reader.i64()
    sentAt = try reader.i64()
    let how = try reader.u8()
    sentHow = how & ~SentInCopy.flag
    arrivedSent = how & SentInCopy.flag != 0
    deliveryError = try reader.text()
    recipient = try reader.text()
    subject = try reader.text()
    let tagCount = Int(try reader.u8())
    guard tagCount <= FormatConstant.maximumTagCount else { throw .init(reason: "too many tags") }
    tags = []
    if tagCount > 0 { tags.reserveCapacity(tagCount) }
    for _ in 0..<tagCount { tags.append(try reader.text()) }
    noteCount = try reader.u32()
    headRevision = try reader.u32()
  }
}

/// The plaintext of one LISTING row (FORMAT.md §6.6): the entries of every letter whose id
/// starts with the byte `bucket`, strictly ascending by id.
///
/// Split into up to 256 rows by the first id byte so a write re-encrypts only its own bucket
/// (~40 entries at 10,000 letters) instead of one record covering every letter.
package struct ListingBucket: Equatable {
  package static let formatVersion: UInt8 = 1
  /// The smallest entry: id, version, hash, state, six times, sent-how, three empty texts,
  /// no tags, two counts.
  package static let minimumEntrySize = 16 + 8 + 32 + 1 + 48 + 1 + 6 + 1 + 8

  package let bucket: UInt8
  package var entries: [ListingEntry]

  package init(bucket: UInt8, entries: [ListingEntry]) {
    self.bucket = bucket
    self.entries = entries
  }

  /// The row's object id: 15 zero bytes, then the bucket byte (FORMAT.md §6.6).
  package static func objectID(bucket: UInt8) -> [UInt8] {
    [UInt8](repeating: 0, count: FormatConstant.idByteCount - 1) + [bucket]
  }

  /// The bucket of a row's object id, or nil when it is not a listing object id.
  package static func bucket(objectID: [UInt8]) -> UInt8? {
    guard objectID.count == FormatConstant.idByteCount, objectID.dropLast().allSatisfy({ $0 == 0 })
    else { return nil }
    return objectID.last
  }

  package func serialized() -> [UInt8] {
    Self.serialize(
      version: Self.formatVersion, bucket: bucket, entries: entries, capacity: 16 + entries.count * 160
    ) { $0.write(to: &$1) }
  }

  /// The layout every per-bucket record shares (LISTING §6.6, TEXT INDEX §6.7): format byte,
  /// bucket byte, `u32` count, then the entries.
  package static func serialize<Entry>(
    version: UInt8, bucket: UInt8, entries: [Entry], capacity: Int, _ write: (Entry, inout ByteWriter) -> Void
  ) -> [UInt8] {
    var writer = ByteWriter(capacity: capacity)
    writer.u8(version)
    writer.u8(bucket)
    writer.u32(UInt32(entries.count))
    for entry in entries { write(entry, &writer) }
    return writer.bytes
  }

  /// Parses the plaintext of the row for `bucket`, strictly: the bucket byte must match, every
  /// id must start with it, ids strictly ascend, and nothing may follow the last entry.
  package init(parsing bytes: [UInt8], bucket: UInt8) throws(ByteReader.Malformed) {
    self.bucket = bucket
    entries = []
    try Self.appendEntries(parsing: bytes, bucket: bucket, to: &entries)
  }

  /// The parse of ``init(parsing:bucket:)``, appending to `entries` (a reader gathering every
  /// bucket avoids one array per bucket). On failure `entries` is left as it was.
  package static func appendEntries(parsing bytes: [UInt8], bucket: UInt8, to entries: inout [ListingEntry])
    throws(ByteReader.Malformed)
  {
    let start = entries.count
    do throws(ByteReader.Malformed) {
      var reader = ByteReader(bytes)
      guard try reader.u8() == formatVersion else { throw .init(reason: "listing version") }
      guard try reader.u8() == bucket else { throw .init(reason: "listing bucket") }
      let count = try reader.count(cap: FormatConstant.maximumListCount, minimumElementSize: minimumEntrySize)
      // Geometric growth: reserving exactly per bucket copied the whole array 256 times.
      if entries.capacity < start + count { entries.reserveCapacity(max(start + count, 2 * entries.capacity)) }
      for _ in 0..<count {
        let entry = try ListingEntry(reading: &reader)
        guard entry.letterID[0] == bucket else { throw .init(reason: "listing entry in the wrong bucket") }
        if entries.count > start, !entries[entries.count - 1].letterID.lexicographicallyPrecedes(entry.letterID) {
          throw .init(reason: "listing entries out of order")
        }
        entries.append(entry)
      }
      try reader.finish()
    } catch {
      entries.removeSubrange(start...)
      throw error
    }
  }
}

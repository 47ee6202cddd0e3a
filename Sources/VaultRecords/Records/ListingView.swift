import CHints

/// The decrypted LISTING rows (FORMAT.md §6.6) of one read, checked, with each manifest
/// entry's listing entry located but not yet turned into strings: `list` builds every summary,
/// `search` only those its words or text signatures may find (docs/PERFORMANCE.md).
///
/// A bucket is added whole or not at all: it must parse as strictly as
/// ``ListingBucket/init(parsing:bucket:)``, or none of its entries is used. An entry is located
/// only when its id, META version and META hash equal the manifest's.
package final class ListingView {
  private let manifest: ManifestIndex
  private var plaintexts: [[UInt8]] = []
  /// Per manifest index, where its listing entry is: one 16-byte slot, so a walk in another
  /// order than the manifest's waits on one cache line per letter, not three.
  private var slots: [Slot]
  /// The bucket last added, to use neither row of a bucket stored twice.
  private var lastBucket: UInt8?
  private var lastBucketIndices: [Int] = []
  private var cursor = 0

  package init(manifest: ManifestIndex) {
    self.manifest = manifest
    slots = [Slot](repeating: Slot(), count: manifest.count)
  }

  deinit {
    for index in plaintexts.indices { wipe(&plaintexts[index]) }
  }

  /// Manifest entries with no current listing entry.
  package var misses: Int { slots.lazy.filter { $0.row < 0 }.count }

  package func has(_ index: Int) -> Bool { slots[index].row >= 0 }

  /// Adds the decrypted row of `bucket` (rows arrive in ascending bucket order), taking the
  /// buffer (`plaintext` is left empty: the view wipes it when it goes; a row it does not use
  /// is wiped now). A second row for the same bucket withdraws the first: neither is used.
  package func add(_ plaintext: inout [UInt8], bucket: UInt8) {
    defer { wipe(&plaintext) }
    if bucket == lastBucket {
      forget(lastBucketIndices)
      lastBucketIndices = []
      return
    }
    lastBucket = bucket
    let row = Int32(plaintexts.count)
    var found: [Int] = []
    do {
      try locate(plaintext, bucket: bucket) { index, offset, stretch in
        slots[index] = Slot(
          row: row, offset: Int32(offset), fieldStart: Int32(stretch.lowerBound), fieldEnd: Int32(stretch.upperBound))
        found.append(index)
      }
      plaintexts.append(plaintext)
      // The view holds the only reference now, so `deinit` wipes the bytes in place.
      plaintext = []
    } catch {
      forget(found)
      found = []
    }
    lastBucketIndices = found
  }

  /// Notes a bucket whose row did not open: a second row for it must not be used either.
  package func skip(bucket: UInt8) {
    lastBucket = bucket
    lastBucketIndices = []
  }

  private func forget(_ indices: [Int]) {
    for index in indices { slots[index].row = -1 }
  }

  private func locate(_ plaintext: [UInt8], bucket: UInt8, _ found: (Int, Int, Range<Int>) -> Void)
    throws(ByteReader.Malformed)
  {
    var reader = ByteReader(plaintext)
    guard try reader.u8() == ListingBucket.formatVersion else { throw .init(reason: "listing version") }
    guard try reader.u8() == bucket else { throw .init(reason: "listing bucket") }
    let count = try reader.count(
      cap: FormatConstant.maximumListCount, minimumElementSize: ListingBucket.minimumEntrySize)
    var previous: Range<Int>?
    for _ in 0..<count {
      let key = try ListingEntry.readKey(&reader)
      let start = plaintext.count - reader.remaining
      let stretch = try ListingSummary.skim(&reader)
      guard plaintext[key.id.lowerBound] == bucket else { throw .init(reason: "listing entry in the wrong bucket") }
      if let previous, !plaintext[previous].lexicographicallyPrecedes(plaintext[key.id]) {
        throw .init(reason: "listing entries out of order")
      }
      previous = key.id
      plaintext.withUnsafeBytes { raw in
        guard let index = manifest.seek(UnsafeRawBufferPointer(rebasing: raw[key.id]), from: &cursor),
          manifest.entry(at: index, hasVersion: key.version, hash: UnsafeRawBufferPointer(rebasing: raw[key.hash]))
        else { return }
        found(index, start, stretch)
      }
    }
    try reader.finish()
  }

  /// The summary of manifest entry `index`, or nil when it has no current listing entry.
  package func summary(at index: Int) -> ListingSummary? {
    let slot = slots[index]
    guard slot.row >= 0 else { return nil }
    var reader = ByteReader(plaintexts[Int(slot.row)], offset: Int(slot.offset))
    // Checked by `skim` when the row was added; the same bytes parse the same way.
    return try? ListingSummary(reading: &reader)
  }

  /// Entry `index`'s creation time (stored milliseconds) and whether it is held with a pending
  /// send request (a release time), read in place in one visit; nil when it has no current
  /// listing entry. The summary's first field is the state byte, then the six times.
  package func orderKey(at index: Int) -> (created: Int64, waits: Bool)? {
    let slot = slots[index]
    guard slot.row >= 0 else { return nil }
    let start = Int(slot.offset)
    return plaintexts[Int(slot.row)].withUnsafeBytes { raw in
      let created = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 1, as: Int64.self))
      let releaseAt = raw.loadUnaligned(fromByteOffset: start + 1 + 4 * 8, as: Int64.self)
      return (created, raw[start] == LetterState.held.rawValue && releaseAt != 0)
    }
  }

  /// For a walk over `indices` in an order the rows are not kept in (`list`'s and `search`'s
  /// newest first visit them at random), at `position`: asks the CPU to start loading the line
  /// (its first bytes, its recipient and subject) and the id of the letter `lookahead` ahead,
  /// and where the line is of the letter twice as far. Each line read cold waited on memory,
  /// one after another (docs/PERFORMANCE.md round 14). Hints only: nothing is read or checked.
  package func prefetch(_ indices: [Int], at position: Int, ids manifest: ManifestIndex) {
    guard position >= 0 else { return }
    let near = position + Self.lookahead, far = near + Self.lookahead
    if far < indices.count, indices[far] >= 0, indices[far] < slots.count {
      slots.withUnsafeBufferPointer { letters_prefetch($0.baseAddress! + indices[far]) }
    }
    guard near < indices.count else { return }
    let index = indices[near]
    manifest.withEntryAddress(at: index) { letters_prefetch($0) }
    guard index >= 0, index < slots.count else { return }
    let slot = slots[index]
    guard slot.row >= 0 else { return }
    plaintexts[Int(slot.row)].withUnsafeBytes { raw in
      letters_prefetch(raw.baseAddress! + Int(slot.offset))
      letters_prefetch(raw.baseAddress! + Int(slot.fieldStart))
    }
  }

  /// How many letters ahead a walk asks for its lines: enough for the loads to overlap, few
  /// enough that they are still cached when their turn comes.
  private static let lookahead = 8

  /// `body` on the fields of entry `index`'s `list` line, read in place: no summary, no
  /// strings (docs/PERFORMANCE.md, round 10). Nothing when it has no current listing entry.
  package func withLine(at index: Int, _ body: (ListingLine) throws -> Void) rethrows {
    let slot = slots[index]
    guard slot.row >= 0 else { return }
    let start = Int(slot.offset)
    // The layout `skim` checked when the row was added: state, six times, sent-how, then the
    // delivery error, recipient and subject as `u16 length || UTF-8`; the stretch of fields
    // starts at the recipient's bytes, so its length is the two bytes before.
    let recipientStart = Int(slot.fieldStart)
    try plaintexts[Int(slot.row)].withUnsafeBufferPointer { row in
      func u16(at offset: Int) -> Int { Int(row[offset]) | Int(row[offset + 1]) << 8 }
      func i64(at offset: Int) -> Int64 {
        Int64(littleEndian: UnsafeRawBufferPointer(row).loadUnaligned(fromByteOffset: offset, as: Int64.self))
      }
      let recipientEnd = recipientStart + u16(at: recipientStart - 2)
      let subjectEnd = recipientEnd + 2 + u16(at: recipientEnd)
      try body(
        ListingLine(
          state: LetterState(rawValue: row[start]) ?? .draft, createdAt: i64(at: start + 1),
          releaseAt: i64(at: start + 1 + 4 * 8), hasDeliveryError: u16(at: start + 1 + 6 * 8 + 1) != 0,
          recipient: UnsafeBufferPointer(rebasing: row[recipientStart..<recipientEnd]),
          subject: UnsafeBufferPointer(rebasing: row[recipientEnd + 2..<subjectEnd])))
    }
  }

  /// Whether entry `index`'s recipient is exactly the UTF-8 bytes `name`, read in place; nil
  /// when it has no current listing entry. (Its stretch of fields starts at the recipient's
  /// text, so its two length bytes are just before.)
  package func recipient(at index: Int, is name: [UInt8]) -> Bool? {
    let slot = slots[index]
    guard slot.row >= 0 else { return nil }
    let plaintext = plaintexts[Int(slot.row)]
    var reader = ByteReader(plaintext, offset: Int(slot.fieldStart) - 2)
    // Checked by `skim` when the row was added; the same bytes parse the same way.
    guard let span = try? reader.textSpan() else { return nil }
    return plaintext[span].elementsEqual(name)
  }

  /// `test` on the bytes of entry `index`'s recipient, subject and tags (with the length bytes
  /// between them), in place; nil when it has no current listing entry.
  package func withFields(at index: Int, _ test: (UnsafeRawBufferPointer) -> Bool) -> Bool? {
    let slot = slots[index]
    guard slot.row >= 0 else { return nil }
    let range = Int(slot.fieldStart)..<Int(slot.fieldEnd)
    return plaintexts[Int(slot.row)].withUnsafeBytes { test(UnsafeRawBufferPointer(rebasing: $0[range])) }
  }

  /// Where one manifest entry's listing entry is: which plaintext (-1: none), where its summary
  /// starts, and where its recipient, subject and tags are (``ListingSummary/skim(_:)``).
  private struct Slot {
    var row: Int32 = -1
    var offset: Int32 = 0
    var fieldStart: Int32 = 0
    var fieldEnd: Int32 = 0
  }
}

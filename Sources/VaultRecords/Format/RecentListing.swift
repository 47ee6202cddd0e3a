/// The plaintext of the RECENT row (FORMAT.md §6.8): the LISTING entries of the vault's newest
/// letters, newest first, in `list`'s order, so `list -n 20` reads one small record instead of
/// the whole manifest and every LISTING bucket (docs/PERFORMANCE.md).
///
/// The MANIFEST root pins the row by hash, so a reader that finds the hash equal knows the
/// entries were written with that root and are current: no manifest bucket is opened.
package struct RecentListing: Equatable {
  package static let formatVersion: UInt8 = 1
  /// At most this many entries are kept; a write that would keep more drops the oldest.
  package static let capacity = 64
  /// A write that leaves fewer than this many (letters burned or merged away) builds the
  /// record again from every letter, so `list -n 20` keeps finding its twenty here.
  package static let floor = 32
  private static let completeFlag: UInt8 = 0x01

  /// True when these are all the vault's letters (it has at most ``capacity``).
  package var complete: Bool
  /// Newest first: `created_at` descending, ties by letter id descending.
  package var entries: [ListingEntry]

  package init(complete: Bool, entries: [ListingEntry]) {
    self.complete = complete
    self.entries = entries
  }

  /// The pin a root holds when its writer stored no RECENT row (FORMAT.md §6.8).
  package static let none = [UInt8](repeating: 0, count: FormatConstant.hashByteCount)

  /// The row's object id: 14 zero bytes, then 0x03 and 0x00 (FORMAT.md §6.8).
  package static let objectID: [UInt8] = [UInt8](repeating: 0, count: FormatConstant.idByteCount - 2) + [0x03, 0x00]

  /// `list`'s order: a newer letter first; of two created in the same millisecond, the one
  /// with the larger id (ListingOrder in LetterVault sorts the same way).
  package static func precedes(_ a: ListingEntry, _ b: ListingEntry) -> Bool {
    a.summary.createdAt != b.summary.createdAt
      ? a.summary.createdAt > b.summary.createdAt
      : b.letterID.lexicographicallyPrecedes(a.letterID)
  }

  package func serialized() -> [UInt8] {
    var writer = ByteWriter(capacity: 16 + entries.count * 160)
    writer.u8(Self.formatVersion)
    writer.u8(complete ? Self.completeFlag : 0)
    writer.u32(UInt32(entries.count))
    for entry in entries { entry.write(to: &writer) }
    return writer.bytes
  }

  /// Parses strictly: version 1, no unknown flag, at most ``capacity`` entries in strictly
  /// descending order (one encoding per record), nothing after the last.
  package init(parsing bytes: [UInt8]) throws(ByteReader.Malformed) {
    var reader = ByteReader(bytes)
    guard try reader.u8() == Self.formatVersion else { throw .init(reason: "recent letters version") }
    let flags = try reader.u8()
    guard flags & ~Self.completeFlag == 0 else { throw .init(reason: "recent letters flags") }
    complete = flags == Self.completeFlag
    let count = try reader.count(cap: Self.capacity, minimumElementSize: ListingBucket.minimumEntrySize)
    entries = []
    entries.reserveCapacity(count)
    for _ in 0..<count {
      let entry = try ListingEntry(reading: &reader)
      if let previous = entries.last, !Self.precedes(previous, entry) {
        throw .init(reason: "recent letters out of order")
      }
      entries.append(entry)
    }
    try reader.finish()
  }

  /// This record after a write that stored the LISTING entries `changes` and changed the
  /// manifest buckets `changedBuckets` (whose entries `current` gives), or nil when it must
  /// be built again from every letter (FORMAT.md §6.8 "Writing").
  ///
  /// Every letter left out is older than the last entry kept (or there is none, when
  /// `complete`): so a changed letter newer than that last entry joins, an older one cannot
  /// be among the newest, and a letter removed leaves the others still the newest.
  package func updated(
    changes: [[UInt8]: ListingEntry], changedBuckets: Set<UInt8>, current: ([UInt8]) -> Manifest.Entry?
  ) -> RecentListing? {
    func isCurrent(_ entry: ListingEntry) -> Bool {
      guard let now = current(entry.letterID) else { return false }
      return now.metaVersion == entry.metaVersion && now.metaHash == entry.metaHash
    }
    let cutoff = complete ? nil : entries.last
    var kept: [ListingEntry] = []
    kept.reserveCapacity(entries.count + changes.count)
    for entry in entries where changes[entry.letterID] == nil {  // a changed one joins below
      // A bucket the write did not change holds the same entries as when this was written.
      if changedBuckets.contains(entry.letterID[0]) {
        if current(entry.letterID) == nil { continue }  // the letter left the vault
        // Changed without a LISTING entry: not a write this code makes; build it all again.
        guard isCurrent(entry) else { return nil }
      }
      kept.append(entry)
    }
    for change in changes.values where isCurrent(change) {
      if let cutoff, Self.precedes(cutoff, change) { continue }
      kept.append(change)
    }
    kept.sort(by: Self.precedes)
    var complete = self.complete
    if kept.count > Self.capacity {
      kept.removeLast(kept.count - Self.capacity)
      complete = false
    }
    guard complete || kept.count >= Self.floor else { return nil }
    return RecentListing(complete: complete, entries: kept)
  }
}

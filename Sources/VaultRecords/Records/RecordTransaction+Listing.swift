import Foundation

/// The LISTING record (FORMAT.md §6.6): every letter's summary, stored in up to 256 small
/// envelopes with the manifest, so `list` decrypts a few records instead of every META
/// (docs/PERFORMANCE.md). An entry is used only when its META version and hash equal the
/// manifest's; a missing, stale or damaged entry is read from the META itself, so a listing
/// that fell behind makes `list` slower, never wrong.
extension RecordTransaction {
  private static let listingLow = ListingBucket.objectID(bucket: 0x00)
  private static let listingHigh = ListingBucket.objectID(bucket: 0xFF)

  // MARK: - Writing

  /// Rewrites the buckets the transaction touched (every bucket after a re-key, when `rewritingAll`),
  /// keeping only entries that match `manifest`. Called by `storeManifest`, so the listing is
  /// always written in the same transaction as the manifest it is checked against.
  package func storeListing(_ manifest: Manifest, rewritingAll: Bool) throws {
    let field = FieldTag.listing.rawValue
    if rewritingAll {
      try session.delete(field: field, from: Self.listingLow, through: Self.listingHigh)
    }
    guard !manifest.listingBuckets.isEmpty else { return }
    var changes: [UInt8: [ListingEntry]] = [:]
    for entry in manifest.listingChanges.values { changes[entry.letterID[0], default: []].append(entry) }
    for bucket in manifest.listingBuckets.sorted() {
      let objectID = ListingBucket.objectID(bucket: bucket)
      var kept: [[UInt8]: ListingEntry] = [:]
      // A damaged old bucket is simply replaced: its other letters fall back to their META.
      if !rewritingAll, let old = try openListingBucket(bucket, rows: session.objects(objectID, field: field)) {
        for entry in old.entries { kept[entry.letterID] = entry }
      }
      for entry in changes[bucket] ?? [] { kept[entry.letterID] = entry }
      let entries = kept.values
        .filter { entry in
          guard let current = manifest.entries[entry.letterID] else { return false }
          return current.metaVersion == entry.metaVersion && current.metaHash == entry.metaHash
        }
        .sorted { $0.letterID.lexicographicallyPrecedes($1.letterID) }
      try replaceBucketRow(
        objectID, field: .listing, key: .listing, epoch: manifest.epoch,
        with: entries.isEmpty ? nil : ListingBucket(bucket: bucket, entries: entries).serialized())
    }
  }

  /// Replaces the row of one bucket of a per-bucket record (LISTING §6.6, TEXT INDEX §6.7)
  /// with `plaintext` sealed under the record's key as revision `epoch`; with nil, the bucket
  /// has no letters and no row.
  package func replaceBucketRow(
    _ objectID: [UInt8], field: FieldTag, key: RecordKey, epoch: UInt64,
    with plaintext: [UInt8]?
  ) throws {
    try session.delete(objectID, field: field.rawValue)
    guard let plaintext else { return }
    let envelope = cipher.seal(plaintext, field: field, objectID: objectID, revision: epoch, key: key)
    try session.put(objectID, field: field.rawValue, revision: epoch, envelope: envelope)
  }

  // MARK: - Reading

  /// The bucket stored in `rows` (the rows of its object id), or nil when there is none, more
  /// than one, or it does not open and parse.
  private func openListingBucket(_ bucket: UInt8, rows: [StoredObject]) -> ListingBucket? {
    guard rows.count == 1, let row = rows.first else { return nil }
    return try? checkListingRow(row, bucket: bucket)
  }

  /// Opens and parses one LISTING row; any failure is `Malformed` (for `verify`).
  package func checkListingRow(_ row: StoredObject, bucket: UInt8) throws -> ListingBucket {
    let plaintext = try row.envelope.withUnsafeBytes { raw in
      try cipher.open(
        raw, field: .listing, objectID: row.objectID, revision: row.revision, key: .listing)
    }
    return try ListingBucket(parsing: plaintext, bucket: bucket)
  }

  /// Every entry of every bucket that opens, ascending by letter id. A bucket with more than
  /// one row, or one that fails to open, contributes nothing (its letters fall back to META).
  package func loadListing() throws -> [ListingEntry] {
    var entries: [ListingEntry] = []
    try forEachListingBucket { entries += $0 }
    return entries
  }

  /// The entries of each bucket that opens and parses, in bucket order, one bucket at a time
  /// (a rebuild of RECENT at 100,000 letters holds one bucket, not all of them). Streams the
  /// rows without copying them (docs/PERFORMANCE.md). A bucket stored twice gives nothing.
  package func forEachListingBucket(_ body: ([ListingEntry]) throws -> Void) throws {
    var held: [ListingEntry]?
    var previous: [UInt8] = []
    try session.forEachObject(
      field: FieldTag.listing.rawValue, from: Self.listingLow, through: Self.listingHigh
    ) { objectID, revision, envelope in
      if objectID == previous {
        held = nil  // two rows for one bucket: use neither
        return
      }
      if let entries = held { try body(entries) }
      held = nil
      previous = objectID
      guard let bucket = ListingBucket.bucket(objectID: objectID),
        var plaintext = try? cipher.open(
          envelope, field: .listing, objectID: objectID, revision: revision, key: .listing)
      else { return }
      defer { wipe(&plaintext) }
      var entries: [ListingEntry] = []
      if (try? ListingBucket.appendEntries(parsing: plaintext, bucket: bucket, to: &entries)) != nil { held = entries }
    }
    if let entries = held { try body(entries) }
  }

  /// The LISTING rows, decrypted and checked, each manifest entry's listing entry located
  /// (ListingView.swift). A bucket that fails to open or parse, or has two rows, contributes
  /// nothing. Streams the rows without copying them (docs/PERFORMANCE.md).
  package func listingView(_ manifest: ManifestIndex) throws -> ListingView {
    let view = ListingView(manifest: manifest)
    try session.forEachObject(
      field: FieldTag.listing.rawValue, from: Self.listingLow, through: Self.listingHigh
    ) { objectID, revision, envelope in
      guard let bucket = ListingBucket.bucket(objectID: objectID) else { return }
      guard
        var plaintext = try? cipher.open(
          envelope, field: .listing, objectID: objectID, revision: revision, key: .listing)
      else { return view.skip(bucket: bucket) }
      view.add(&plaintext, bucket: bucket)
    }
    return view
  }

  /// A letter's META row, checked against its manifest entry (a point lookup, for the letters
  /// the listing or text index cannot vouch for).
  package func metaFromIndex(_ entry: Manifest.Entry, depth: LetterMeta.Depth) throws
    -> (LetterID, LetterMeta)
  {
    let id = LetterID(bytes: entry.letterID)
    guard let row = try session.objects(entry.letterID, field: FieldTag.meta.rawValue).last else {
      throw RecordError.damaged([.missingLetter(id)])
    }
    let meta = try row.envelope.withUnsafeBytes { raw in
      try openMeta(envelope: raw, version: row.revision, id: id, indexEntry: .some(entry), depth: depth)
    }
    return (id, meta)
  }
}

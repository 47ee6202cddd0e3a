import Foundation

/// The LISTING record (FORMAT.md §6.6): every letter's summary, stored in up to 256 small
/// envelopes with the manifest, so `list` decrypts a few records instead of every META
/// (docs/PERFORMANCE.md). An entry is used only when its META version and hash equal the
/// manifest's; a missing, stale or damaged entry is read from the META itself, so a listing
/// that fell behind makes `list` slower, never wrong.
extension Vault {
  private static let listingLow = ListingBucket.objectID(bucket: 0x00)
  private static let listingHigh = ListingBucket.objectID(bucket: 0xFF)

  // MARK: - Writing

  /// Rewrites the buckets the transaction touched (every bucket after a re-key, when `rewritingAll`),
  /// keeping only entries that match `manifest`. Called by `storeManifest`, so the listing is
  /// always written in the same transaction as the manifest it is checked against.
  func storeListing(_ manifest: Manifest, rewritingAll: Bool, in session: StorageSession) throws {
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
        objectID, field: .listing, key: .listing, epoch: manifest.epoch, in: session,
        with: entries.isEmpty ? nil : ListingBucket(bucket: bucket, entries: entries).serialized())
    }
  }

  /// Replaces the row of one bucket of a per-bucket record (LISTING §6.6, TEXT INDEX §6.7)
  /// with `plaintext` sealed under the record's key as revision `epoch`; with nil, the bucket
  /// has no letters and no row.
  func replaceBucketRow(
    _ objectID: [UInt8], field: FieldTag, key: RecordKey, epoch: UInt64, in session: StorageSession,
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
  func checkListingRow(_ row: StoredObject, bucket: UInt8) throws -> ListingBucket {
    let plaintext = try row.envelope.withUnsafeBytes { raw in
      try cipher.open(
        raw, field: .listing, objectID: row.objectID, revision: row.revision, key: .listing)
    }
    return try ListingBucket(parsing: plaintext, bucket: bucket)
  }

  /// Every entry of every bucket that opens, ascending by letter id. A bucket with more than
  /// one row, or one that fails to open, contributes nothing (its letters fall back to META).
  /// Streams the rows without copying them (docs/PERFORMANCE.md).
  func loadListing(in session: StorageSession) throws -> [ListingEntry] {
    var entries: [ListingEntry] = []
    var previous: [UInt8] = []
    var previousStart = 0
    try session.forEachObject(
      field: FieldTag.listing.rawValue, from: Self.listingLow, through: Self.listingHigh
    ) { objectID, revision, envelope in
      if objectID == previous {
        // Two rows for one bucket: use neither.
        entries.removeSubrange(previousStart...)
        return
      }
      previous = objectID
      previousStart = entries.count
      guard let bucket = ListingBucket.bucket(objectID: objectID),
        var plaintext = try? cipher.open(
          envelope, field: .listing, objectID: objectID, revision: revision, key: .listing)
      else { return }
      defer { wipe(&plaintext) }
      try? ListingBucket.appendEntries(parsing: plaintext, bucket: bucket, to: &entries)
    }
    return entries
  }

  /// The LISTING rows, decrypted and checked, each manifest entry's listing entry located
  /// (ListingView.swift). A bucket that fails to open or parse, or has two rows, contributes
  /// nothing. Streams the rows without copying them (docs/PERFORMANCE.md).
  func listingView(_ manifest: ManifestIndex, in session: StorageSession) throws -> ListingView {
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

  /// `list` from the LISTING record: the manifest's letters, each from its listing entry when
  /// that matches the manifest, else from its META (checked as always). Nil when the manifest
  /// is damaged or too few entries match: the full scan then reads (and names) everything.
  /// With a `limit`, stops building summaries once that many match (they come newest first).
  func listFromIndex(_ filter: LetterFilter, limit: Int? = nil) throws(VaultError) -> LetterListing? {
    try database.read { session -> LetterListing? in
      let manifest: ManifestIndex
      do { manifest = try loadManifestIndex(in: session) } catch VaultError.damaged { return nil }
      let view = try listingView(manifest, in: session)
      // One point lookup per miss; past an eighth of the vault, one scan is cheaper.
      guard view.misses <= max(64, manifest.count / 8) else { return nil }
      // Newest first, ties by id descending (as `newestFirst`), ordered on the creation times
      // read in place, so each summary is built once, already in its place: gathering 10,000
      // built summaries into order was a twentieth of `list` (docs/PERFORMANCE.md).
      var fromMeta: [Int: LetterSummary] = [:]
      var damaged: [Damage] = []
      var order: [(created: Int64, index: Int)] = []
      order.reserveCapacity(manifest.count)
      for index in 0..<manifest.count {
        if let created = view.created(at: index) {
          order.append((created, index))
          continue
        }
        do {
          let (id, meta) = try metaFromIndex(manifest.entry(at: index), summaryOnly: true, in: session)
          fromMeta[index] = summary(id, meta)
          order.append((meta.createdAt, index))
        } catch VaultError.damaged(let problems) {
          damaged += problems
        }
      }
      // Manifest order is id order, so a larger index is a larger id.
      order.sort { $0.created != $1.created ? $0.created > $1.created : $0.index > $1.index }
      var found: [LetterSummary] = []
      found.reserveCapacity(max(0, min(order.count, limit ?? order.count)))
      for (_, index) in order {
        if let limit, found.count >= limit { break }
        guard
          let summary = fromMeta[index] ?? view.summary(at: index).map({ summary(manifest.id(at: index), $0) })
        else { continue }
        if filter.matches(summary) { found.append(summary) }
      }
      return LetterListing(letters: found, damaged: damaged)
    }
  }

  /// A letter's META row, checked against its manifest entry (a point lookup, for the letters
  /// the listing or text index cannot vouch for).
  func metaFromIndex(_ entry: Manifest.Entry, summaryOnly: Bool, in session: StorageSession) throws
    -> (LetterID, LetterMeta)
  {
    let id = LetterID(bytes: entry.letterID)
    guard let row = try session.objects(entry.letterID, field: FieldTag.meta.rawValue).last else {
      throw VaultError.damaged([.missingLetter(id)])
    }
    let meta = try row.envelope.withUnsafeBytes { raw in
      try openMeta(envelope: raw, version: row.revision, id: id, indexEntry: .some(entry), summaryOnly: summaryOnly)
    }
    return (id, meta)
  }

  /// A letter's summary from the fields `list` reads: a LISTING entry's, or a META's.
  func summary(_ id: LetterID, _ entry: ListingSummary) -> LetterSummary {
    LetterSummary(
      id: id, state: entry.state, recipient: entry.recipient,
      subject: entry.subject, tags: entry.tags,
      created: Date(storedMilliseconds: entry.createdAt),
      updated: Date(storedMilliseconds: entry.updatedAt),
      lastEdited: Date(storedMilliseconds: entry.lastEditAt),
      releaseAt: entry.releaseAt == 0 ? nil : Date(storedMilliseconds: entry.releaseAt),
      reviewOn: entry.reviewOn == 0 ? nil : Date(storedMilliseconds: entry.reviewOn),
      sentAt: entry.sentAt == 0 ? nil : Date(storedMilliseconds: entry.sentAt),
      sentHow: SendMethod(rawValue: entry.sentHow)?.description ?? "",
      deliveryError: entry.deliveryError, revision: Int(entry.headRevision),
      noteCount: Int(entry.noteCount))
  }
}

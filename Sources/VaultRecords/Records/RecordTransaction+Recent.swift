/// The RECENT row (FORMAT.md §6.8): the newest letters' LISTING entries in one record pinned by
/// the MANIFEST root, so `list -n 20` reads the root and this row only (docs/PERFORMANCE.md).
/// Written with every manifest; when it cannot be kept current it is built again from every
/// letter, and when even that fails (a letter whose META does not open) the root pins none.
extension RecordTransaction {
  // MARK: - Reading

  /// The record the authenticated root pins, or nil when the root pins none (or is format 1
  /// or 2) or the row is missing, duplicated, altered or does not parse: the caller then
  /// reads the whole listing, which names any damage. Never used for a write.
  package func loadRecent() -> RecentListing? {
    guard let hash = try? manifestRoot()?.recentHash, hash != RecentListing.none else { return nil }
    return try? openRecent(pinnedBy: hash)
  }

  /// The root's plaintext parsed, or nil for a format-1 root.
  private func manifestRoot() throws -> ManifestRoot? {
    let manifest = try loadManifest()
    return manifest.entries.isComplete ? nil : manifest.root
  }

  /// The one RECENT row, whose envelope hash must be `hash` (checked before decryption, as a
  /// manifest bucket's), opened in SQLite's buffer and parsed; any failure is `Malformed`
  /// (for `verify`). A second row makes it void whatever the first gave.
  package func openRecent(pinnedBy hash: [UInt8]) throws -> RecentListing {
    var count = 0
    var result: Result<RecentListing, ByteReader.Malformed> = .failure(.init(reason: "missing"))
    try session.forEachRow(RecentListing.objectID, field: FieldTag.recent.rawValue) { revision, envelope in
      count += 1
      guard count == 1 else { return }
      guard Hash.blake2b(envelope) == hash else {
        result = .failure(.init(reason: "does not match the vault index (an older or altered copy)"))
        return
      }
      result = Result {
        try RecentListing(
          parsing: cipher.open(
            envelope, field: .recent, objectID: RecentListing.objectID, revision: revision, key: .listing))
      }.mapError { ByteReader.Malformed(reason: $0.reason) }
    }
    guard count <= 1 else { throw ByteReader.Malformed(reason: "duplicated") }
    return try result.get()
  }

  // MARK: - Writing

  /// Stores the record for `manifest` (after its LISTING, which a rebuild reads) and returns
  /// the pin for its root: the old row's hash when nothing in it changed, the new row's, or
  /// ``RecentListing/none``. A re-key (`rewritingAll`) and a root without a pin build it anew.
  package func storeRecent(_ manifest: Manifest, rewritingAll: Bool) throws -> [UInt8] {
    var old: RecentListing?
    if !rewritingAll, let hash = manifest.recentHash {
      // A root that pins none stays so until a re-key: the build already failed once.
      if hash == RecentListing.none { return hash }
      old = try? openRecent(pinnedBy: hash)
    }
    let changedBuckets = Set(manifest.entries.changedBuckets)
    let updated = old?.updated(
      changes: manifest.listingChanges, changedBuckets: changedBuckets, current: { manifest.entries[$0] })
    if let old, updated == old, let hash = manifest.recentHash { return hash }
    let record = try updated ?? rebuiltRecent(manifest)
    try session.delete(RecentListing.objectID, field: FieldTag.recent.rawValue)
    guard let record else { return RecentListing.none }
    let envelope = cipher.seal(
      record.serialized(), field: .recent, objectID: RecentListing.objectID, revision: manifest.epoch,
      key: .listing)
    try session.put(RecentListing.objectID, field: FieldTag.recent.rawValue, revision: manifest.epoch, envelope: envelope)
    return Hash.blake2b(envelope)
  }

  /// The record built from every letter: its current LISTING entry (as just stored), else
  /// its META. Nil when a manifest bucket or a META does not open: the root then pins none.
  /// One LISTING bucket at a time, keeping only the newest 64 (the first write of a
  /// 100,000-letter vault held every entry at once: 150 MiB).
  private func rebuiltRecent(_ manifest: Manifest) throws -> RecentListing? {
    var newest: [ListingEntry] = []
    func consider(_ entry: ListingEntry) {
      if newest.count == RecentListing.capacity, let last = newest.last, !RecentListing.precedes(entry, last) { return }
      let place = newest.firstIndex { RecentListing.precedes(entry, $0) } ?? newest.count
      newest.insert(entry, at: place)
      if newest.count > RecentListing.capacity { newest.removeLast() }
    }
    var listed = Set<[UInt8]>()
    try forEachListingBucket { entries in
      for entry in entries {
        guard let current = manifest.entries[entry.letterID], current.metaVersion == entry.metaVersion,
          current.metaHash == entry.metaHash
        else { continue }
        listed.insert(entry.letterID)
        consider(entry)
      }
    }
    let all = manifest.entries.values
    guard manifest.entries.bucketSource?.anyFailure == nil else { return nil }
    for current in all where !listed.contains(current.letterID) {
      guard let (_, meta) = try? metaFromIndex(current, depth: .summary) else { return nil }
      consider(
        ListingEntry(letterID: current.letterID, metaVersion: current.metaVersion, metaHash: current.metaHash, meta: meta))
    }
    return RecentListing(complete: all.count <= RecentListing.capacity, entries: newest)
  }
}

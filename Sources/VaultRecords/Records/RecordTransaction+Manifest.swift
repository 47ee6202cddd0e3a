/// Reading and writing the MANIFEST (FORMAT.md §6.3): the root row, and the bucket rows it
/// pins by hash. A write re-seals the root and the buckets it changed; a read of one letter
/// opens the root and one bucket (docs/PERFORMANCE.md). A format-1 manifest (every entry in
/// the root row) is read as it is and written as format 2 by the next write.
extension RecordTransaction {
  static let bucketLow = ManifestBucket.objectID(bucket: 0x00)
  static let bucketHigh = ManifestBucket.objectID(bucket: 0xFF)

  // MARK: - Reading

  /// The manifest: the root authenticated, its buckets opened when first looked at.
  package func loadManifest() throws -> Manifest {
    try openManifest() { plaintext in
      if plaintext.first == Manifest.legacyFormatVersion {
        let manifest = try Manifest(parsingFormat1: plaintext)
        return (manifest, manifest.epoch)
      }
      let root = try ManifestRoot(parsing: plaintext)
      return (Manifest(root: root, source: bucketSource(root)), root.epoch)
    }
  }

  /// As `loadManifest`, with every bucket opened and checked now, and no bucket row that the
  /// root does not list (`verify`).
  package func loadCompleteManifest() throws -> Manifest {
    let manifest = try loadManifest()
    _ = try loadManifestIndex()
    return manifest
  }

  /// The manifest's epoch, authenticated like `loadManifest` but without parsing its entries:
  /// opening from the key cache and the watermark check need only this (docs/PERFORMANCE.md).
  package func loadManifestEpoch() throws -> UInt64 {
    try openManifest() { plaintext in
      let epoch = try Manifest.epoch(parsing: plaintext)
      return (epoch, epoch)
    }
  }

  /// Every entry as a lookup view for reads of every letter (Format/ManifestIndex.swift):
  /// every bucket row opened and checked against the root, in one pass over them.
  package func loadManifestIndex() throws -> ManifestIndex {
    try openManifest() { plaintext in
      if plaintext.first == Manifest.legacyFormatVersion {
        let index = try ManifestIndex(parsing: plaintext)
        return (index, index.epoch)
      }
      let root = try ManifestRoot(parsing: plaintext)
      return (try ManifestIndex(parsing: try joinedBuckets(root)), root.epoch)
    }
  }

  /// The manifest for a read, or nil when its root is damaged; a damaged bucket leaves its
  /// letters unchecked. A letter is then read on the strength of its own META and body
  /// checks, so one damaged index does not lock the writer out of every letter (SECURITY.md
  /// §2.4: other letters stay readable); writes (`mutate`) still refuse, and `list`,
  /// `status` and `verify` name the damage.
  package func readableManifest() throws -> Manifest? {
    do {
      var manifest = try loadManifest()
      manifest.lenient = true
      return manifest
    } catch RecordError.damaged { return nil }
  }

  /// One letter's entry, opening the root and its bucket only (`show`): nil when either is
  /// damaged (the letter is read on the strength of its own META, as `readableManifest`),
  /// `.some(nil)` when the manifest does not list it.
  package func manifestEntry(for id: LetterID) throws -> Manifest.Entry?? {
    guard let manifest = try readableManifest() else { return nil }
    return try indexEntry(id, in: manifest)
  }

  /// The entry to check a META against: `.some(nil)` when the manifest does not list the
  /// letter. When its bucket is damaged, a lenient (read) manifest gives nil (no check) and
  /// any other refuses, naming the index.
  package func indexEntry(_ id: LetterID, in manifest: Manifest) throws -> Manifest.Entry?? {
    if let first = id.bytes.first, !manifest.entries.isComplete, !manifest.entries.isLoaded(first) {
      // A bucket not read yet: the one entry found in place (ManifestBuckets.swift), checked
      // as the bucket source checks the bucket, without building its every entry.
      do {
        return .some(try bucketEntry(id.bytes, bucket: first, hash: manifest.bucketHashes[first]))
      } catch {
        if manifest.lenient { return nil }
        throw RecordError.damaged([Damage(letterID: nil, part: .index, reason: error.reason)])
      }
    }
    if let first = id.bytes.first, let failure = manifest.entries.bucketSource?.failure(of: first) {
      if manifest.lenient { return nil }
      throw RecordError.damaged([Damage(letterID: nil, part: .index, reason: failure.reason)])
    }
    return .some(manifest.entries[id.bytes])
  }

  /// The one MANIFEST row, authenticated and handed to `read`, whose epoch must equal the
  /// row's revision (FORMAT.md §6.3). Any failure is damage to the "index".
  private func openManifest<T>(
    _ read: ([UInt8]) throws -> (T, epoch: UInt64)
  ) throws -> T {
    // The row is opened in SQLite's buffer, without copying it (docs/PERFORMANCE.md); a
    // second row makes the result void whatever the first one gave.
    var count = 0
    var result: Result<T, Error> = .failure(ByteReader.Malformed(reason: "missing"))
    try session.forEachRow(AssociatedData.manifestObjectID, field: FieldTag.manifest.rawValue) {
      revision, envelope in
      count += 1
      guard count == 1 else { return }
      result = Result { try openManifestRow(revision: revision, envelope: envelope, read) }
    }
    guard count == 1 else {
      throw RecordError.damaged([Damage(letterID: nil, part: .index, reason: "missing or duplicated")])
    }
    do {
      return try result.get()
    } catch {
      throw RecordError.damaged([Damage(letterID: nil, part: .index, reason: error.reason)])
    }
  }

  private func openManifestRow<T>(
    revision: UInt64, envelope: UnsafeRawBufferPointer, _ read: ([UInt8]) throws -> (T, epoch: UInt64)
  ) throws -> T {
    // The same envelope at the same revision was already authenticated under this key
    // (ManifestCache.swift); otherwise open it, with the key in the reused scratch buffer.
    let plaintext: [UInt8]
    if let cached = cipher.manifestCache.plaintext(revision: revision, bytes: envelope) {
      plaintext = cached
    } else {
      plaintext = try cipher.open(
        envelope, field: .manifest, objectID: AssociatedData.manifestObjectID,
        revision: revision, key: .manifest)
      cipher.manifestCache.store(revision: revision, envelope: Array(envelope), plaintext: plaintext)
    }
    let (value, epoch) = try read(plaintext)
    guard epoch == revision else { throw ByteReader.Malformed(reason: "epoch") }
    return value
  }

  // MARK: - Writing

  /// Stores the manifest as format 4: the buckets it changed (every bucket after a re-key,
  /// `old == nil`, or when it was read in an older format: the upgrade), LISTING, TEXT INDEX and
  /// RECENT, then the root with their hashes, all in this transaction. Refuses when any bucket it
  /// met failed its checks (fail closed, FORMAT.md §6.3).
  package func storeManifest(
    _ manifest: Manifest, replacingEpoch old: UInt64?
  ) throws {
    var manifest = manifest
    // A root older than format 4 may have rows padded coarsely: this write pads them all again
    // (RecordTransaction+Repad.swift).
    let repadding = old != nil && manifest.readFormat < Manifest.formatVersion
    let rewritingAll = old == nil || manifest.entries.isComplete || repadding
    let numbers =
      rewritingAll
      ? Array(Set(manifest.entries.changedBuckets).union(manifest.entries.bucketSource?.listed ?? [])).sorted()
      : manifest.entries.changedBuckets
    // Every bucket to write is read before any row changes (a re-key reads under the old key).
    let contents = numbers.map { ($0, manifest.entries.bucket($0)) }
    if let failure = manifest.entries.bucketSource?.anyFailure {
      throw RecordError.damaged([Damage(letterID: nil, part: .index, reason: failure.reason)])
    }
    let field = FieldTag.manifestBucket.rawValue
    if rewritingAll {
      try session.delete(field: field, from: Self.bucketLow, through: Self.bucketHigh)
      manifest.bucketHashes = [:]
    }
    let key = cipher.manifestKey
    for (number, entries) in contents {
      let objectID = ManifestBucket.objectID(bucket: number)
      if !rewritingAll { try session.delete(objectID, field: field) }
      guard !entries.isEmpty else {
        manifest.bucketHashes[number] = nil
        continue
      }
      let envelope = cipher.seal(
        ManifestBucket(bucket: number, entries: Array(entries.values)).serialized(), field: .manifestBucket,
        objectID: objectID, revision: manifest.epoch, key: key)
      try session.put(objectID, field: field, revision: manifest.epoch, envelope: envelope)
      manifest.bucketHashes[number] = Hash.blake2b(envelope)
    }
    // FORMAT.md §6.6–§6.8: the listing, text index and recent letters go with the manifest,
    // in the same transaction; the root, written last, pins the recent letters' row.
    if repadding {
      try repadBucketRows(field: .listing, key: .listing, epoch: manifest.epoch, objectID: ListingBucket.objectID)
      try repadBucketRows(
        field: .textIndex, key: .textIndex, epoch: manifest.epoch, objectID: SignatureBucket.objectID)
    }
    try storeListing(manifest, rewritingAll: old == nil)
    try storeTextIndex(manifest, rewritingAll: old == nil)
    manifest.recentHash = try storeRecent(manifest, rewritingAll: rewritingAll)
    try session.delete(AssociatedData.manifestObjectID, field: FieldTag.manifest.rawValue)
    let envelope = cipher.seal(
      manifest.root.serialized(), field: .manifest, objectID: AssociatedData.manifestObjectID,
      revision: manifest.epoch, key: key)
    try session.put(
      AssociatedData.manifestObjectID, field: FieldTag.manifest.rawValue,
      revision: manifest.epoch, envelope: envelope)
  }
}

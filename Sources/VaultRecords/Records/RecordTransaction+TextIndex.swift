/// The TEXT INDEX record (FORMAT.md §6.7): each letter's text signature, stored in up to 256
/// envelopes next to the LISTING record, so `search` decrypts only the letters whose signature
/// lets the word through (docs/PERFORMANCE.md). Like a LISTING entry, an entry is used only
/// when its META version and hash equal the manifest's: a missing, stale or damaged one makes
/// the letter be read, never skipped.
extension RecordTransaction {
  package static let textIndexLow = SignatureBucket.objectID(bucket: 0x00)
  package static let textIndexHigh = SignatureBucket.objectID(bucket: 0xFF)

  // MARK: - Writing

  /// Rewrites the buckets the transaction touched (every bucket after a re-key, from
  /// `manifest.carriedSignatures`). A letter whose META was stored keeps a signature only if
  /// it describes the head text that META names: the one just stored, or the one it had.
  /// Any letter of a rewritten bucket still without one gets it from its text.
  package func storeTextIndex(_ manifest: Manifest, rewritingAll: Bool) throws {
    let field = FieldTag.textIndex.rawValue
    if rewritingAll {
      try session.delete(field: field, from: Self.textIndexLow, through: Self.textIndexHigh)
      try deleteWordLists()
    }
    guard !manifest.listingBuckets.isEmpty else { return }
    // A text index still in format 1 (a vault from before the non-ASCII flag) is written again
    // whole by the first write, from every letter's text; one in format 2 (before the fields
    // signatures) has every bucket written again, its entries carried and each given the
    // signature of its letter's fields (FORMAT.md §6.7). The first bucket this write rewrites
    // is opened here, once, and its format tells: reading the lowest row for it as well was
    // ~0.2 ms of every write (docs/PERFORMANCE.md, round 7).
    var opened: (bucket: UInt8, old: SignatureBucket?, words: StoredWords)?
    var oldFormat = SignatureBucket.formatVersion
    // A vault written before the word lists (FORMAT.md §6.9) has none: the first write that
    // rewrites a bucket with text index entries and no word lists writes every bucket again,
    // each letter's list from its text, once.
    var wordsMissing = false
    if !rewritingAll, let first = manifest.listingBuckets.min() {
      let rows = try session.objects(SignatureBucket.objectID(bucket: first), field: field)
      let (old, words) = try openIndexBucket(first, rows: rows)
      opened = (first, old, words)
      oldFormat = (rows.isEmpty ? try firstTextIndexFormat() : old?.format) ?? SignatureBucket.formatVersion
      if let old, !old.entries.isEmpty, old.entries.allSatisfy({ $0.words == nil }) {
        wordsMissing = try hasNoWordLists()
      }
    }
    let fromText = oldFormat == 1
    if fromText {
      try session.delete(field: field, from: Self.textIndexLow, through: Self.textIndexHigh)
      try deleteWordLists()
    }
    var buckets = manifest.listingBuckets
    if oldFormat < SignatureBucket.formatVersion || wordsMissing {
      buckets.formUnion(manifest.entries.changedBuckets)
      buckets.formUnion(manifest.entries.bucketSource?.listed ?? [])
    }
    var carried: [UInt8: [SignatureEntry]] = [:]
    for entry in manifest.carriedSignatures { carried[entry.letterID[0], default: []].append(entry) }
    var stored: [UInt8: [[UInt8]]] = [:]
    for id in manifest.headHashes.keys { stored[id[0], default: []].append(id) }
    var letters: [UInt8: [Manifest.Entry]] = [:]
    // Only the buckets written: the manifest opens no other bucket (FORMAT.md §6.3).
    for bucket in buckets { letters[bucket] = Array(manifest.entries.bucket(bucket).values) }
    for bucket in buckets.sorted() {
      let objectID = SignatureBucket.objectID(bucket: bucket)
      var previous = carried[bucket] ?? []
      var storedWords = StoredWords()
      // A damaged old bucket is simply replaced: its letters are read until they are written.
      if !rewritingAll && !fromText {
        let old: (index: SignatureBucket?, words: StoredWords)
        if let opened, opened.bucket == bucket {
          old = (opened.old, opened.words)
        } else {
          old = try openIndexBucket(bucket, rows: try session.objects(objectID, field: field))
        }
        if let index = old.index { previous = index.entries }
        storedWords = old.words
      }
      var byID: [[UInt8]: SignatureEntry] = [:]
      for entry in previous { byID[entry.letterID] = entry }
      for id in stored[bucket] ?? [] {
        byID[id] = manifest.entries[id].flatMap { current in
          currentSignature(id, kept: byID[id], manifest: manifest).map {
            SignatureEntry(
              letterID: id, metaVersion: current.metaVersion, metaHash: current.metaHash,
              bodyHash: manifest.headHashes[id] ?? [], signature: $0.signature,
              fields: manifest.listingChanges[id].map { Self.fieldsSignature($0.summary) }, words: $0.words)
          }
        }
      }
      // The LISTING row of this bucket (written just before, FORMAT.md §6.6), opened only
      // when a kept entry has no fields signature yet (an older format, a re-key's carried
      // entry): the fields of each letter whose listing entry is current.
      var listed: [[UInt8]: ListingEntry]?
      var entries: [SignatureEntry] = []
      for current in letters[bucket] ?? [] {
        if var entry = byID[current.letterID], entry.metaVersion == current.metaVersion,
          entry.metaHash == current.metaHash, entry.signature.nonASCII != nil, entry.words != nil
        {
          if entry.fields == nil {
            if listed == nil { listed = currentListing(bucket) }
            entry.fields = fieldsSignature(current, listed: listed ?? [:])
          }
          entries.append(entry)
        } else if let entry = signatureFromText(current) {
          // No current entry (a file from before the text index, a damaged or lost row, an
          // entry of format 1 without the non-ASCII flag, one without its word list): taken
          // from the text itself, so every bucket written is complete.
          entries.append(entry)
        }
      }
      entries.sort { $0.letterID.lexicographicallyPrecedes($1.letterID) }
      try replaceBucketRow(
        objectID, field: .textIndex, key: .textIndex, epoch: manifest.epoch,
        with: entries.isEmpty ? nil : SignatureBucket(bucket: bucket, entries: entries).serialized())
      try storeWords(bucket, entries: entries, stored: storedWords, epoch: manifest.epoch)
    }
  }

  /// The signature of a summary's recipient, subject and tags (FORMAT.md §6.7, format 3).
  static func fieldsSignature(_ summary: ListingSummary) -> TextSignature {
    TextSignature(fields: [summary.recipient, summary.subject] + summary.tags)
  }

  /// The fields signature of a letter from its current LISTING entry, else from its META
  /// (read with the usual checks); nil when neither is at hand (written as rules-nothing-out).
  private func fieldsSignature(_ current: Manifest.Entry, listed: [[UInt8]: ListingEntry]) -> TextSignature? {
    if let entry = listed[current.letterID], entry.metaVersion == current.metaVersion,
      entry.metaHash == current.metaHash
    {
      return Self.fieldsSignature(entry.summary)
    }
    guard let (_, meta) = try? metaFromIndex(current, depth: .summary) else { return nil }
    return Self.fieldsSignature(ListingSummary(meta: meta))
  }

  /// The entries of `bucket`'s LISTING row by letter id; empty when it has none that opens.
  private func currentListing(_ bucket: UInt8) -> [[UInt8]: ListingEntry] {
    guard
      let rows = try? session.objects(ListingBucket.objectID(bucket: bucket), field: FieldTag.listing.rawValue),
      rows.count == 1, let parsed = try? checkListingRow(rows[0], bucket: bucket)
    else { return [:] }
    var byID: [[UInt8]: ListingEntry] = [:]
    for entry in parsed.entries { byID[entry.letterID] = entry }
    return byID
  }

  /// The signature and word list of the head text `manifest.headHashes[id]` names: those
  /// stored in this transaction, else those kept, if of that very envelope; else none.
  private func currentSignature(_ id: [UInt8], kept: SignatureEntry?, manifest: Manifest)
    -> (signature: TextSignature, words: WordList?)?
  {
    guard let head = manifest.headHashes[id], !head.isEmpty else { return nil }
    if let fresh = manifest.newSignatures[id], fresh.bodyHash == head { return (fresh.signature, fresh.words) }
    if let kept, kept.bodyHash == head, kept.signature.nonASCII != nil { return (kept.signature, kept.words) }
    return nil
  }

  /// The format of the text index's first row: a vault written before format 2 has every row
  /// in format 1, one written before format 3 every row in format 1 or 2 (FORMAT.md §6.7).
  /// One row is opened; none, or one that does not open or parse, says nothing (it is
  /// replaced when its bucket is written). Asked only when the first bucket a write rewrites
  /// has no row yet.
  private func firstTextIndexFormat() throws -> UInt8? {
    guard
      let row = try session.firstObject(
        field: FieldTag.textIndex.rawValue, from: Self.textIndexLow, through: Self.textIndexHigh),
      let bucket = SignatureBucket.bucket(objectID: row.objectID),
      let parsed = try? checkTextIndexRow(row, bucket: bucket)
    else { return nil }
    return parsed.format
  }

  /// A letter's entry from its head text, read and checked as always (META against the
  /// manifest entry, the text against META); nil when either is damaged or missing.
  private func signatureFromText(_ current: Manifest.Entry) -> SignatureEntry? {
    guard let (id, meta) = try? metaFromIndex(current, depth: .full),
      let head = meta.revisions.last,
      var text = try? loadBody(id, meta: meta, revision: head)
    else { return nil }
    defer { wipe(&text) }
    return SignatureEntry(
      letterID: current.letterID, metaVersion: current.metaVersion, metaHash: current.metaHash,
      bodyHash: head.envelopeHash, signature: TextSignature(text: text),
      fields: Self.fieldsSignature(ListingSummary(meta: meta)), words: WordList(text: text))
  }

  /// Every entry of every text index row that opens, with its word list (FORMAT.md §6.9),
  /// for a re-key to carry over (Vault+Burn).
  package func loadTextIndex() throws -> [SignatureEntry] {
    var entries: [SignatureEntry] = []
    for bucket in UInt8.min...UInt8.max {
      let rows = try session.objects(SignatureBucket.objectID(bucket: bucket), field: FieldTag.textIndex.rawValue)
      if let found = try openIndexBucket(bucket, rows: rows).index { entries += found.entries }
    }
    return entries
  }

  // MARK: - Reading

  /// Opens and parses one TEXT INDEX row; any failure is `Malformed` (for `verify`).
  package func checkTextIndexRow(_ row: StoredObject, bucket: UInt8) throws -> SignatureBucket {
    var plaintext = try row.envelope.withUnsafeBytes { raw in
      try cipher.open(raw, field: .textIndex, objectID: row.objectID, revision: row.revision, key: .textIndex)
    }
    defer { wipe(&plaintext) }
    return try SignatureBucket(parsing: plaintext, bucket: bucket)
  }
}

import VaultRecords
/// The full check behind `letters verify` (FORMAT.md §10.7), like `restic check --read-data`:
/// every record is decrypted and every hash chain followed.
struct VaultVerifier {
  let tx: RecordTransaction
  var progress: ProgressHandler? = nil
  var phase: VaultProgress.Phase = .verifying

  /// Opens and parses one LISTING, TEXT INDEX or WORDS row (a row under another object id is
  /// damage); gives a WORDS row's entries.
  private func checkBucketRow(_ row: StoredObject) throws -> [WordsEntry] {
    if row.field == FieldTag.words.rawValue {
      guard let place = WordsBucket.place(objectID: row.objectID) else {
        throw ByteReader.Malformed(reason: "not a word list row")
      }
      return try tx.checkWordsRow(row, bucket: place.bucket, quarter: place.quarter).entries
    } else if row.field == FieldTag.listing.rawValue {
      guard let bucket = ListingBucket.bucket(objectID: row.objectID) else {
        throw ByteReader.Malformed(reason: "not a listing row")
      }
      _ = try tx.checkListingRow(row, bucket: bucket)
    } else {
      guard let bucket = SignatureBucket.bucket(objectID: row.objectID) else {
        throw ByteReader.Malformed(reason: "not a text index row")
      }
      _ = try tx.checkTextIndexRow(row, bucket: bucket)
    }
    return []
  }

  /// A current word list (FORMAT.md §6.9) that is not the list of the head text it names:
  /// `search` would find, or miss, the letter by words it does not hold.
  private func wordsDamage(_ lists: [[UInt8]: WordsEntry], _ id: LetterID, manifest: Manifest?, head: LetterMeta.Revision?, text: [UInt8])
    -> Damage?
  {
    guard let list = lists[id.bytes], let current = manifest?.entries[id.bytes], let head,
      list.metaVersion == current.metaVersion, list.metaHash == current.metaHash, list.bodyHash == head.envelopeHash,
      list.words != WordList(text: text)
    else { return nil }
    return Damage(letterID: id.description, part: .wordList, reason: "does not match the text")
  }

  func run() throws -> [Damage] {
    var damaged: [Damage] = []
    func note(_ body: () throws -> Void) throws {
      do { try body() } catch RecordError.damaged(let found) { damaged += found }
    }
    let slots = try tx.keyslots()
    for slot in slots where (try? Keyslot(parsing: slot.blob)) == nil {
      damaged.append(Damage(letterID: nil, part: .keySlot, reason: "does not parse"))
    }
    var manifest: Manifest?
    try note { manifest = try tx.loadCompleteManifest() }
    try note {
      // FORMAT.md §6.5: a swapped capture key would hand later jots to whoever swapped it.
      if let damage = try tx.captureKeyDamage(try tx.loadSettings(manifest: manifest)) { damaged.append(damage) }
    }
    var seen = Set<[UInt8]>()
    var bodies: [[UInt8]: Set<UInt64>] = [:]
    var notes: [[UInt8]: Set<UInt64>] = [:]
    var created: [[UInt8]: Int64] = [:]
    var lists: [[UInt8]: WordsEntry] = [:]
    for row in try tx.allRows() {
      switch FieldTag(rawValue: row.field) {
      case .body: bodies[row.objectID, default: []].insert(row.revision)
      case .note: notes[row.objectID, default: []].insert(row.revision)
      case .meta, .settings, .manifest, .manifestBucket: break  // checked by loadCompleteManifest
      case .recent: break  // checked after the letters (VaultVerifier+Recent.swift)
      case .listing, .textIndex, .words:
        // FORMAT.md §6.6, §6.7, §6.9: every LISTING, TEXT INDEX and WORDS row must open and
        // parse; stale entries are allowed (readers check each against the manifest), damaged
        // rows reported.
        do { for entry in try checkBucketRow(row) { lists[entry.letterID] = entry } } catch {
          let part: Damage.Part =
            switch FieldTag(rawValue: row.field) {
            case .listing: .listing
            case .words: .wordList
            default: .textIndex
            }
          damaged.append(Damage(letterID: nil, part: part, reason: error.reason))
        }
      case nil where row.field == CaptureConstant.rowKind:
        break  // sealed captures wait for the next unlock; they are not envelopes
      case nil:
        damaged.append(Damage(letterID: nil, part: .unknownRecord(kind: row.field), reason: "unknown"))
      }
    }
    let metaRows = try tx.rows(field: FieldTag.meta.rawValue)
    var meter = ProgressMeter(progress, phase: phase, total: metaRows.count)
    for (done, row) in metaRows.enumerated() {
      meter.advance(to: done)
      guard row.objectID.count == FormatConstant.idByteCount else { continue }
      let id = LetterID(bytes: row.objectID)
      seen.insert(row.objectID)
      try note {
        let meta = try tx.openMeta(row, id: id, manifest: manifest)
        created[row.objectID] = meta.createdAt
        for revision in meta.revisions {
          try note {
            var text = try tx.loadBody(id, meta: meta, revision: revision)
            defer { wipe(&text) }
            if revision == meta.revisions.last,
              let damage = wordsDamage(lists, id, manifest: manifest, head: revision, text: text)
            {
              damaged.append(damage)
            }
          }
        }
        let known = Set(meta.revisions.map { UInt64($0.number) })
        for extra in bodies[row.objectID, default: []].subtracting(known) {
          damaged.append(
            Damage(letterID: id.description, part: .text(revision: extra), reason: "not listed in the letter's metadata"))
        }
        for number in 1...max(1, meta.noteCount) where meta.noteCount > 0 {
          try note { _ = try tx.loadNote(id, meta: meta, number: number) }
        }
      }
    }
    meter.finish()
    for id in manifest?.entries.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) ?? []
    where !seen.contains(id) {
      damaged.append(
        Damage.missingLetter(LetterID(bytes: id)))
    }
    for orphan in Set(bodies.keys).union(notes.keys).subtracting(seen)
    where orphan.count == FormatConstant.idByteCount {
      damaged.append(
        Damage(letterID: LetterID(bytes: orphan).description, part: .text(revision: nil), reason: "stored without its letter"))
    }
    // The order is checked only when every letter opened: a damaged one is named already.
    damaged += try recentDamage(manifest, created: damaged.isEmpty ? created : nil)
    return damaged
  }
}

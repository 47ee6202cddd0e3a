import VaultRecords
import Foundation

/// Letters found by `list` or `search`, and anything damaged met on the way.
///
/// A damaged letter does not hide the others: they are returned, and the damage is named.
public struct LetterListing: Sendable {
  /// Matching letters, newest first.
  public let letters: [LetterSummary]
  /// Records that could not be read.
  public let damaged: [Damage]

  /// The first (newest) `limit` letters, and all the damage; everything without a limit.
  func newest(_ limit: Int?) -> LetterListing {
    guard let limit, letters.count > limit else { return self }
    return LetterListing(letters: Array(letters.prefix(max(0, limit))), damaged: damaged)
  }
}

/// Listing and searching: one scan over the META rows (and, for search, the head bodies).
struct SearchDesk: VaultService {
  let context: VaultContext

  func list(_ filter: LetterFilter = LetterFilter(), limit: Int? = nil) throws(VaultError)
    -> LetterListing
  {
    if let listing = try listFromIndex(filter, limit: limit) { return listing }
    return try listByScanning(filter).newest(limit)
  }

  /// `list`'s letters for its lines (``ListedLetters``): the same letters as ``list(_:limit:)``.
  func listed(_ filter: LetterFilter = LetterFilter(), limit: Int? = nil) throws(VaultError) -> ListedLetters {
    if let listed = try listedFromIndex(filter, limit: limit) { return listed }
    return ListedLetters(try listByScanning(filter).newest(limit))
  }

  /// `list` from every META row, never the LISTING record (the fallback, and the reference
  /// the listing is tested against).
  func listByScanning(_ filter: LetterFilter = LetterFilter()) throws(VaultError) -> LetterListing {
    try scan(fields: [FieldTag.meta.rawValue]) { meta, summary, _ in filter.matches(summary) }
  }

  func search(_ text: String, filter: LetterFilter = LetterFilter(), limit: Int? = nil)
    throws(VaultError) -> LetterListing
  {
    try searched(text, filter: filter, limit: limit).listing
  }

  /// The letters ``search(_:filter:limit:)`` finds, for printing one line each: those the word
  /// lists answer are lent in place from the listing, with no summary built (``ListedLetters``).
  func searched(_ text: String, filter: LetterFilter = LetterFilter(), limit: Int? = nil)
    throws(VaultError) -> ListedLetters
  {
    if let found = try indexedSearch(text, filter: filter, limit: limit) { return found }
    return ListedLetters(try searchByScanning(text, filter: filter, secondConnection: true).newest(limit))
  }

  /// The text signatures first (a rare word: a few letters read); then, for a word in most
  /// letters, the word lists (FORMAT.md §6.9); nil when neither can answer, and every letter
  /// is read (docs/PERFORMANCE.md). One read transaction, one manifest.
  func indexedSearch(_ text: String, filter: LetterFilter, limit: Int?) throws(VaultError) -> ListedLetters? {
    let test = try SearchTest(text, filter)
    let probe = Self.probe(text, test)
    let words = WordList.answers(text)
    guard probe != nil || words else { return nil }
    return try records.read { tx -> ListedLetters? in
      let manifest: ManifestIndex
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
      if let probe, let found = try signatureSearch(test, probe, manifest: manifest, in: tx) {
        return ListedLetters(found.newest(limit))
      }
      return words ? try wordsSearch(test, manifest: manifest, in: tx, limit: limit) : nil
    }
  }

  /// `search` over every letter: the two halves of the key space are read at once, on two
  /// connections and both cores (Vault+Search.swift); in each, a letter's head revision arrives
  /// right after its META, and older revisions are skipped without decrypting. Without
  /// `secondConnection`, one thread walks both halves of the key space as it does when the
  /// second connection is busy (tested against `searchSerially`).
  func searchByScanning(_ text: String, filter: LetterFilter, secondConnection: Bool) throws(VaultError)
    -> LetterListing
  {
    // On both cores (Vault+Search.swift); `searchSerially` is the same test on one.
    try parallelScan(secondConnection: secondConnection, try Self.searchTest(text, filter))
  }

  /// `search` on one thread, with the serial scan: the reference the parallel one is tested
  /// against.
  func searchSerially(_ text: String, filter: LetterFilter = LetterFilter()) throws(VaultError)
    -> LetterListing
  {
    try scan(fields: [FieldTag.meta.rawValue, FieldTag.body.rawValue], try Self.searchTest(text, filter))
  }

  /// The scans' form of ``SearchTest``.
  static func searchTest(_ text: String, _ filter: LetterFilter) throws(VaultError)
    -> @Sendable (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  {
    let test = try SearchTest(text, filter)
    return { _, summary, body in try test.matches(summary, text: body) }
  }

  /// Walks every letter once. `include` gets the META, its summary, and a closure that opens
  /// the head body (only when BODY rows are part of the scan, else nil).
  func scan(
    fields: [UInt8],
    _ include: (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  ) throws(VaultError) -> LetterListing {
    try records.read { tx in
      var damaged: [Damage] = []
      var manifest: ManifestIndex?
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged(let found) {
        damaged += found
      }
      let part = try scanRange(
        in: tx, fields: fields, manifest: manifest, cipher: cipher, include)
      return try finishScan(damaged + part.damaged, [part], manifest: manifest, in: tx)
    }
  }

  /// What a walk over one range of letter ids found (`scanRange`).
  struct ScanPart {
    var found: [LetterSummary] = []
    var damaged: [Damage] = []
    /// Letters met that the manifest lists (counting is enough when nothing is missing).
    var seenCount = 0
  }

  /// Walks the letters whose ids lie in `low ..< high` (nil: open) in key order, checking and
  /// opening each with `cipher`. The one loop behind both the serial and the parallel scan.
  func scanRange(
    in tx: RecordTransaction, fields: [UInt8], from low: [UInt8]? = nil, below high: [UInt8]? = nil,
    manifest: ManifestIndex?, cipher: RecordCipher,
    _ include: (LetterMeta, LetterSummary, () throws -> [UInt8]?) throws -> Bool
  ) throws -> ScanPart {
    var part = ScanPart()
    // Room for every letter the manifest lists, so finding more never copies what was found
    // into fresh pages (docs/PERFORMANCE.md round 12); room not written is never touched.
    part.found.reserveCapacity(manifest?.count ?? 0)
    // The META of the letter being walked, waiting for its head body when searching.
    var pending: (id: LetterID, meta: LetterMeta, summary: LetterSummary)?
    let wantsBody = fields.contains(FieldTag.body.rawValue)

    func decide(_ entry: (id: LetterID, meta: LetterMeta, summary: LetterSummary), body: UnsafeRawBufferPointer?) {
      do {
        let opener: () throws -> [UInt8]? = {
          guard let body else {
            guard wantsBody else { return nil }
            throw RecordError.damaged([
              Damage(letterID: entry.id.description, part: .text(revision: UInt64(entry.meta.headRevision)), reason: "missing")
            ])
          }
          return try tx.openBody(
            envelope: body, id: entry.id, meta: entry.meta, revision: entry.meta.revisions.last!, using: cipher)
        }
        if try include(entry.meta, entry.summary, opener) { part.found.append(entry.summary) }
      } catch RecordError.damaged(let problems) {
        part.damaged += problems
      } catch {
        part.damaged.append(Damage(letterID: entry.id.description, part: .letter, reason: error.reason))
      }
    }

    // `take()` moves the waiting letter out: copying the tuple retained every array and
    // string of its META and summary, twice a letter (docs/PERFORMANCE.md).
    try tx.forEachRow(fields: fields, from: low, below: high) { objectID, field, revision, envelope in
      guard objectID.count == FormatConstant.idByteCount else { return }
      if field == FieldTag.meta.rawValue {
        if let waiting = pending.take() { decide(waiting, body: nil) }
        let id = LetterID(bytes: objectID)
        let indexEntry = manifest.map { $0.entry(for: objectID) }
        if indexEntry??.letterID != nil { part.seenCount += 1 }
        do {
          let meta = try tx.openMeta(
            envelope: envelope, version: revision, id: id, indexEntry: indexEntry,
            depth: wantsBody ? .head : .summary, using: cipher)
          let entry = (id, meta, LetterFacts.summary(id, meta))
          if wantsBody { pending = entry } else { decide(entry, body: nil) }
        } catch RecordError.damaged(let problems) {
          part.damaged += problems
        }
      } else if pending?.id.bytes == objectID, let head = pending?.meta.headRevision,
        revision == UInt64(head), let waiting = pending.take()
      {
        decide(waiting, body: envelope)
      }
    }
    if let waiting = pending.take() { decide(waiting, body: nil) }
    return part
  }

  /// The listing from the parts of a scan, in key order: letters newest first, damage as met,
  /// then any letter the manifest lists that no part met.
  func finishScan(
    _ damaged: [Damage], _ parts: consuming [ScanPart], manifest: ManifestIndex?, in tx: RecordTransaction
  ) throws -> LetterListing {
    var damaged = damaged
    let seenCount = parts.reduce(0) { $0 + $1.seenCount }
    if let manifest, seenCount != manifest.count {
      damaged += try missingLetters(manifest, in: tx)
    }
    // The first part's array has room for every letter (`scanRange`): the others join it there.
    var letters: [LetterSummary] = []
    if !parts.isEmpty { swap(&letters, &parts[0].found) }
    for part in parts.dropFirst() { letters += part.found }
    Self.sortNewestFirst(&letters)
    return LetterListing(letters: letters, damaged: damaged)
  }

  /// Newest first, ties by id descending. Sorts small keys, then moves each summary once to
  /// its place (one swap each, along the cycles of the order): sorting whole summaries
  /// (strings, arrays) cost more than the AEAD of a 10,000-letter list, and gathering them
  /// into a new array touched every byte of it again (docs/PERFORMANCE.md round 12).
  static func sortNewestFirst(_ letters: inout [LetterSummary]) {
    var order = letters.indices.map { (created: letters[$0].created, index: $0) }
    order.sort {
      $0.created != $1.created
        ? $0.created > $1.created : letters[$0.index].id > letters[$1.index].id
    }
    // Position `i` takes the letter now at `order[i].index`: follow each cycle from its start.
    var placed = [Bool](repeating: false, count: letters.count)
    for start in letters.indices where !placed[start] {
      var position = start
      while order[position].index != start {
        letters.swapAt(position, order[position].index)
        placed[position] = true
        position = order[position].index
      }
      placed[position] = true
    }
  }

  /// Manifest entries with no META row (the slow path, taken only when counts differ).
  func missingLetters(_ manifest: ManifestIndex, in tx: RecordTransaction) throws -> [Damage] {
    let present = Set(try tx.objectIDs(field: .meta, hexPrefix: ""))
    return manifest.ids.filter { !present.contains($0) }
      .sorted { $0.lexicographicallyPrecedes($1) }
      .map { Damage.missingLetter(LetterID(bytes: $0)) }
  }
}

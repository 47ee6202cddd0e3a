import VaultRecords
/// `search` through the WORDS and LISTING records (FORMAT.md §6.9, §6.6; docs/PERFORMANCE.md,
/// round 13), for a needle of ASCII letters and digits that the text signatures cannot narrow
/// (`the`, `i`): a letter's word list says exactly whether its text holds the needle, and its
/// listing entry gives its summary, so neither its META nor its text is decrypted. A letter
/// without a current word list or listing entry is read from the letter itself, every check.
extension SearchDesk {
  /// What a letter's word list says about the needle, by manifest index.
  enum WordsVerdict: UInt8 {
    /// No current list (none, stale, damaged, or not kept): read the letter.
    case unknown
    case absent
    case present
  }

  /// The search, or nil when the word lists cannot answer it: a needle with another byte, a
  /// damaged manifest, or more than an eighth of the letters to read anyway.
  func searchFromWords(_ text: String, filter: LetterFilter) throws(VaultError) -> LetterListing? {
    guard WordList.answers(text) else { return nil }
    let test = try SearchTest(text, filter)
    return try records.read { tx -> LetterListing? in
      let manifest: ManifestIndex
      do { manifest = try tx.loadManifestIndex() } catch RecordError.damaged { return nil }
      return try wordsSearch(test, manifest: manifest, in: tx, limit: nil)?.listing
    }
  }

  /// ``searchFromWords(_:filter:)`` in a read transaction that has loaded the manifest; at
  /// most the `limit` newest letters found.
  func wordsSearch(_ test: SearchTest, manifest: ManifestIndex, in tx: RecordTransaction, limit: Int?) throws
    -> ListedLetters?
  {
    let verdicts = try wordsVerdicts(test, manifest: manifest, in: tx)
    let view = try tx.listingView(manifest)
    var answered: [Int] = []
    answered.reserveCapacity(manifest.count)
    for index in 0..<manifest.count where verdicts[index] != .unknown && view.has(index) { answered.append(index) }
    // A list and listing entry stand for a META row that should be there. A letter whose row
    // is gone is lost (META holds its only key): it is read, so that it is named as the scan
    // and `list` name it (FORMAT.md §6.3), never shown. One walk of the kind index.
    let missing = try missingBehindListing(manifest, indices: answered, in: tx)
    let toRead = manifest.count - answered.count + missing.count
    if toRead == 0 { return foundNewestFirst(test, verdicts, view: view, manifest: manifest, limit: limit) }
    guard toRead <= max(64, manifest.count / 8) else { return nil }
    let found = try readLetters(test, manifest: manifest, in: tx) { index in
      let verdict = verdicts[index]
      guard verdict != .unknown, view.has(index), !missing.contains(index) else { return .whole }
      guard Self.mayBeFound(test, verdict, view: view, at: index) else { return .skip }
      guard let entry = view.summary(at: index) else { return .whole }
      let summary = LetterFacts.summary(manifest.id(at: index), entry)
      return Self.isFound(test, verdict, summary) ? .found(summary) : .skip
    }
    return ListedLetters(found.newest(limit))
  }

  /// Not in the text: found only by a recipient, subject or tag, which the listing entry's
  /// bytes rule out in place for most letters, before any summary is built.
  private static func mayBeFound(_ test: SearchTest, _ verdict: WordsVerdict, view: ListingView, at index: Int) -> Bool {
    verdict == .present || view.withFields(at: index, test.fieldsMayMatch) != false
  }

  private static func isFound(_ test: SearchTest, _ verdict: WordsVerdict, _ summary: LetterSummary) -> Bool {
    test.filter.matches(summary) && (verdict == .present || test.fieldsMatch(summary))
  }

  /// Every letter answered by its list and listing entry: the candidates are put newest first
  /// by their entries' creation times (ties: the higher id, i.e. the later manifest index)
  /// before anything else is read, and no more than `limit` are kept. A letter whose list holds
  /// the needle is found with no summary built, when there is no filter: its line is lent from
  /// the listing as `list`'s are (``ListedLetters``; docs/PERFORMANCE.md, rounds 13 and 14).
  private func foundNewestFirst(
    _ test: SearchTest, _ verdicts: [WordsVerdict], view: ListingView, manifest: ManifestIndex, limit: Int?
  ) -> ListedLetters {
    var order: [(created: Int64, index: Int)] = []
    order.reserveCapacity(manifest.count)
    var waiting = [Bool](repeating: false, count: manifest.count)
    for index in 0..<manifest.count where Self.mayBeFound(test, verdicts[index], view: view, at: index) {
      guard let key = view.orderKey(at: index) else { continue }
      order.append((key.created, index))
      waiting[index] = key.waits
    }
    order.sort { $0.created != $1.created ? $0.created > $1.created : $0.index > $1.index }
    let candidates = order.map(\.index)
    var found: [Int] = []
    for (position, index) in candidates.enumerated() {
      if let limit, found.count >= limit { break }
      if verdicts[index] == .present && test.filter.isEmpty {
        found.append(index)
        continue
      }
      view.prefetch(candidates, at: position, ids: manifest)
      guard let entry = view.summary(at: index) else { continue }
      let summary = LetterFacts.summary(manifest.id(at: index), entry)
      if Self.isFound(test, verdicts[index], summary) { found.append(index) }
    }
    let lines = ListingOrder(manifest: manifest, view: view, newestFirst: found, waiting: waiting)
    return ListedLetters(lines, indices: found, damaged: [])
  }

  /// Each manifest entry's verdict from its WORDS entry, read in place from the decrypted rows.
  /// An entry counts only when its META version and hash equal the manifest's; a bucket with
  /// two rows, or one that fails to open or parse, gives `unknown` for all its letters.
  func wordsVerdicts(_ test: SearchTest, manifest: ManifestIndex, in tx: RecordTransaction) throws
    -> [WordsVerdict]
  {
    var verdicts = [WordsVerdict](repeating: .unknown, count: manifest.count)
    var previous: [UInt8] = []
    var cursor = 0
    var filled: [Int] = []
    try tx.forEachRow(field: FieldTag.words.rawValue, from: WordsBucket.low, through: WordsBucket.high) {
      objectID, revision, envelope in
      defer { if objectID != previous { previous = objectID } }
      func forget() {
        for index in filled { verdicts[index] = .unknown }
        filled = []
      }
      // A second row for the same bucket: use neither.
      if objectID == previous { return forget() }
      filled = []
      guard let place = WordsBucket.place(objectID: objectID),
        var plaintext = try? cipher.open(envelope, field: .words, objectID: objectID, revision: revision, key: .textIndex)
      else { return }
      defer { wipe(&plaintext) }
      do {
        try readWordsBucket(plaintext, place, manifest: manifest, cursor: &cursor) { index, words in
          verdicts[index] = test.wordsHold(words) ? .present : .absent
          filled.append(index)
        }
      } catch {
        forget()
      }
    }
    return verdicts
  }

  /// Parses one bucket's structure as ``WordsBucket/init(parsing:bucket:)`` does (the lists'
  /// form is the writer's, sealed with the key) and hands over each kept list whose entry
  /// matches the manifest: its manifest index and its bytes, in place.
  private func readWordsBucket(
    _ plaintext: [UInt8], _ place: (bucket: UInt8, quarter: UInt8), manifest: ManifestIndex, cursor: inout Int,
    _ found: (Int, UnsafeRawBufferPointer) -> Void
  ) throws(ByteReader.Malformed) {
    var reader = try WordsBucket.header(plaintext, bucket: place.bucket, quarter: place.quarter)
    var previous: Range<Int>?
    for _ in 0..<(try WordsBucket.count(&reader)) {
      let (id, version, hash) = try SignatureEntry.readKeySpans(&reader)
      var words: Range<Int>?
      if let length = try WordsEntry.readLength(&reader) { words = try reader.span(length) }
      try WordsBucket.check(
        plaintext[id], bucket: place.bucket, quarter: place.quarter, after: previous.map { plaintext[$0] })
      previous = id
      guard let words else { continue }
      plaintext.withUnsafeBytes { raw in
        if let index = manifest.seek(UnsafeRawBufferPointer(rebasing: raw[id]), from: &cursor),
          manifest.entry(at: index, hasVersion: version, hash: UnsafeRawBufferPointer(rebasing: raw[hash]))
        {
          found(index, UnsafeRawBufferPointer(rebasing: raw[words]))
        }
      }
    }
    try reader.finish()
  }
}

/// The WORDS record (FORMAT.md §6.9): each letter's word list, written and carried with its
/// TEXT INDEX entry (RecordTransaction+TextIndex.swift) but stored in rows of its own, under
/// the text index's key, so a search the signatures can narrow decrypts none of it.
extension RecordTransaction {
  /// The text index bucket stored in `rows`, each entry given the word list of its
  /// WORDS entry when that entry is of the same letter, META and text; nil when the TEXT
  /// INDEX row is missing, doubled, or does not open or parse. A WORDS row that is missing,
  /// doubled or damaged leaves every list unknown (nil): those letters' lists come from their
  /// texts when the bucket is written.
  func openIndexBucket(_ bucket: UInt8, rows: [StoredObject]) throws -> SignatureBucket? {
    guard rows.count == 1, let row = rows.first, var opened = try? checkTextIndexRow(row, bucket: bucket)
    else { return nil }
    let lists = try wordsEntries(bucket)
    for index in opened.entries.indices {
      let entry = opened.entries[index]
      if let found = lists[entry.letterID], found.metaVersion == entry.metaVersion, found.metaHash == entry.metaHash,
        found.bodyHash == entry.bodyHash
      {
        opened.entries[index].words = found.words
      }
    }
    return opened
  }

  /// The WORDS entries of `bucket` by letter id; empty when it has no single row that opens.
  private func wordsEntries(_ bucket: UInt8) throws -> [[UInt8]: WordsEntry] {
    let rows = try session.objects(WordsBucket.objectID(bucket: bucket), field: FieldTag.words.rawValue)
    guard rows.count == 1, let parsed = try? checkWordsRow(rows[0], bucket: bucket) else { return [:] }
    var byID: [[UInt8]: WordsEntry] = [:]
    for entry in parsed.entries { byID[entry.letterID] = entry }
    return byID
  }

  /// Whether the file has no WORDS row at all: a vault written before them (FORMAT.md §6.9).
  func hasNoWordLists() throws -> Bool {
    try !session.hasRow(field: FieldTag.words.rawValue, from: WordsBucket.low, through: WordsBucket.high)
  }

  /// Deletes every WORDS row (a re-key, or a text index written again from the texts).
  func deleteWordLists() throws {
    try session.delete(field: FieldTag.words.rawValue, from: WordsBucket.low, through: WordsBucket.high)
  }

  /// Writes the WORDS row of `bucket` from its text index entries (none: the row goes).
  func storeWords(_ bucket: UInt8, entries: [SignatureEntry], epoch: UInt64) throws {
    let lists = entries.compactMap(\.wordsEntry)
    try replaceBucketRow(
      WordsBucket.objectID(bucket: bucket), field: .words, key: .textIndex, epoch: epoch,
      with: lists.isEmpty ? nil : WordsBucket(bucket: bucket, entries: lists).serialized())
  }

  /// Opens and parses one WORDS row; any failure is `Malformed` (for `verify`).
  package func checkWordsRow(_ row: StoredObject, bucket: UInt8) throws -> WordsBucket {
    var plaintext = try row.envelope.withUnsafeBytes { raw in
      try cipher.open(raw, field: .words, objectID: row.objectID, revision: row.revision, key: .textIndex)
    }
    defer { wipe(&plaintext) }
    return try WordsBucket(parsing: plaintext, bucket: bucket)
  }
}

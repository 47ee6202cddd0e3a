/// The WORDS record (FORMAT.md §6.9): each letter's word list, written and carried with its
/// TEXT INDEX entry (RecordTransaction+TextIndex.swift) but stored in rows of their own, four
/// to a bucket, under the text index's key, so a search the signatures can narrow decrypts
/// none of it and a write re-seals only the quarters it changes.
extension RecordTransaction {
  /// The WORDS rows of one bucket as they were read: each quarter that has exactly one row
  /// that opens and parses. A write leaves such a row as it is when its entries do not change.
  struct StoredWords {
    var quarters: [UInt8: WordsBucket] = [:]
  }

  /// The text index bucket stored in `rows`, each entry given the word list of its WORDS
  /// entry when that entry is of the same letter, META and text, and the bucket's WORDS rows;
  /// a nil bucket when the TEXT INDEX row is missing, doubled, or does not open or parse. A
  /// quarter whose WORDS row is missing, doubled or damaged leaves its lists unknown (nil):
  /// those letters' lists come from their texts when the bucket is written.
  func openIndexBucket(_ bucket: UInt8, rows: [StoredObject]) throws -> (index: SignatureBucket?, words: StoredWords) {
    let words = try storedWords(bucket)
    guard rows.count == 1, let row = rows.first, var opened = try? checkTextIndexRow(row, bucket: bucket)
    else { return (nil, words) }
    var lists: [[UInt8]: WordsEntry] = [:]
    for quarter in words.quarters.values {
      for entry in quarter.entries { lists[entry.letterID] = entry }
    }
    for index in opened.entries.indices {
      let entry = opened.entries[index]
      if let found = lists[entry.letterID], found.metaVersion == entry.metaVersion, found.metaHash == entry.metaHash,
        found.bodyHash == entry.bodyHash
      {
        opened.entries[index].words = found.words
      }
    }
    return (opened, words)
  }

  /// The WORDS rows of `bucket`, one range read.
  private func storedWords(_ bucket: UInt8) throws -> StoredWords {
    let rows = try session.objects(
      field: FieldTag.words.rawValue, from: WordsBucket.objectID(bucket: bucket, quarter: 0),
      through: WordsBucket.objectID(bucket: bucket, quarter: 3))
    var stored = StoredWords()
    for quarter in WordsBucket.quarters {
      let objectID = WordsBucket.objectID(bucket: bucket, quarter: quarter)
      let mine = rows.filter { $0.objectID == objectID }
      if mine.count == 1, let parsed = try? checkWordsRow(mine[0], bucket: bucket, quarter: quarter) {
        stored.quarters[quarter] = parsed
      }
    }
    return stored
  }

  /// Whether the file has no WORDS row at all: a vault written before them (FORMAT.md §6.9).
  func hasNoWordLists() throws -> Bool {
    try !session.hasRow(field: FieldTag.words.rawValue, from: WordsBucket.low, through: WordsBucket.high)
  }

  /// Deletes every WORDS row (a re-key, or a text index written again from the texts).
  func deleteWordLists() throws {
    try session.delete(field: FieldTag.words.rawValue, from: WordsBucket.low, through: WordsBucket.high)
  }

  /// Writes the WORDS rows of `bucket` from its text index entries, quarter by quarter: a
  /// quarter with no entries has no row, and one whose entries equal its stored row's (and
  /// whose row was the only one there) is not written again.
  func storeWords(_ bucket: UInt8, entries: [SignatureEntry], stored: StoredWords, epoch: UInt64) throws {
    var lists: [UInt8: [WordsEntry]] = [:]
    for entry in entries {
      if let list = entry.wordsEntry { lists[WordsBucket.quarter(of: entry.letterID), default: []].append(list) }
    }
    for quarter in WordsBucket.quarters {
      let row = WordsBucket(bucket: bucket, quarter: quarter, entries: lists[quarter] ?? [])
      if let old = stored.quarters[quarter], old == row { continue }
      try replaceBucketRow(
        WordsBucket.objectID(bucket: bucket, quarter: quarter), field: .words, key: .textIndex, epoch: epoch,
        with: row.entries.isEmpty ? nil : row.serialized())
    }
  }

  /// Opens and parses one WORDS row; any failure is `Malformed` (for `verify`).
  package func checkWordsRow(_ row: StoredObject, bucket: UInt8, quarter: UInt8) throws -> WordsBucket {
    var plaintext = try row.envelope.withUnsafeBytes { raw in
      try cipher.open(raw, field: .words, objectID: row.objectID, revision: row.revision, key: .textIndex)
    }
    defer { wipe(&plaintext) }
    return try WordsBucket(parsing: plaintext, bucket: bucket, quarter: quarter)
  }
}

import Foundation
/// One function per parser. Each must never crash on any input, and anything that parses
/// must serialise back to the identical bytes (age's FuzzMalleability): a record has exactly
/// one encoding, so nobody can change stored bytes without changing what they mean.
enum FuzzTargets {
  /// FORMAT.md §4.2. Parsing is pure byte checks: no KDF can start for a malformed slot.
  static func keyslot(_ bytes: [UInt8]) {
    guard let slot = try? Keyslot(parsing: bytes) else { return }
    precondition(slot.bytes == bytes, "keyslot re-serialises differently")
    precondition(slot.header == Array(bytes[0..<56]))
  }

  /// FORMAT.md §5.1 and §5.3: the envelope frame for every field, and the padding scan.
  static func envelope(_ bytes: [UInt8]) {
    for field in FieldTag.allCases {
      guard let envelope = try? Envelope(parsing: bytes, expecting: field) else { continue }
      precondition(envelope.bytes == bytes)
      precondition(Array(envelope.headerBytes) == Envelope.header(for: field))
      precondition(envelope.nonce.count == FormatConstant.nonceByteCount)
      precondition(
        Envelope(field: field, nonce: Array(envelope.nonce), sealed: Array(envelope.sealed)).bytes
          == bytes)
    }
    if let length = bytes.withUnsafeBytes({ Padding.unpaddedLength($0) }) {
      precondition(length < bytes.count && bytes[length] == 0x80)
      let padded = Padding.pad(Array(bytes[..<length]), minimum: 1)
      precondition(padded.count >= length + 1)
    }
  }

  /// FORMAT.md §6.1, fed directly (bypassing the AEAD).
  static func meta(_ bytes: [UInt8]) {
    guard let meta = try? LetterMeta(parsing: bytes) else { return }
    precondition(meta.serialized() == bytes, "META re-serialises differently")
    precondition(!meta.revisions.isEmpty && meta.tags.count <= FormatConstant.maximumTagCount)
  }

  /// FORMAT.md §6.3, format 1 (still read, to upgrade): entries must be in ascending id
  /// order, so the encoding is unique; the lookup view accepts exactly the same bytes.
  static func manifest(_ bytes: [UInt8]) {
    let index = try? ManifestIndex(parsing: bytes)
    guard let manifest = try? Manifest(parsingFormat1: bytes) else {
      precondition(index == nil, "ManifestIndex accepts what the MANIFEST parser refuses")
      return
    }
    precondition(manifest.serializedFormat1() == bytes, "MANIFEST re-serialises differently")
    precondition(index?.count == manifest.entries.count, "ManifestIndex disagrees")
  }

  /// FORMAT.md §6.3, formats 2 and 3: the root, fed directly (bypassing the AEAD); one
  /// encoding, at most 256 buckets.
  static func manifestroot(_ bytes: [UInt8]) {
    guard let root = try? ManifestRoot(parsing: bytes) else { return }
    precondition(root.serialized() == bytes, "MANIFEST root re-serialises differently")
    precondition(root.bucketHashes.count <= 256 && root.bucketHashes.values.allSatisfy { $0.count == 32 })
  }

  /// FORMAT.md §6.3, a manifest bucket, fed as `listing`: the first byte is the bucket the
  /// row is read for; a parsed bucket has one encoding, at least one entry, all its own.
  static func manifestbucket(_ bytes: [UInt8]) {
    guard let bucket = bytes.first else { return }
    let plaintext = Array(bytes.dropFirst())
    guard let parsed = try? ManifestBucket(parsing: plaintext, bucket: bucket) else {
      precondition((try? ManifestBucket.entryBytes(plaintext, bucket: bucket)) == nil)
      return
    }
    precondition(parsed.serialized() == plaintext, "manifest bucket re-serialises differently")
    precondition(!parsed.entries.isEmpty && parsed.entries.allSatisfy { $0.letterID.first == bucket })
    let range = try? ManifestBucket.entryBytes(plaintext, bucket: bucket)
    precondition(range?.count == parsed.entries.count * ManifestIndex.entrySize)
  }

  /// FORMAT.md §6.6, fed directly (bypassing the AEAD). The first byte is the bucket the row
  /// is read for; a parsed bucket must have exactly one encoding. The same bytes are read as
  /// the RECENT record (§6.8), which holds the same entries: one encoding, newest first.
  static func listing(_ bytes: [UInt8]) {
    guard let bucket = bytes.first else { return }
    let plaintext = Array(bytes.dropFirst())
    if let recent = try? RecentListing(parsing: plaintext) {
      precondition(recent.serialized() == plaintext, "RECENT re-serialises differently")
      precondition(recent.entries.count <= RecentListing.capacity)
      precondition(zip(recent.entries, recent.entries.dropFirst()).allSatisfy { RecentListing.precedes($0, $1) })
    }
    guard let parsed = try? ListingBucket(parsing: plaintext, bucket: bucket) else { return }
    precondition(parsed.serialized() == plaintext, "LISTING re-serialises differently")
    precondition(parsed.entries.allSatisfy { $0.letterID.first == bucket })
  }

  /// FORMAT.md §6.7, fed directly (bypassing the AEAD), as `listing`: the first byte is the
  /// bucket; a parsed bucket has exactly one encoding and only filters of an allowed size.
  static func textindex(_ bytes: [UInt8]) {
    guard let bucket = bytes.first else { return }
    let plaintext = Array(bytes.dropFirst())
    words(bucket, plaintext)
    guard let parsed = try? SignatureBucket(parsing: plaintext, bucket: bucket) else { return }
    precondition(parsed.serialized() == plaintext, "TEXT INDEX re-serialises differently")
    precondition(parsed.entries.allSatisfy { $0.letterID.first == bucket })
    precondition(parsed.entries.allSatisfy { TextSignature.isValid(log2Bits: $0.signature.bits.count.trailingZeroBitCount + 3) })
    // A fields signature exactly in format 3, of at most 4,096 bits.
    precondition(parsed.entries.allSatisfy { ($0.fields != nil) == (parsed.format >= 3) })
    precondition(parsed.entries.allSatisfy { $0.fields.map { $0.bits.count >= 8 && $0.bits.count <= 512 } ?? true })
  }

  /// FORMAT.md §6.9, fed the same bytes as `textindex` (one target for the text index's two
  /// records): a parsed WORDS bucket has exactly one encoding, and every list is in the form
  /// a writer gives it and within its limit.
  static func words(_ bucket: UInt8, _ plaintext: [UInt8]) {
    // The quarter the row claims, when it is one (the parse checks it and every id against it).
    let quarter = plaintext.count > 2 ? plaintext[2] & 3 : 0
    guard let parsed = try? WordsBucket(parsing: plaintext, bucket: bucket, quarter: quarter) else { return }
    precondition(parsed.serialized() == plaintext, "WORDS re-serialises differently")
    precondition(parsed.entries.allSatisfy { $0.letterID.first == bucket && WordsBucket.quarter(of: $0.letterID) == quarter })
    precondition(parsed.entries.allSatisfy { ($0.words.bytes?.count ?? 0) <= WordList.maximumByteCount })
    precondition(parsed.entries.allSatisfy { $0.words.bytes.map { WordList.isCanonical($0[...]) } ?? true })
  }

  /// FORMAT.md §15.1: whatever is typed as a recovery key is refused with a reason or gives
  /// 20 key bytes that print and read back as the same bytes.
  static func recovery(_ bytes: [UInt8]) {
    guard let parsed = try? RecoveryKeyText.parse(String(decoding: bytes, as: UTF8.self)) else { return }
    precondition(parsed.key.count == RecoveryKeyText.keyByteCount)
    precondition(parsed.check.utf8.count == RecoveryKeyText.checkCharacterCount)
    let printed = RecoveryKeyText.format(key: parsed.key, checksum: [0x5A, 0xC3])
    guard let again = try? RecoveryKeyText.parse(printed) else {
      preconditionFailure("a printed recovery key does not read back")
    }
    precondition(again.key == parsed.key && again.check == RecoveryKeyText.checkCharacters([0x5A, 0xC3]))
  }

  /// FORMAT.md §6.2. Sections may be omitted (a feature added later reads its defaults), so
  /// the property is: the canonical form is a fixed point and means the same thing.
  static func settings(_ bytes: [UInt8]) {
    guard let settings = try? VaultSettings(parsing: bytes) else { return }
    let canonical = settings.serialized()
    guard let again = try? VaultSettings(parsing: canonical) else {
      preconditionFailure("SETTINGS does not parse its own serialisation")
    }
    precondition(again == settings && again.serialized() == canonical)
  }

  /// FORMAT.md §8.1: rows of `sqlite_master` as NUL-separated fields (type, name, tbl_name,
  /// sql; an empty sql is a NULL), checked against a fixed set of two tables, one optional index and one
  /// optional table. Nothing but exactly those rows (the optional ones at most once) passes, whatever their
  /// order; anything found names a row given.
  static let schemaTables = [(name: "vault", sql: "CREATE TABLE vault (id INTEGER)"), (name: "object", sql: "CREATE TABLE object (x BLOB)")]
  static let schemaIndex = (name: "object_kind", table: "object", sql: "CREATE INDEX object_kind ON object (x)")
  static let schemaOptional = [(name: "bucket", sql: "CREATE TABLE bucket (y INTEGER)")]
  static func schema(_ bytes: [UInt8]) {
    let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    var rows: [SchemaInventory.Row] = []
    var index = 0
    while index + 3 < fields.count {
      rows.append(.init(type: fields[index], name: fields[index + 1], tableName: fields[index + 2], sql: fields[index + 3].isEmpty ? nil : fields[index + 3]))
      index += 4
    }
    let expected = schemaTables.map { SchemaInventory.Row(type: "table", name: $0.name, tableName: $0.name, sql: $0.sql) }
    switch SchemaInventory.firstFinding(
      in: rows, tables: schemaTables, indexes: [schemaIndex], optionalTables: schemaOptional)
    {
    case nil:
      // Exactly our tables, and our index and optional table at most once, exactly as given.
      let index = SchemaInventory.Row(type: "index", name: schemaIndex.name, tableName: schemaIndex.table, sql: schemaIndex.sql)
      let optional = SchemaInventory.Row(
        type: "table", name: schemaOptional[0].name, tableName: schemaOptional[0].name, sql: schemaOptional[0].sql)
      let tablesOnly = rows.filter { $0 != index && $0 != optional }
      precondition(rows.filter { $0 == index }.count <= 1, "our index passed twice")
      precondition(rows.filter { $0 == optional }.count <= 1, "our optional table passed twice")
      precondition(tablesOnly.count == expected.count && expected.allSatisfy(tablesOnly.contains), "a schema passed that is not exactly ours")
    case .stranger(_, let name), .alteredTable(let name):
      precondition(rows.contains { $0.name == name } || schemaTables.contains { $0.name == name })
    }
    precondition(SchemaInventory.firstFinding(in: expected.reversed(), tables: schemaTables, indexes: [schemaIndex]) == nil)
  }

  /// The importers (text/Markdown with front matter, .eml/.mbox, jrnl and letters JSON): any
  /// bytes under any of the names give letters or a named refusal, never a crash. The first
  /// byte picks the file name, so one corpus drives every reader.
  static func importers(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let names = ["letter.txt", "letter.md", "letter.eml", "letters.mbox", "export.json"]
    let source = ImportSource(
      name: names[Int(first) % names.count], bytes: Array(bytes.dropFirst()),
      modified: Date(timeIntervalSince1970: 1_800_000_000))
    _ = try? LetterImporter(timeZone: TimeZone(identifier: "UTC")!).read([source])
  }
}

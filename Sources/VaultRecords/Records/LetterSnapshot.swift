import Foundation

/// A letter with every revision and note decrypted, as merge compares them.
package struct LetterSnapshot {
  /// A note's plaintext record (FORMAT.md §6.4): `i64 at || UTF-8 text`.
  package struct NoteRecord: Hashable, Comparable {
    package var at: Int64
    package var text: [UInt8]

    /// By date, then by text, so both copies sort their union the same way.
    package static func < (lhs: NoteRecord, rhs: NoteRecord) -> Bool {
      lhs.at != rhs.at ? lhs.at < rhs.at : lhs.text.lexicographicallyPrecedes(rhs.text)
    }
  }

  package let id: LetterID
  package let meta: LetterMeta
  /// The META version (its row's revision column).
  package let version: UInt64
  /// Plaintext of every revision, by number.
  package let texts: [UInt32: [UInt8]]
  /// Notes in stored order (number 1 first).
  package let notes: [NoteRecord]

  /// The text of the revision the letter was sent with: the revision of its last `sent`
  /// event, else its current one.
  package var sentText: [UInt8]? {
    guard meta.state == .sent else { return nil }
    let number = meta.events.last(where: { $0.kind == .sent })?.revision ?? meta.headRevision
    return texts[number] ?? texts[meta.headRevision]
  }
}

extension RecordTransaction {
  /// Decrypts one letter completely; every check of `loadBody` and the manifest applies.
  package func snapshot(_ row: StoredObject, manifest: Manifest) throws
    -> LetterSnapshot
  {
    let id = LetterID(bytes: row.objectID)
    let meta = try openMeta(row, id: id, manifest: manifest)
    var texts: [UInt32: [UInt8]] = [:]
    for revision in meta.revisions {
      texts[revision.number] = try loadBody(id, meta: meta, revision: revision)
    }
    var notes: [LetterSnapshot.NoteRecord] = []
    if meta.noteCount > 0 {
      for number in 1...meta.noteCount {
        notes.append(try loadNoteRecord(id, meta: meta, number: number))
      }
    }
    return LetterSnapshot(id: id, meta: meta, version: row.revision, texts: texts, notes: notes)
  }

  /// Every letter of the vault, in id order.
  package func snapshots() throws -> [LetterSnapshot] {
    let manifest = try loadManifest()
    return try session.objects(field: FieldTag.meta.rawValue)
      .filter { $0.objectID.count == FormatConstant.idByteCount }
      .sorted { $0.objectID.lexicographicallyPrecedes($1.objectID) }
      .map { try snapshot($0, manifest: manifest) }
  }

  /// A note's record with its stored millisecond date (`loadNote` returns a `Date`, which
  /// would not round-trip exactly). The same checks as `loadNote`.
  package func loadNoteRecord(_ id: LetterID, meta: LetterMeta, number: UInt32)
    throws -> LetterSnapshot.NoteRecord
  {
    guard
      let envelope = try session.object(
        id.bytes, field: FieldTag.note.rawValue, revision: UInt64(number))
    else {
      throw RecordError.damaged([
        Damage(letterID: id.description, part: .note(number: UInt64(number)), reason: "missing")
      ])
    }
    return try envelope.withUnsafeBytes { raw in try openNoteRecord(envelope: raw, id: id, meta: meta, number: number) }
  }

  /// Opens a NOTE envelope in place: the checks of `loadNoteRecord`, for a row already read.
  package func openNoteRecord(
    envelope: UnsafeRawBufferPointer, id: LetterID, meta: LetterMeta, number: UInt32
  ) throws -> LetterSnapshot.NoteRecord {
    do {
      let plaintext = try cipher.open(
        envelope, field: .note, objectID: id.bytes, revision: UInt64(number),
        key: .note(number: number, letterKey: meta.letterKey))
      var reader = ByteReader(plaintext)
      let at = try reader.i64()
      let text = try reader.raw(reader.remaining)
      guard String(validating: text, as: UTF8.self) != nil else {
        throw ByteReader.Malformed(reason: "note is not UTF-8")
      }
      return LetterSnapshot.NoteRecord(at: at, text: text)
    } catch {
      throw RecordError.damaged([
        Damage(letterID: id.description, part: .note(number: UInt64(number)), reason: error.reason)
      ])
    }
  }

  /// Stores notes 1…n of a letter, replacing any it had (merge renumbers them by date).
  package func storeNotes(
    _ notes: [LetterSnapshot.NoteRecord], for id: LetterID, letterKey: [UInt8]
  ) throws {
    try session.delete(id.bytes, field: FieldTag.note.rawValue)
    for (index, note) in notes.enumerated() {
      let number = UInt32(index + 1)
      var plaintext = ByteWriter(capacity: note.text.count + 8)
      plaintext.i64(note.at)
      plaintext.raw(note.text)
      let envelope = cipher.seal(
        plaintext.bytes, field: .note, objectID: id.bytes, revision: UInt64(number),
        key: RecordCipher.noteKey(number: number, letterKey: SecretBytes(copying: letterKey)))
      try session.put(
        id.bytes, field: FieldTag.note.rawValue, revision: UInt64(number), envelope: envelope)
    }
  }
}

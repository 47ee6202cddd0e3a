import VaultRecords
import Foundation

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
  /// The new letters, in the order given.
  public let imported: [LetterID]
  /// How many were already in the vault (or repeated in the input) and were left alone.
  public let alreadyPresent: Int
  /// How many were burned in this vault and so were left out: a burn is not undone by
  /// importing an old copy.
  public let burned: Int
}

/// Bringing letters in with their original dates and state (FORMAT.md §19
/// "Import"). All letters are written in one transaction: a failure leaves the vault as it was.
///
/// Identity, so re-importing adds no duplicates: a letter from a letters export keeps its id;
/// any other letter gets the id `BLAKE2b-128(key: import key, "LVimport" || recipient ||
/// subject || created || text)`, where the import key is 32 random bytes kept in SETTINGS
/// (section 12) and `created` is left out when the file did not state a date. An id that is
/// already present means "already here".
extension ExchangeDesk {
  func importLetters(_ letters: [ImportedLetter], progress: ProgressHandler? = nil)
    throws(VaultError) -> ImportSummary
  {
    for letter in letters {
      _ = try Validation.fields(recipient: letter.recipient, subject: letter.subject, tags: letter.tags)
      try Validation.body(Array(letter.body.utf8))
    }
    // A read first, so an import of letters that are all here already writes nothing.
    let anyNew = try records.read { tx in
      let manifest = try tx.loadManifest()
      let settings = try tx.loadSettings(manifest: manifest)
      return try letters.contains { letter in
        guard let id = Self.importID(letter, key: settings.importKey) else { return true }
        if settings.burnedIDs.contains(id.bytes) { return false }
        return !(try exists(id, in: tx, manifest: manifest))
      }
    }
    guard anyNew else { return try summaryOfNothingNew(letters) }
    return try mutate { tx, manifest in
      var settings = try tx.loadSettings(manifest: manifest)
      if settings.importKey == nil {
        settings.importKey = random.bytes(FormatConstant.keyByteCount)
        try tx.saveSettings(settings, manifest: &manifest)
      }
      var imported: [LetterID] = []
      var already = 0
      var burned = 0
      var meter = ProgressMeter(progress, phase: .importing, total: letters.count)
      for (done, letter) in letters.enumerated() {
        meter.advance(to: done)
        let id = Self.importID(letter, key: settings.importKey)!
        if settings.burnedIDs.contains(id.bytes) {
          burned += 1
          continue
        }
        if try exists(id, in: tx, manifest: manifest) {
          already += 1
          continue
        }
        try store(letter, as: id, in: tx, manifest: &manifest)
        imported.append(id)
      }
      meter.finish()
      return ImportSummary(imported: imported, alreadyPresent: already, burned: burned)
    }
  }

  /// Counts for an import that brings nothing new (nothing is written).
  private func summaryOfNothingNew(_ letters: [ImportedLetter]) throws(VaultError) -> ImportSummary {
    let settings = try records.read { tx in
      try tx.loadSettings(manifest: try tx.loadManifest())
    }
    let burned = letters.filter { letter in
      Self.importID(letter, key: settings.importKey).map { settings.burnedIDs.contains($0.bytes) } ?? false
    }.count
    return ImportSummary(imported: [], alreadyPresent: letters.count - burned, burned: burned)
  }

  private func exists(_ id: LetterID, in tx: RecordTransaction, manifest: Manifest) throws -> Bool {
    if manifest.entries[id.bytes] != nil { return true }
    return !(try tx.rows(id.bytes, field: .meta)).isEmpty
  }

  /// The letter's id: its export id, else the keyed hash; nil when no import key exists yet
  /// (then no imported letter can be present).
  static func importID(_ letter: ImportedLetter, key: [UInt8]?) -> LetterID? {
    if let id = letter.sourceID { return id }
    guard let key else { return nil }
    var writer = ByteWriter(capacity: letter.body.utf8.count + 64)
    writer.raw(Array("LVimport".utf8))
    writer.text(letter.recipient)
    writer.text(letter.subject)
    writer.i64(letter.datedBySource ? letter.created.storedMilliseconds : -1)
    writer.raw(Array(letter.body.utf8))
    let hash = Hash.blake2b(writer.bytes, key: SecretBytes(copying: key), length: FormatConstant.idByteCount)
    return LetterID(bytes: hash)
  }

  private func store(
    _ letter: ImportedLetter, as id: LetterID, in tx: RecordTransaction, manifest: inout Manifest
  ) throws {
    let letterKey = SecretBytes.random(count: FormatConstant.keyByteCount, from: random)
    let created = letter.created.storedMilliseconds
    let noteTimes = letter.notes.map(\.date.storedMilliseconds)
    let updated = ([letter.updated.storedMilliseconds, created] + noteTimes).max()!
    let lastEdit = Swift.min(letter.lastEdited?.storedMilliseconds ?? updated, updated)
    let hash = try tx.storeBody(
      Array(letter.body.utf8), id: id, revision: 1, letterKey: letterKey, manifest: &manifest)
    var meta = LetterMeta(
      state: letter.state, letterKey: letterKey.withUnsafeBytes { Array($0) }, now: created,
      recipient: letter.recipient, subject: letter.subject, tags: letter.tags)
    meta.updatedAt = updated
    meta.lastEditAt = Swift.max(lastEdit, created)
    meta.reviewOn = letter.reviewOn?.storedMilliseconds ?? 0
    meta.revisions = [.init(number: 1, savedAt: meta.lastEditAt, envelopeHash: hash)]
    var events: [LetterMeta.Event] = [.init(at: created, kind: .created, revision: 1, detail: "imported")]
    switch letter.state {
    case .draft: break
    case .held:
      meta.heldAt = updated
      events.append(.init(at: updated, kind: .held, revision: 1, detail: "imported"))
    case .sent:
      meta.sentAt = letter.sentAt?.storedMilliseconds ?? updated
      // Recorded as imported whatever the source says: this vault delivered nothing.
      meta.sentHow = SendMethod.imported.rawValue
      events.append(.init(at: meta.sentAt, kind: .sent, revision: 1, detail: "imported"))
    }
    for (index, note) in letter.notes.enumerated() {
      let number = UInt32(index + 1)
      var plaintext = ByteWriter(capacity: note.text.utf8.count + 8)
      plaintext.i64(note.date.storedMilliseconds)
      plaintext.raw(Array(note.text.utf8))
      let envelope = cipher.seal(
        plaintext.bytes, field: .note, objectID: id.bytes, revision: UInt64(number),
        key: RecordCipher.noteKey(number: number, letterKey: letterKey))
      try tx.put(id.bytes, field: FieldTag.note.rawValue, revision: UInt64(number), envelope: envelope)
      events.append(.init(at: note.date.storedMilliseconds, kind: .noted, revision: 1, detail: ""))
    }
    meta.noteCount = UInt32(letter.notes.count)
    meta.events = events.sorted { $0.at < $1.at }
    try tx.storeMeta(meta, for: id, version: 1, manifest: &manifest)
  }
}

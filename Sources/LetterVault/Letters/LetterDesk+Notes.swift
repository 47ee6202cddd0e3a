import VaultRecords
import Foundation

/// Notes are their own records (field tag NOTE, FORMAT.md §6.4), encrypted under a key
/// derived from the letter's key, so a sent letter can gain notes while its text stays frozen.
extension LetterDesk {
  func addNote(_ id: LetterID, text: String) throws(VaultError) {
    let bytes = Array(text.utf8)
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw .invalidInput(.emptyNote)
    }
    try Validation.body(bytes)
    let now = clock.now().storedMilliseconds
    try mutate { tx, manifest in
      try tx.update(id, in: &manifest) { meta, manifest in
        let number = meta.noteCount + 1
        var plaintext = ByteWriter(capacity: bytes.count + 8)
        plaintext.i64(now)
        plaintext.raw(bytes)
        let envelope = cipher.seal(
          plaintext.bytes, field: .note, objectID: id.bytes, revision: UInt64(number),
          key: RecordCipher.noteKey(number: number, letterKey: SecretBytes(copying: meta.letterKey)))
        try tx.put(id.bytes, field: FieldTag.note.rawValue, revision: UInt64(number), envelope: envelope)
        meta.noteCount = number
        meta.updatedAt = now
        meta.events.append(.init(at: now, kind: .noted, revision: meta.headRevision, detail: ""))
      }
    }
  }

  func notes(_ id: LetterID) throws(VaultError) -> [LetterNote] {
    try records.read { tx in
      let manifest = try tx.readableManifest()
      let (meta, _) = try tx.loadMeta(id, manifest: manifest)
      guard meta.noteCount > 0 else { return [] }
      return try (1...meta.noteCount).map { try tx.loadNote(id, meta: meta, number: $0) }
    }
  }
}

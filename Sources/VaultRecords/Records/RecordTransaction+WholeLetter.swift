import Foundation

/// A letter as `show` and `export` read it: META checked against its manifest entry, the head
/// text against META, and every note, all from one range query over the letter's rows.
package struct WholeLetter {
  package let id: LetterID
  package let meta: LetterMeta
  /// The head revision's text (wipe it when done).
  package var body: [UInt8]
  package let notes: [LetterNote]
}

extension RecordTransaction {
  /// A letter's META, head text and notes, read in one pass over its rows
  /// (`StorageSession.forEachLetterRow`), with exactly the checks and the order of
  /// `metaFromIndex`, `loadBody` and `loadNote`: the first failure is thrown as the
  /// `RecordError.damaged` those give (the newest META row; a missing row is "missing").
  package func wholeLetter(_ entry: Manifest.Entry) throws -> WholeLetter {
    let id = LetterID(bytes: entry.letterID)
    let metaKind = FieldTag.meta.rawValue
    let bodyKind = FieldTag.body.rawValue
    var metaRow: (revision: UInt64, envelope: [UInt8])?
    var opened: LetterMeta?
    var text: [UInt8]?
    var notes: [LetterNote] = []
    // META rows come first (kind 1), then BODY (2), then NOTE (5): each stage is settled
    // when the next kind starts, so a missing record fails where the point lookups failed.
    func settleMeta() throws -> LetterMeta {
      if let opened { return opened }
      guard let metaRow else { throw RecordError.damaged([.missingLetter(id)]) }
      let value = try metaRow.envelope.withUnsafeBytes { raw in
        try openMeta(envelope: raw, version: metaRow.revision, id: id, indexEntry: .some(entry), depth: .full)
      }
      opened = value
      return value
    }
    func missing(_ part: Damage.Part) -> RecordError {
      RecordError.damaged([Damage(letterID: id.description, part: part, reason: "missing")])
    }
    func settleBody(_ meta: LetterMeta) throws {
      if text == nil { throw missing(.text(revision: UInt64(meta.revisions.last!.number))) }
    }
    func settleNotes(_ meta: LetterMeta) throws {
      if notes.count < meta.noteCount { throw missing(.note(number: UInt64(notes.count + 1))) }
    }
    do {
      try session.forEachLetterRow(entry.letterID) { field, revision in
        switch field {
        case metaKind: return true
        case bodyKind:
          guard let current = try? settleMeta() else { return true }
          return revision == UInt64(current.revisions.last!.number)
        case FieldTag.note.rawValue:
          guard let current = opened else { return true }
          return revision >= 1 && revision <= UInt64(current.noteCount) && revision == UInt64(notes.count + 1)
        default: return false
        }
      } _: { field, revision, envelope in
        switch field {
        case metaKind: metaRow = (revision, Array(envelope))
        case bodyKind:
          let current = try settleMeta()
          text = try openBody(envelope: envelope, id: id, meta: current, revision: current.revisions.last!)
        default:
          let current = try settleMeta()
          try settleBody(current)
          let record = try openNoteRecord(envelope: envelope, id: id, meta: current, number: UInt32(revision))
          notes.append(
            LetterNote(
              number: Int(revision), date: Date(storedMilliseconds: record.at),
              text: String(decoding: record.text, as: UTF8.self)))
        }
      }
      let current = try settleMeta()
      try settleBody(current)
      try settleNotes(current)
      return WholeLetter(id: id, meta: current, body: text!, notes: notes)
    } catch {
      if var text { wipe(&text) }
      throw error
    }
  }
}

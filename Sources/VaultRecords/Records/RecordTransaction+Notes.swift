import Foundation

extension RecordTransaction {
  package func loadNote(_ id: LetterID, meta: LetterMeta, number: UInt32) throws
    -> LetterNote
  {
    let record = try loadNoteRecord(id, meta: meta, number: number)
    return LetterNote(
      number: Int(number), date: Date(storedMilliseconds: record.at),
      text: String(decoding: record.text, as: UTF8.self))
  }


  /// The capture rows: a range on the primary key (FORMAT.md §6.5 object id prefix). Every
  /// command that may write asks this on open; `WHERE kind = 6` alone read the whole file
  /// (~6 ms at 10,000 letters, docs/PERFORMANCE.md).
  package func captureRows() throws -> [StoredObject] {
    let prefix = CaptureConstant.objectIDPrefix
    let rest = FormatConstant.idByteCount - prefix.count
    return try session.objects(
      field: CaptureConstant.rowKind, from: prefix + [UInt8](repeating: 0x00, count: rest),
      through: prefix + [UInt8](repeating: 0xFF, count: rest))
  }
}

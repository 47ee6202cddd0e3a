import VaultRecords
import Foundation

/// A `.json` file: letters' own export (``ExportDocument``, every field) or jrnl's
/// `jrnl --export json` (`{"tags": {…}, "entries": [{"title", "body", "date", "time", "tags",
/// "starred"}]}`, dates in local time).
struct JSONImportReader {
  let dates: ImportDates

  private struct JrnlExport: Decodable {
    struct Entry: Decodable {
      var title: String
      var body: String
      var date: String
      var time: String
      var tags: [String]?
      var starred: Bool?
    }
    var entries: [Entry]
  }

  func read(_ bytes: [UInt8]) throws(ImportFailure) -> [ImportedLetter] {
    _ = try LetterImporter.text(bytes)
    let object: Any
    do { object = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
      throw ImportFailure("the file is not valid JSON (perhaps it was cut off)")
    }
    guard let top = object as? [String: Any] else {
      throw ImportFailure("the JSON is neither a letters export nor a jrnl export")
    }
    if top["format"] as? String == ExportDocument.formatName { return try ours(bytes) }
    if top["entries"] is [Any] { return try jrnl(bytes) }
    throw ImportFailure("the JSON is neither a letters export nor a jrnl export")
  }

  private func ours(_ bytes: [UInt8]) throws(ImportFailure) -> [ImportedLetter] {
    let document: ExportDocument
    do { document = try JSONDecoder().decode(ExportDocument.self, from: Data(bytes)) } catch {
      throw ImportFailure("the letters export is incomplete: \(Self.describe(error))")
    }
    guard document.version == ExportDocument.currentVersion else {
      throw ImportFailure("this export was written by a newer letters (export version \(document.version))")
    }
    let iso = ExportDates(timeZone: dates.timeZone)
    var letters: [ImportedLetter] = []
    for (index, entry) in document.letters.enumerated() {
      let where_ = "letter \(index + 1)"
      func date(_ text: String?, _ field: String) throws(ImportFailure) -> Date? {
        guard let text else { return nil }
        guard let date = iso.parseISO(text) else {
          throw ImportFailure("\(where_): “\(field)” is not an ISO 8601 date")
        }
        return date
      }
      guard let id = LetterID(hex: entry.id) else { throw ImportFailure("\(where_): the id is not 32 hex digits") }
      guard let state = LetterState(name: entry.state) else {
        throw ImportFailure("\(where_): “\(entry.state)” is not a state")
      }
      guard let created = try date(entry.created, "created"), let updated = try date(entry.updated, "updated")
      else { throw ImportFailure("\(where_): dates are missing") }
      var letter = ImportedLetter(
        recipient: entry.to, subject: entry.subject, tags: entry.tags, state: state, created: created,
        updated: updated, body: entry.body)
      letter.lastEdited = try date(entry.lastEdited, "lastEdited")
      letter.reviewOn = try date(entry.reviewOn, "reviewOn")
      letter.sentAt = try date(entry.sentAt, "sentAt")
      letter.deliveredByMail = entry.sentHow == "delivered"
      letter.sourceID = id
      for note in entry.notes {
        guard let noteDate = try date(note.date, "notes.date") else { continue }
        letter.notes.append(.init(date: noteDate, text: note.text))
      }
      letters.append(letter)
    }
    return letters
  }

  private func jrnl(_ bytes: [UInt8]) throws(ImportFailure) -> [ImportedLetter] {
    let export: JrnlExport
    do { export = try JSONDecoder().decode(JrnlExport.self, from: Data(bytes)) } catch {
      throw ImportFailure("the jrnl export is incomplete: \(Self.describe(error))")
    }
    var letters: [ImportedLetter] = []
    for (index, entry) in export.entries.enumerated() {
      guard let date = dates.parse(day: entry.date, time: entry.time) else {
        throw ImportFailure("entry \(index + 1): “\(entry.date) \(entry.time)” is not a date")
      }
      // jrnl splits the first sentence off as the title; the letter keeps the whole text, so
      // the title is also the text's first sentence.
      let rest = entry.body
      let body =
        rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        ? entry.title : rest.first!.isNewline ? entry.title + rest : entry.title + " " + rest
      // jrnl writes its tags as typed, "@therapy"; the tag itself is "therapy".
      var tags = (entry.tags ?? []).map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
      if entry.starred == true { tags.append("starred") }
      letters.append(ImportedLetter(subject: entry.title, tags: tags, created: date, body: body))
    }
    return letters
  }

  /// A decoding error in plain words, naming the field but never a value.
  static func describe(_ error: any Error) -> String {
    switch error as? DecodingError {
    case .keyNotFound(let key, _)?: "the field “\(key.stringValue)” is missing"
    case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
      "the field “\(context.codingPath.last?.stringValue ?? "?")” has the wrong type"
    default: "it could not be read"
    }
  }
}

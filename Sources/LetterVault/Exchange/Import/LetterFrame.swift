import VaultRecords
import Foundation

/// The one `Letters-Data:` line that opens each letter of a text or Markdown export
/// (FORMAT.md §19 "Letters-Data lines"). It holds what the readable header above the text
/// cannot say exactly — the id, the dates to the millisecond with their offset, the exact
/// recipient, subject and tags — and the length in UTF-8 bytes of the text and of each note.
/// The importer takes exactly those bytes, so no line a letter can contain (`---`, a form
/// feed, even a copy of this line) is ever read as a boundary, nothing is escaped, and a
/// text without a final newline comes back without one.
///
/// In Markdown the line is an HTML comment, so a rendered or printed page does not show it.
struct LetterFrame: Codable, Equatable {
  struct Note: Codable, Equatable {
    var date: String
    var bytes: Int
  }

  var id: String
  var to: String?
  var subject: String?
  var tags: [String]?
  var state: String
  var created: String
  var updated: String
  var lastEdited: String?
  var reviewOn: String?
  var sentAt: String?
  var sentHow: String?
  /// The text's length in UTF-8 bytes.
  var bytes: Int
  var notes: [Note]?

  enum Style {
    case text, markdown

    var prefix: String { self == .text ? "Letters-Data: " : "<!-- Letters-Data: " }
    var suffix: String { self == .text ? "" : " -->" }
    /// What stands between two letters: a new printed page, or a thematic break.
    var separator: String { self == .text ? "\u{0C}\n" : "\n---\n\n" }
  }

  /// The style whose line `line` is, if it is one.
  static func style(of line: Substring) -> Style? {
    for style in [Style.text, .markdown] where line.hasPrefix(style.prefix + "{") && line.hasSuffix("}" + style.suffix) {
      return style
    }
    return nil
  }
}

extension LetterFrame {
  /// Reads a line that ``style(of:)`` recognised.
  init(parsing line: Substring, style: Style) throws(ImportFailure) {
    let json = line.dropFirst(style.prefix.count).dropLast(style.suffix.count)
    do { self = try JSONDecoder().decode(Self.self, from: Data(json.utf8)) } catch {
      throw ImportFailure("its Letters-Data line cannot be read: \(JSONImportReader.describe(error))")
    }
    guard bytes >= 0, (notes ?? []).allSatisfy({ $0.bytes >= 0 }) else {
      throw ImportFailure("its Letters-Data line gives a negative length")
    }
  }

  /// The letter, once its text and notes have been cut out of the file.
  func letter(body: String, notes texts: [String], dates: ExportDates) throws(ImportFailure) -> ImportedLetter {
    func date(_ text: String?, _ field: String) throws(ImportFailure) -> Date? {
      guard let text else { return nil }
      guard let date = dates.parseISO(text) else { throw ImportFailure("“\(field)” is not an ISO 8601 date") }
      return date
    }
    guard let sourceID = LetterID(hex: id) else { throw ImportFailure("the id is not 32 hex digits") }
    guard let state = LetterState(name: state) else { throw ImportFailure("“\(self.state)” is not a state") }
    guard let created = try date(created, "created"), let updated = try date(updated, "updated") else {
      throw ImportFailure("dates are missing")
    }
    var letter = ImportedLetter(
      recipient: to ?? "", subject: subject ?? "", tags: tags ?? [], state: state, created: created,
      updated: updated, body: body)
    letter.lastEdited = try date(lastEdited, "lastEdited")
    letter.reviewOn = try date(reviewOn, "reviewOn")
    letter.sentAt = try date(sentAt, "sentAt")
    letter.deliveredByMail = sentHow == "delivered"
    letter.sourceID = sourceID
    for (note, text) in zip(notes ?? [], texts) {
      guard let noteDate = try date(note.date, "notes.date") else { continue }
      letter.notes.append(.init(date: noteDate, text: text))
    }
    return letter
  }
}

import VaultRecords
import Foundation

/// The `X-Letters-*` headers an `.eml` export writes so that importing it back loses nothing
/// (FORMAT.md §19 "Export files"): one `X-Letters-Tag` per tag and `X-Letters-Review-On`
/// (RFC 2047 words and ISO 8601), and one `X-Letters-Note: DATE BASE64` per note, the text
/// in base64 because a note may span lines.
enum LetterHeaders {
  static let tag = "X-Letters-Tag"
  static let reviewOn = "X-Letters-Review-On"
  static let note = "X-Letters-Note"

  static func apply(_ message: MIMEPart, to letter: inout ImportedLetter, dates: ImportDates) throws(ImportFailure) {
    let tags = message.headers.filter { $0.name == tag.lowercased() }.map { EncodedWords.decode($0.value) }
    if !tags.isEmpty { letter.tags = tags }
    if let raw = message.header(reviewOn.lowercased()) {
      guard let date = dates.parse(raw) else { throw ImportFailure("its \(reviewOn) header “\(raw)” is not a date") }
      letter.reviewOn = date
    }
    for header in message.headers where header.name == note.lowercased() {
      let fields = header.value.split(separator: " ", maxSplits: 1)
      guard fields.count == 2, let date = dates.parse(String(fields[0])),
        let text = String(validating: TransferEncoding.base64(fields[1].utf8), as: UTF8.self)
      else { throw ImportFailure("an \(note) header is not a date and base64 text") }
      letter.notes.append(.init(date: date, text: text))
    }
  }
}

import VaultRecords
import Foundation

/// The `X-Letters-*` headers of an `.eml` export that carry what a mail message has no field
/// for, so that importing the file back loses nothing (FORMAT.md §19 "Export files"); the
/// importer's `LetterHeaders` reads them. Every value is plain ASCII: tags as RFC 2047 words
/// when they are not, dates in ISO 8601 UTC, a note's text in base64 folded at 76 characters.
enum LetterHeaderWriter {
  static func headers(tags: [String], reviewOn: Date?, notes: [LetterNote]) -> [(String, String)] {
    var headers: [(String, String)] = []
    for tag in tags {
      let plain = MailEncoding.isPlainHeaderText(tag) && !tag.contains("=?") && tag.first != " " && tag.last != " "
      headers.append(("X-Letters-Tag", plain ? tag : "=?utf-8?B?\(Data(tag.utf8).base64EncodedString())?="))
    }
    let iso = ISO8601DateFormatter()
    iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let reviewOn { headers.append(("X-Letters-Review-On", iso.string(from: reviewOn))) }
    for note in notes {
      let encoded = Data(note.text.utf8).base64EncodedString()
      var chunks: [Substring] = []
      var rest = Substring(encoded)
      while !rest.isEmpty {
        chunks.append(rest.prefix(76))
        rest = rest.dropFirst(76)
      }
      headers.append(("X-Letters-Note", ([Substring(iso.string(from: note.date))] + chunks).joined(separator: "\n ")))
    }
    return headers
  }
}

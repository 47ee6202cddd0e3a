import VaultRecords
import Foundation

/// A `.txt` or `.md` letter, optionally starting with front matter:
///
/// ```
/// ---
/// to: Dr. Hale
/// subject: After Tuesday
/// date: 2026-05-03 22:14
/// state: held
/// tags: [grief, unsent]
/// ---
/// Dear Dr. Hale, …
/// ```
///
/// Only these fields are known (`title` is taken as `subject`, `created` as `date`); anything
/// else is refused rather than silently dropped. Without a date the file's modification time
/// is used. Without a state the letter is held.
struct FrontMatterReader {
  let dates: ImportDates

  func read(_ text: String, modified: Date) throws(ImportFailure) -> ImportedLetter {
    var letter = ImportedLetter(created: modified, body: text, datedBySource: false)
    let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
      String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self)
    }
    guard lines.first == "---" else { return letter }
    guard let closing = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
      throw ImportFailure("the front matter that starts on line 1 has no closing ---")
    }
    var sentAt: Date?
    for number in 1..<closing {
      let line = lines[number]
      if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else {
        throw ImportFailure("line \(number + 1): expected “name: value” in the front matter")
      }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = Self.unquote(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
      switch key {
      case "to": letter.recipient = value
      case "subject", "title": letter.subject = value
      case "date", "created":
        guard let date = dates.parse(value) else {
          throw ImportFailure("line \(number + 1): “\(value)” is not a date (use 2026-05-03 or 2026-05-03 22:14)")
        }
        letter.created = date
        letter.updated = date
        letter.datedBySource = true
      case "sent":
        guard let date = dates.parse(value) else {
          throw ImportFailure("line \(number + 1): “\(value)” is not a date (use 2026-05-03 or 2026-05-03 22:14)")
        }
        sentAt = date
      case "state":
        guard let state = LetterState(name: value) else {
          throw ImportFailure("line \(number + 1): “\(value)” is not a state (use draft, held or sent)")
        }
        letter.state = state
      case "tags":
        letter.tags = Self.list(value)
      default:
        throw ImportFailure(
          "line \(number + 1): letters does not know the field “\(key)” (it knows to, subject, date, sent, state, tags)")
      }
    }
    if letter.state == .sent {
      letter.sentAt = sentAt ?? letter.created
      letter.updated = max(letter.updated, letter.sentAt!)
    }
    // The body is everything after the closing line, less the one blank line that usually
    // separates it; the text is otherwise kept byte for byte.
    var rest = text.utf8.split(separator: 0x0A, maxSplits: closing + 1, omittingEmptySubsequences: false)
    let body = rest.count > closing + 1 ? String(decoding: rest.removeLast(), as: UTF8.self) : ""
    // "\r\n" is one Character, so one dropFirst() removes either kind of blank line.
    letter.body = body.first == "\r\n" || body.first == "\n" ? String(body.dropFirst()) : body
    return letter
  }

  static func unquote(_ value: String) -> String {
    for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
      return String(value.dropFirst().dropLast())
    }
    return value
  }

  /// `[a, b]` or `a, b`.
  static func list(_ value: String) -> [String] {
    var inner = value
    if inner.hasPrefix("["), inner.hasSuffix("]") { inner = String(inner.dropFirst().dropLast()) }
    return inner.split(separator: ",").map { unquote($0.trimmingCharacters(in: .whitespaces)) }
      .filter { !$0.isEmpty }
  }
}

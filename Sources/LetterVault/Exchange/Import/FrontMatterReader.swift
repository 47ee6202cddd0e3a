import VaultRecords
import Foundation

/// A `.txt` or `.md` letter, optionally starting with YAML front matter (FORMAT.md §19
/// "Import files"), as Obsidian, Jekyll and Hugo write it:
///
/// ```
/// ---
/// to: Dr. Hale
/// subject: After Tuesday
/// date: 2026-05-03 22:14
/// state: held
/// tags:
///   - therapy
/// aliases: [after tuesday]   # ignored, with a note
/// ---
/// Dear Dr. Hale, …
/// ```
///
/// letters reads `to`, `subject` (or `title`), `date` (or `created`), `sent`, `state` and
/// `tags` (a list, or `a, b`); any other field is left aside and named in a note. A UTF-8
/// byte-order mark before the first `---` is dropped. Without a date the file's modification
/// time is used; without a state the letter is held.
struct FrontMatterReader {
  let dates: ImportDates

  struct Reading {
    var letters: [ImportedLetter]
    /// Field names letters does not use, in file order.
    var ignored: [String]
  }

  func read(_ file: String, modified: Date) throws(ImportFailure) -> Reading {
    let text = file.hasPrefix("\u{FEFF}") ? String(file.dropFirst()) : file
    var letter = ImportedLetter(created: modified, body: text, datedBySource: false)
    let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
      String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self)
    }
    guard lines.first == "---" else { return Reading(letters: [letter], ignored: []) }
    guard let closing = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
      throw ImportFailure("the front matter that starts on line 1 has no closing ---")
    }
    let yaml = lines[1..<closing].joined(separator: "\n")
    var sentAt: Date?
    var ignored: [String] = []
    for (key, value, line) in try FrontMatterYAML.fields(yaml, lineOffset: 1) {
      func scalar() throws(ImportFailure) -> String {
        guard case .scalar(let text) = value else { throw ImportFailure("line \(line): “\(key)” should be a single value") }
        return text
      }
      func date() throws(ImportFailure) -> Date {
        let text = try scalar()
        guard let date = dates.parse(text) else {
          throw ImportFailure("line \(line): “\(text)” is not a date (use 2026-05-03 or 2026-05-03 22:14)")
        }
        return date
      }
      switch key.lowercased() {
      case "to": letter.recipient = try scalar()
      case "subject", "title": letter.subject = try scalar()
      case "date", "created":
        letter.created = try date()
        letter.updated = letter.created
        letter.datedBySource = true
      case "sent": sentAt = try date()
      case "state":
        let text = try scalar()
        guard let state = LetterState(name: text) else {
          throw ImportFailure("line \(line): “\(text)” is not a state (use draft, held or sent)")
        }
        letter.state = state
      case "tags":
        switch value {
        case .list(let items): letter.tags = items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .scalar(let text): letter.tags = Self.list(text)
        case .other: throw ImportFailure("line \(line): “tags” should be a list of words")
        }
      default: ignored.append(key)
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
    return Reading(letters: [letter], ignored: ignored)
  }

  /// `a, b` (a scalar where a list was expected).
  static func list(_ value: String) -> [String] {
    value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}

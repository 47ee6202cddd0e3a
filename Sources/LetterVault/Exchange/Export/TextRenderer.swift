import VaultRecords
/// Plain text: a short header per letter, the text exactly as written, then its notes.
/// Letters are separated by a form feed on its own line, so `lp` starts each on a new page.
/// Each letter opens with its Letters-Data line, so the file imports back as the same
/// letters (FORMAT.md §19 "Letters-Data lines").
struct TextRenderer {
  let dates: ExportDates

  /// One letter (``ExportStream`` puts the separator between letters).
  func letter(_ exported: ExportedLetter) -> String {
    let summary = exported.letter.summary
    var out = LetterFrame(exported, dates: dates).line(.text) + "\n"
    if !summary.recipient.isEmpty { out += "To: \(Self.oneLine(summary.recipient))\n" }
    if !summary.subject.isEmpty { out += "Subject: \(Self.oneLine(summary.subject))\n" }
    out += "Written: \(dates.human(summary.created))\n"
    out += "State: \(dates.stateLabel(summary))\n"
    if !summary.tags.isEmpty { out += "Tags: \(summary.tags.map(Self.oneLine).joined(separator: ", "))\n" }
    out += "\n" + Self.withNewline(exported.letter.body)
    for note in exported.notes {
      out += "\nNote, \(dates.human(note.date)):\n" + Self.withNewline(note.text)
    }
    return out
  }

  /// The header is for reading (the Letters-Data line is exact), so a line feed in a field
  /// becomes a space and the blank line after the header stays the first one. Every other
  /// byte goes to the file as it is (README "At the terminal": pipes get the bytes).
  static func oneLine(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { scalars.append(scalar == "\n" ? " " : scalar) }
    return String(scalars)
  }

  /// The text, ending in a line feed. Judged by the last byte, not `hasSuffix("\n")`: a text
  /// ending in CRLF ends in one Character "\r\n", which is not "\n", yet needs no other.
  static func withNewline(_ text: String) -> String {
    text.isEmpty || text.utf8.last == 0x0A ? text : text + "\n"
  }
}

import VaultRecords
/// Plain text: a short header per letter, the text exactly as written, then its notes.
/// Letters are separated by a form feed on its own line, so `lp` starts each on a new page.
struct TextRenderer {
  let dates: ExportDates

  func render(_ bundle: LetterBundle) -> String {
    bundle.letters.map(letter).joined(separator: "\u{0C}\n")
  }

  private func letter(_ exported: ExportedLetter) -> String {
    let summary = exported.letter.summary
    var out = ""
    if !summary.recipient.isEmpty { out += "To: \(summary.recipient)\n" }
    if !summary.subject.isEmpty { out += "Subject: \(summary.subject)\n" }
    out += "Written: \(dates.human(summary.created))\n"
    out += "State: \(dates.stateLabel(summary))\n"
    if !summary.tags.isEmpty { out += "Tags: \(summary.tags.joined(separator: ", "))\n" }
    out += "\n" + Self.withNewline(exported.letter.body)
    for note in exported.notes {
      out += "\nNote, \(dates.human(note.date)):\n" + Self.withNewline(note.text)
    }
    return out
  }

  static func withNewline(_ text: String) -> String {
    text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
  }
}

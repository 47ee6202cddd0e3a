import VaultRecords
/// Markdown: a `#` heading per letter, a small field list, the text as written, notes as a
/// `##` section; letters separated by a thematic break. Each letter opens with its
/// Letters-Data line, an HTML comment a rendered page does not show, so the file imports back
/// as the same letters (FORMAT.md §19 "Letters-Data lines").
struct MarkdownRenderer {
  let dates: ExportDates

  /// One letter (``ExportStream`` puts the separator between letters).
  func letter(_ exported: ExportedLetter) -> String {
    let summary = exported.letter.summary
    var out = LetterFrame(exported, dates: dates).line(.markdown) + "\n"
    out += "# \(Self.inline(ExportDates.title(summary)))\n\n"
    if !summary.recipient.isEmpty { out += "- **To:** \(Self.inline(summary.recipient))\n" }
    out += "- **Written:** \(dates.human(summary.created))\n"
    out += "- **State:** \(dates.stateLabel(summary))\n"
    if !summary.tags.isEmpty {
      out += "- **Tags:** \(summary.tags.map(Self.inline).joined(separator: ", "))\n"
    }
    out += "\n" + TextRenderer.withNewline(exported.letter.body)
    if !exported.notes.isEmpty {
      out += "\n## Notes\n"
      for note in exported.notes {
        out += "\n**\(dates.human(note.date))**\n\n" + TextRenderer.withNewline(note.text)
      }
    }
    return out
  }

  /// Header fields stay on one line and cannot open HTML inside a Markdown renderer.
  static func inline(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case _ where character.isNewline: out += " "
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "*", "_", "`", "[", "]", "\\": out += "\\\(character)"
      default: out.append(character)
      }
    }
    return out
  }
}

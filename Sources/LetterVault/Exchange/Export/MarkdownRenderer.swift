import VaultRecords
/// Markdown: a `#` heading per letter, a small field list, the text as written, notes as a
/// `##` section; letters separated by a thematic break. Each letter opens with its
/// Letters-Data line, an HTML comment a rendered page does not show, so the file imports back
/// as the same letters (FORMAT.md §19 "Letters-Data lines").
///
/// Written into UTF-8 bytes, as JSON is (docs/PERFORMANCE.md): building a `String` and copying
/// it out was most of the time an export spent rendering.
struct MarkdownRenderer {
  let dates: ExportDates

  /// One letter (``ExportStream`` puts the separator between letters).
  func letter(_ exported: ExportedLetter) -> String {
    var out: [UInt8] = []
    append(exported, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// ``letter(_:)`` as UTF-8 bytes, after what `out` holds.
  func append(_ exported: ExportedLetter, to out: inout [UInt8]) {
    let summary = exported.letter.summary
    LetterFrame(exported, dates: dates).append(.markdown, to: &out)
    out += "\n# ".utf8
    Self.appendInline(ExportDates.title(summary), to: &out)
    out += "\n\n".utf8
    if !summary.recipient.isEmpty {
      out += "- **To:** ".utf8
      Self.appendInline(summary.recipient, to: &out)
      out.append(0x0A)
    }
    out += "- **Written:** ".utf8
    dates.appendHuman(summary.created, to: &out)
    out += "\n- **State:** ".utf8
    out += dates.stateLabel(summary).utf8
    out.append(0x0A)
    if !summary.tags.isEmpty {
      out += "- **Tags:** ".utf8
      for (index, tag) in summary.tags.enumerated() {
        if index > 0 { out += ", ".utf8 }
        Self.appendInline(tag, to: &out)
      }
      out.append(0x0A)
    }
    out.append(0x0A)
    Self.appendWithNewline(exported.letter.body, to: &out)
    if !exported.notes.isEmpty {
      out += "\n## Notes\n".utf8
      for note in exported.notes {
        out += "\n**".utf8
        dates.appendHuman(note.date, to: &out)
        out += "**\n\n".utf8
        Self.appendWithNewline(note.text, to: &out)
      }
    }
  }

  /// `TextRenderer.withNewline` as bytes: the text, and a line feed unless its last byte is one.
  static func appendWithNewline(_ text: String, to out: inout [UInt8]) {
    out += text.utf8
    if !text.isEmpty, text.utf8.last != 0x0A { out.append(0x0A) }
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

  /// ``inline(_:)`` as bytes. ASCII text is escaped byte by byte: there every Character is one
  /// byte, except CR LF, one Character and one newline; any other text goes through
  /// ``inline(_:)`` (a `<` with a combining mark is one Character that is not `<`).
  static func appendInline(_ text: String, to out: inout [UInt8]) {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return out += inline(text).utf8 }
    var afterCR = false
    for byte in text.utf8 {
      defer { afterCR = byte == 0x0D }
      switch byte {
      case 0x0A where afterCR: continue
      case 0x0A...0x0D: out.append(0x20)
      case UInt8(ascii: "<"): out += "&lt;".utf8
      case UInt8(ascii: ">"): out += "&gt;".utf8
      case UInt8(ascii: "&"): out += "&amp;".utf8
      case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
        UInt8(ascii: "\\"):
        out += [0x5C, byte]
      default: out.append(byte)
      }
    }
  }
}

import VaultRecords
/// The Letters-Data line written without `JSONEncoder` (one per exported letter, ExportJSON.swift):
/// the bytes the encoder gives with sorted keys and no slash escapes, absent fields left out.
extension LetterFrame {
  /// The line, without its newline: sorted keys, absent fields left out, and `<`, `>` and
  /// `&` as JSON escapes so the comment cannot end early or open HTML.
  func line(_ style: Style) -> String {
    var out: [UInt8] = []
    append(style, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// ``line(_:)`` as UTF-8 bytes.
  func append(_ style: Style, to out: inout [UInt8]) {
    out += style.prefix.utf8
    var first = true
    func key(_ name: StaticString) {
      if !first { out.append(0x2C) }
      first = false
      ExportJSON.key(name, indent: nil, into: &out)
    }
    func string(_ name: StaticString, _ value: String?) {
      guard let value else { return }
      key(name)
      ExportJSON.string(value, htmlSafe: true, into: &out)
    }
    out.append(0x7B)
    key("bytes")
    ExportJSON.integer(bytes, into: &out)
    string("created", created)
    string("id", id)
    string("lastEdited", lastEdited)
    if let notes {
      key("notes")
      out.append(0x5B)
      for (index, note) in notes.enumerated() {
        if index > 0 { out.append(0x2C) }
        out.append(0x7B)
        ExportJSON.key("bytes", indent: nil, into: &out)
        ExportJSON.integer(note.bytes, into: &out)
        out.append(0x2C)
        ExportJSON.key("date", indent: nil, into: &out)
        ExportJSON.string(note.date, htmlSafe: true, into: &out)
        out.append(0x7D)
      }
      out.append(0x5D)
    }
    string("reviewOn", reviewOn)
    string("sentAt", sentAt)
    string("sentHow", sentHow)
    string("state", state)
    string("subject", subject)
    if let tags {
      key("tags")
      out.append(0x5B)
      for (index, tag) in tags.enumerated() {
        if index > 0 { out.append(0x2C) }
        ExportJSON.string(tag, htmlSafe: true, into: &out)
      }
      out.append(0x5D)
    }
    string("to", to)
    string("updated", updated)
    out.append(0x7D)
    out += style.suffix.utf8
  }
}

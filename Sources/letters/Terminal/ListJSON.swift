import Foundation
import LetterVault

/// `list --json` and `search --json` written straight into bytes: the text
/// `Formatting.jsonText(letters.map { Formatting.json($0) })` gives (JSONText.swift), without
/// a dictionary per letter (docs/PERFORMANCE.md). `ListJSONTests` compares the two.
enum ListJSON {
  static func text(_ letters: [LetterSummary]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(letters.count * 420 + 8)
    out += [0x5B, 0x0A]
    for (number, letter) in letters.enumerated() {
      raw("  {\n", &out)
      key("created", &out)
      date(letter.created, &out)
      key("id", &out)
      string(letter.id.description, &out)
      key("releaseAt", &out)
      date(letter.releaseAt, &out)
      key("reviewOn", &out)
      date(letter.reviewOn, &out)
      key("revision", &out)
      out += String(letter.revision).utf8
      key("sentAt", &out)
      date(letter.sentAt, &out)
      key("state", &out)
      string(letter.state.description, &out)
      key("subject", &out)
      string(letter.subject, &out)
      key("tags", &out)
      out += [0x5B, 0x0A]
      for (index, tag) in letter.tags.enumerated() {
        raw("      ", &out)
        string(tag, &out)
        if index < letter.tags.count - 1 { out.append(0x2C) }
        out.append(0x0A)
      }
      if letter.tags.isEmpty { out.append(0x0A) }
      raw("    ]", &out)
      key("to", &out)
      string(letter.recipient, &out)
      key("updated", &out)
      date(letter.updated, &out)
      // The last field has no comma.
      raw("\n  }", &out)
      if number < letters.count - 1 { out.append(0x2C) }
      out.append(0x0A)
    }
    if letters.isEmpty { out.append(0x0A) }
    out += [0x5D, 0x0A]
    return String(decoding: out, as: UTF8.self)
  }

  /// `"key" : ` on a line of its own, ending the field before it (after "{" no comma).
  private static func key(_ name: StaticString, _ out: inout [UInt8]) {
    if out.last != 0x0A { raw(",\n", &out) }
    raw("    \"", &out)
    raw(name, &out)
    raw("\" : ", &out)
  }

  private static func raw(_ text: StaticString, _ out: inout [UInt8]) {
    text.withUTF8Buffer { out.append(contentsOf: $0) }
  }

  private static func string(_ text: String, _ out: inout [UInt8]) { JSONText.writeString(text, into: &out) }

  private static func date(_ date: Date?, _ out: inout [UInt8]) {
    guard let date else { return raw("null", &out) }
    out.append(0x22)
    ISODateText.append(date, to: &out)
    out.append(0x22)
  }
}

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
      field("created", &out) { date(letter.created, &$0) }
      field("id", &out) { string(letter.id.description, &$0) }
      field("releaseAt", &out) { date(letter.releaseAt, &$0) }
      field("reviewOn", &out) { date(letter.reviewOn, &$0) }
      field("revision", &out) { $0 += String(letter.revision).utf8 }
      field("sentAt", &out) { date(letter.sentAt, &$0) }
      field("state", &out) { string(letter.state.description, &$0) }
      field("subject", &out) { string(letter.subject, &$0) }
      field("tags", &out) { out in
        out += [0x5B, 0x0A]
        for (index, tag) in letter.tags.enumerated() {
          raw("      ", &out)
          string(tag, &out)
          if index < letter.tags.count - 1 { out.append(0x2C) }
          out.append(0x0A)
        }
        if letter.tags.isEmpty { out.append(0x0A) }
        raw("    ]", &out)
      }
      field("to", &out) { string(letter.recipient, &$0) }
      field("updated", &out) { date(letter.updated, &$0) }
      // The last field has no comma.
      raw("\n  }", &out)
      if number < letters.count - 1 { out.append(0x2C) }
      out.append(0x0A)
    }
    if letters.isEmpty { out.append(0x0A) }
    out += [0x5D, 0x0A]
    return String(decoding: out, as: UTF8.self)
  }

  /// `"key" : value` on a line of its own, after a comma ending the field before it (none
  /// after "{").
  private static func field(_ key: StaticString, _ out: inout [UInt8], _ value: (inout [UInt8]) -> Void) {
    if out.last != 0x0A { raw(",\n", &out) }
    raw("    \"", &out)
    raw(key, &out)
    raw("\" : ", &out)
    value(&out)
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

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
      out += Array("  {\n".utf8)
      field("created", &out) { string(Formatting.iso(letter.created), &$0) }
      field("id", &out) { string(letter.id.description, &$0) }
      field("releaseAt", &out) { date(letter.releaseAt, &$0) }
      field("reviewOn", &out) { date(letter.reviewOn, &$0) }
      field("revision", &out) { $0 += Array(String(letter.revision).utf8) }
      field("sentAt", &out) { date(letter.sentAt, &$0) }
      field("state", &out) { string(letter.state.description, &$0) }
      field("subject", &out) { string(letter.subject, &$0) }
      field("tags", &out) { out in
        out += [0x5B, 0x0A]
        for (index, tag) in letter.tags.enumerated() {
          out += Array(repeating: 0x20, count: 6)
          string(tag, &out)
          if index < letter.tags.count - 1 { out.append(0x2C) }
          out.append(0x0A)
        }
        if letter.tags.isEmpty { out.append(0x0A) }
        out += Array("    ]".utf8)
      }
      field("to", &out) { string(letter.recipient, &$0) }
      field("updated", &out, last: true) { string(Formatting.iso(letter.updated), &$0) }
      out += Array("  }".utf8)
      if number < letters.count - 1 { out.append(0x2C) }
      out.append(0x0A)
    }
    if letters.isEmpty { out.append(0x0A) }
    out += [0x5D, 0x0A]
    return String(decoding: out, as: UTF8.self)
  }

  private static func field(
    _ key: StaticString, _ out: inout [UInt8], last: Bool = false, _ value: (inout [UInt8]) -> Void
  ) {
    out += Array(repeating: 0x20, count: 4)
    out.append(0x22)
    key.withUTF8Buffer { out.append(contentsOf: $0) }
    out += Array("\" : ".utf8)
    value(&out)
    if !last { out.append(0x2C) }
    out.append(0x0A)
  }

  private static func string(_ text: String, _ out: inout [UInt8]) { JSONText.writeString(text, into: &out) }

  private static func date(_ date: Date?, _ out: inout [UInt8]) {
    guard let date else { return out += Array("null".utf8) }
    string(Formatting.iso(date), &out)
  }
}

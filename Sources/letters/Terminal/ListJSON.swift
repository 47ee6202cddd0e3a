import Foundation
import LetterVault

/// `list --json` and `search --json` written straight into bytes: the text
/// `Formatting.jsonText(letters.map { Formatting.json($0) })` gives (JSONText.swift), without
/// a dictionary per letter (docs/PERFORMANCE.md). `ListJSONTests` compares the two.
///
/// Each key comes with the punctuation around it as one run of bytes, and the id, state and
/// revision are written without a String: at 10,000 letters the appends of small pieces, the
/// id's hex String and a copy of the whole text into a String and back were a third of the
/// command (docs/PERFORMANCE.md, round 9).
enum ListJSON {
  static func bytes(_ letters: [LetterSummary]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(letters.count * 420 + 8)
    out += [0x5B, 0x0A]
    // Each letter borrowed in place: copying it out of the array (its strings retained and
    // released) showed in profiles.
    letters.withUnsafeBufferPointer { letters in
      for number in letters.indices { write(letters[number], last: number == letters.count - 1, to: &out) }
    }
    if letters.isEmpty { out.append(0x0A) }
    out += [0x5D, 0x0A]
    return out
  }

  /// One letter's object, with the comma that follows it unless it is the `last`.
  private static func write(_ letter: LetterSummary, last: Bool, to out: inout [UInt8]) {
    out += Key.created
    date(letter.created, &out)
    out += Key.id
    for byte in letter.id.bytes {
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 0x0F)])
    }
    out += Key.releaseAt
    date(letter.releaseAt, &out)
    out += Key.reviewOn
    date(letter.reviewOn, &out)
    out += Key.revision
    decimal(letter.revision, &out)
    out += Key.sentAt
    date(letter.sentAt, &out)
    out += Key.state
    out += letter.state.description.utf8
    out += Key.subject
    JSONText.writeString(letter.subject, into: &out)
    out += Key.tags
    for (index, tag) in letter.tags.enumerated() {
      out += Key.tagIndent
      JSONText.writeString(tag, into: &out)
      if index < letter.tags.count - 1 { out.append(0x2C) }
      out.append(0x0A)
    }
    if letter.tags.isEmpty { out.append(0x0A) }
    out += Key.to
    JSONText.writeString(letter.recipient, into: &out)
    out += Key.updated
    date(letter.updated, &out)
    out += Key.end
    if !last { out.append(0x2C) }
    out.append(0x0A)
  }

  /// The text of ``bytes(_:)``.
  static func text(_ letters: [LetterSummary]) -> String {
    String(decoding: bytes(letters), as: UTF8.self)
  }

  /// Each field's key with what comes between it and the field before (JSONText's layout:
  /// sorted keys, two spaces of indent per level, `" : "`).
  private enum Key {
    static let created = Array("  {\n    \"created\" : ".utf8)
    static let id = Array(",\n    \"id\" : \"".utf8)
    static let releaseAt = Array("\",\n    \"releaseAt\" : ".utf8)
    static let reviewOn = Array(",\n    \"reviewOn\" : ".utf8)
    static let revision = Array(",\n    \"revision\" : ".utf8)
    static let sentAt = Array(",\n    \"sentAt\" : ".utf8)
    static let state = Array(",\n    \"state\" : \"".utf8)
    static let subject = Array("\",\n    \"subject\" : ".utf8)
    static let tags = Array(",\n    \"tags\" : [\n".utf8)
    static let tagIndent = Array("      ".utf8)
    static let to = Array("    ],\n    \"to\" : ".utf8)
    static let updated = Array(",\n    \"updated\" : ".utf8)
    static let end = Array("\n  }".utf8)
  }

  private static let hex = Array("0123456789abcdef".utf8)

  private static func decimal(_ number: Int, _ out: inout [UInt8]) {
    out += String(number).utf8
  }

  private static func date(_ date: Date?, _ out: inout [UInt8]) {
    guard let date else { return out += [0x6E, 0x75, 0x6C, 0x6C] }  // null
    out.append(0x22)
    ISODateText.append(date, to: &out)
    out.append(0x22)
  }
}

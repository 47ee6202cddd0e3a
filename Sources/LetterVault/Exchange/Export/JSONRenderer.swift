import VaultRecords
import Foundation

/// `--format json`: an ``ExportDocument``, pretty-printed with sorted keys so the same
/// letters always give the same bytes; written letter by letter (``ExportStream``) in exactly
/// the bytes `JSONEncoder` gives the whole document (`ExportJSONTests`).
struct JSONRenderer {
  let dates: ExportDates

  /// Everything before the first letter.
  func opening(exportedAt: Date) -> [UInt8] {
    var out: [UInt8] = [0x7B, 0x0A]
    ExportJSON.key("exported", indent: 2, into: &out)
    out.append(0x22)
    dates.appendISO(exportedAt, to: &out)
    out += Array("\",\n  \"format\" : \"\(ExportDocument.formatName)\",\n  \"letters\" : [\n".utf8)
    return out
  }

  /// Everything after the last letter.
  func closing() -> [UInt8] {
    Array("\n  ],\n  \"version\" : \(ExportDocument.currentVersion)\n}\n".utf8)
  }

  /// One element of the `letters` array, after a comma when it is not the first.
  func letter(_ exported: ExportedLetter, first: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(exported.letter.body.utf8.count + 800)
    append(exported, first: first, to: &out)
    return out
  }

  /// ``letter(_:first:)`` after what `out` holds.
  func append(_ exported: ExportedLetter, first: Bool, to out: inout [UInt8]) {
    let summary = exported.letter.summary
    if !first {
      out.append(0x2C)
      out.append(0x0A)
    }
    out += "    {\n".utf8
    func field(_ key: StaticString, last: Bool = false, _ value: (inout [UInt8]) -> Void) {
      ExportJSON.key(key, indent: 6, into: &out)
      value(&out)
      if !last { out.append(0x2C) }
      out.append(0x0A)
    }
    func date(_ date: Date?) -> (inout [UInt8]) -> Void {
      { out in
        guard let date else { return out.append(contentsOf: "null".utf8) }
        out.append(0x22)
        dates.appendISO(date, to: &out)
        out.append(0x22)
      }
    }
    field("body") { ExportJSON.string(exported.letter.body, into: &$0) }
    field("created", date(summary.created))
    field("email") { ExportJSON.string(exported.email, into: &$0) }
    field("fingerprint") { ExportJSON.string(exported.letter.fingerprint, into: &$0) }
    field("id") { ExportJSON.string(summary.id.description, into: &$0) }
    field("lastEdited", date(summary.lastEdited))
    field("notes") { out in
      Self.array(exported.notes, into: &out) { note, out in
        out += "        {\n".utf8
        ExportJSON.key("date", indent: 10, into: &out)
        date(note.date)(&out)
        out.append(0x2C)
        out.append(0x0A)
        ExportJSON.key("text", indent: 10, into: &out)
        ExportJSON.string(note.text, into: &out)
        out += "\n        }".utf8
      }
    }
    field("releaseAt", date(summary.releaseAt))
    field("reviewOn", date(summary.reviewOn))
    field("revision") { ExportJSON.integer(summary.revision, into: &$0) }
    field("sentAt", date(summary.sentAt))
    field("sentHow") { ExportJSON.optional(summary.sentHow.isEmpty ? nil : summary.sentHow, into: &$0) }
    field("state") { ExportJSON.string(summary.state.description, into: &$0) }
    field("subject") { ExportJSON.string(summary.subject, into: &$0) }
    field("tags") { out in
      Self.array(summary.tags, into: &out) { tag, out in
        out += repeatElement(0x20, count: 8)
        ExportJSON.string(tag, into: &out)
      }
    }
    field("to") { ExportJSON.string(summary.recipient, into: &$0) }
    field("updated", last: true, date(summary.updated))
    out += "    }".utf8
  }

  /// A pretty-printed array inside a letter: its elements one per line, and an empty one as
  /// the encoder writes it (`[`, an empty line, `]`).
  private static func array<Element>(
    _ elements: [Element], into out: inout [UInt8], _ element: (Element, inout [UInt8]) -> Void
  ) {
    out.append(0x5B)
    out.append(0x0A)
    for (index, value) in elements.enumerated() {
      if index > 0 {
        out.append(0x2C)
        out.append(0x0A)
      }
      element(value, &out)
    }
    out.append(0x0A)
    out += repeatElement(0x20, count: 6)
    out.append(0x5D)
  }
}

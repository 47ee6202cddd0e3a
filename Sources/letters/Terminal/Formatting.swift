import Foundation
import LetterVault

/// How dates, list lines and JSON look (README "Commands").
enum Formatting {
  // Dates are formatted without ICU per call: LocalDateText.swift, ISODateText.swift.
  /// "3 May 2026 22:14" in local time.
  static func local(_ date: Date) -> String { LocalDateText.string(from: date) }

  /// ISO 8601 with offset, for JSON.
  static func iso(_ date: Date) -> String { ISODateText.string(from: date) }

  static func json(_ letter: LetterSummary, body: String? = nil, fingerprint: String? = nil)
    -> [String: Any]
  {
    var object: [String: Any] = [
      "id": letter.id.description, "to": letter.recipient, "subject": letter.subject,
      "state": letter.state.description, "tags": letter.tags, "created": iso(letter.created),
      "updated": iso(letter.updated), "revision": letter.revision,
      "releaseAt": letter.releaseAt.map(iso) ?? NSNull(),
      "reviewOn": letter.reviewOn.map(iso) ?? NSNull(),
      "sentAt": letter.sentAt.map(iso) ?? NSNull(),
    ]
    if let body { object["body"] = body }
    if let fingerprint { object["fingerprint"] = fingerprint }
    return object
  }

  static func printJSON(_ value: Any) throws {
    Console.out(try jsonText(value))
  }

  /// `value` as pretty JSON with sorted keys, ending in a newline.
  static func jsonText(_ value: Any) throws -> String {
    // The same bytes, ~20 times faster (JSONText.swift); Foundation for anything else.
    if let text = JSONText.encode(value) { return text + "\n" }
    let data = try JSONSerialization.data(
      withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return JSONText.escapingDELAndC1(String(decoding: data, as: UTF8.self)) + "\n"
  }
}

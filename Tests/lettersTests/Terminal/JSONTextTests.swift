import Foundation
import Testing

@testable import letters

/// JSONText.swift and ISODateText.swift write exactly what Foundation writes, faster (JSON
/// with DEL and C1 escaped too, as `JSONText.escapingDELAndC1` does to Foundation's text).
@Suite struct JSONTextTests {
  static func foundation(_ value: Any) throws -> String {
    String(
      decoding: try JSONSerialization.data(
        withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
      as: UTF8.self)
  }

  @Test func theBytesAreJSONSerializationsForWhatTheCommandsBuild() throws {
    let awkward = "a\"b\\c/d\u{01}\u{1f}\u{7f}\n\t\r\u{08}\u{0c}é 😀 \u{2028} \u{0}\u{80}\u{9b}\u{9f}\u{a0}end"
    let letter: [String: Any] = [
      "id": "0123abcd", "to": awkward, "subject": "", "state": "held", "tags": ["grief", "ÜBER"],
      "created": "2026-05-03T22:14:05+02:00", "revision": 3, "releaseAt": NSNull(), "reviewOn": NSNull(),
      "sentAt": "x", "big": UInt64(1) << 40, "negative": -7, "flag": true, "off": false,
      "nested": ["empty": [String](), "object": [String: Any](), "deep": [["a": 1] as [String: Any]], "mixed": [1, "two", NSNull(), [String]()] as [Any]] as [String: Any],
      "aB": 1, "aa": 2, "Ac": 3, "under_score": 4, "dash-key": 5,
    ]
    for value: Any in [
      [letter, letter], [Any](), [String: Any](), letter, ["one"], [[String: Any]()], [[Any]()] as [Any],
      [letter] as [[String: Any]],
    ] {
      let ours = try #require(JSONText.encode(value))
      let theirs = JSONText.escapingDELAndC1(try Self.foundation(value))
      #expect(ours == theirs, "\(ours)\n---\n\(theirs)")
      // And it reads back as the same value (written again by Foundation, the same text).
      let back = try JSONSerialization.jsonObject(with: Data(ours.utf8), options: [.fragmentsAllowed])
      #expect(try Self.foundation(back) == (try Self.foundation(value)))
    }
    let escaped = try #require(JSONText.encode([awkward]))
    #expect(escaped.contains("\\u0001\\u001f\\u007f"))
    #expect(escaped.contains("\\u0000\\u0080\\u009b\\u009f\u{a0}end"), "C1 escaped, U+00A0 is not")
  }

  @Test func valuesItDoesNotKnowAreLeftToFoundation() {
    #expect(JSONText.encode([1.5]) == nil)
    #expect(JSONText.encode([["a": 1]]) == nil, "[[String: Int]]: only the container types the commands build")
    #expect(JSONText.encode(["key2": 1]) == nil, "digits sort numerically in Foundation")
    #expect(JSONText.encode(["clé": 1]) == nil)
    #expect(JSONText.encode(["aB": 1, "Ab": 2]) == nil, "equal but for case: Foundation's tie-break")
    let missing: String? = nil
    #expect(JSONText.encode(["a": missing as Any]) == nil)
  }

  @Test func isoDatesMatchTheFormatterInSeveralZones() throws {
    var random = SystemRandomNumberGenerator()
    for name in ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"] {
      let zone = try #require(TimeZone(identifier: name))
      let formatter = ISO8601DateFormatter()
      formatter.formatOptions = [.withInternetDateTime]
      formatter.timeZone = zone
      var dates = [0, -0.2, 1_700_000_000.7, -1_000_000_000.2, 1_711_846_800, 1_729_990_800, 4_102_444_799.9]
        .map(Date.init(timeIntervalSince1970:))
      dates += (0..<2_000).map { _ in Date(timeIntervalSince1970: Double.random(in: -2_000_000_000...4_000_000_000, using: &random)) }
      for date in dates {
        #expect(ISODateText.string(from: date, in: zone) == formatter.string(from: date), "\(name) \(date.timeIntervalSince1970)")
      }
    }
  }
}

import Foundation
import Testing
import VaultRecords

@testable import LetterVault
@testable import letters

/// ListJSON.swift writes `list --json` as the dictionaries through JSONText.swift wrote it.
@Suite struct ListJSONTests {
  @Test(arguments: [0, 1, 2, 300])
  func theBytesAreThoseOfTheDictionaries(count: Int) {
    var random = SeededGenerator(seed: 0x115_7000 + UInt64(count))
    let alphabet = Array("ab \"\\/<>&é😀\u{7F}\u{85}\u{9F}\u{2028}\r\n\t\u{0}\u{1B}ß".unicodeScalars)
    func text(_ length: Int) -> String {
      String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }))
    }
    func date() -> Date { Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &random))) }
    func maybe() -> Date? { Bool.random(using: &random) ? date() : nil }
    let states: [LetterState] = [.draft, .held, .sent]
    let letters = (0..<count).map { index in
      LetterSummary(
        id: LetterID(bytes: (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }), state: states[index % 3],
        recipient: text(Int.random(in: 0...6, using: &random)), subject: text(Int.random(in: 0...9, using: &random)),
        tags: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(3) }, created: date(), updated: date(),
        lastEdited: date(), releaseAt: maybe(), reviewOn: maybe(), sentAt: maybe(), sentHow: "", deliveryError: "",
        revision: Int.random(in: 1...300, using: &random), noteCount: 0)
    }
    let expected = try? Formatting.jsonText(letters.map { Formatting.json($0) })
    #expect(ListJSON.text(letters) == expected)
  }

  /// Texts with just one thing to escape each (or none), so that the whole-string copy of
  /// `JSONText.writeString` and its byte loop are each met on their own.
  @Test(arguments: ["plain words", "say \"hi\"", "back\\slash", "café über", "tab\there", "line\nbreak", "\u{7F}", "\u{85}", "😀", ""])
  func eachEscapeAloneIsWrittenAsTheDictionariesWriteIt(text: String) {
    let letter = LetterSummary(
      id: LetterID(bytes: [UInt8](repeating: 0xAB, count: 16)), state: .held, recipient: text, subject: text,
      tags: text.isEmpty ? [] : [text], created: Date(timeIntervalSince1970: 1_800_000_000),
      updated: Date(timeIntervalSince1970: 1_800_000_060), lastEdited: Date(timeIntervalSince1970: 1_800_000_060),
      releaseAt: nil, reviewOn: nil, sentAt: nil, sentHow: "", deliveryError: "", revision: 12, noteCount: 0)
    let expected = try? Formatting.jsonText([Formatting.json(letter)])
    #expect(ListJSON.text([letter]) == expected)
    // Both go through `JSONText.writeString`: Foundation's parser is the independent reader.
    let parsed = try? JSONSerialization.jsonObject(with: Data(ListJSON.bytes([letter]))) as? [[String: Any]]
    #expect(parsed?.first?["subject"] as? String == text)
    #expect(parsed?.first?["to"] as? String == text)
    #expect(parsed?.first?["tags"] as? [String] == (text.isEmpty ? [] : [text]))
  }
}

import Foundation
import Testing

@testable import LetterVault

/// NonASCIIWindows.swift: a Unicode needle that no ASCII text can hold, asked only of the
/// windows around a text's non-ASCII bytes, is found exactly where Foundation's `contains` over
/// the whole lowered text finds it, on seeded hostile text: long ASCII runs between the
/// windows, CR LF, precomposed and decomposed accents, marks far from their base, ß and ẞ,
/// ligatures, KELVIN and ANGSTROM SIGN, İ, final sigma, emoji with ZWJ and flags, Hangul
/// jamo, an Arabic prepended sign, soft hyphen and ZWJ alone.
@Suite struct NonASCIIWindowsTests {
  static let pieces = [
    "a", "e", "i", "k", "s", "ss", "fi", "the ", " ", ".", "\r\n", "\r", "\n", "lighthouse keeper ",
    String(repeating: "quiet ", count: 9), "é", "É", "e\u{0301}", "E\u{0301}", "\u{0301}", "\u{0308}", "\u{0327}",
    "ü", "Ü", "u\u{0308}", "ç", "c\u{0327}", "ß", "ẞ", "ﬁ", "\u{212A}", "\u{212B}", "Å", "A\u{030A}", "İ",
    "ı", "Σ", "σ", "ς", "🙂", "👩\u{200D}👩\u{200D}👧", "🇩🇪", "\u{1112}\u{1161}\u{11AB}", "한",
    "\u{0600}1", "\u{00AD}", "\u{200D}", "\u{037E}", ";", "ǅ", "\u{1E9E}", "Ω", "\u{2126}",
  ]

  @Test func windowsFindExactlyWhatTheWholeTextFinds() {
    var random = SeededGenerator(seed: 0x51D0_0001)
    var asked = 0
    var found = 0
    for _ in 0..<12_000 {
      let text = (0..<Int.random(in: 0..<30, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }
        .joined()
      let needle = (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }
        .joined()
      let matcher = TextMatcher(needle)
      guard matcher.skipsASCIITexts else { continue }
      asked += 1
      let expected = text.lowercased().contains(needle.lowercased())
      if expected { found += 1 }
      #expect(
        matcher.matches(bytes: Array(text.utf8)) == expected,
        "\(needle.unicodeScalars.map(\.value)) in \(text.unicodeScalars.map(\.value))")
    }
    #expect(asked > 5_000 && found > 300, "\(asked) asked, \(found) found")
  }

  @Test func aMatchAtEitherEdgeOfALongTextIsFound() {
    let long = String(repeating: "quiet night ", count: 40)
    for text in ["Café " + long, long + "CAFE\u{0301}", long + "café" + long, "é" + long + "x", long + "\r\né"] {
      #expect(TextMatcher("café").matches(bytes: Array(text.utf8)) == text.lowercased().contains("café"), "\(text.prefix(8))")
      #expect(TextMatcher("é").matches(bytes: Array(text.utf8)))
    }
    #expect(!TextMatcher("é").matches(bytes: Array((long + "ü" + long).utf8)))
  }
}

import Testing

@testable import LetterVault
@testable import VaultRecords

/// TextMatcher.swift: the sixteen-bytes-at-a-time scan finds exactly what a plain
/// case-insensitive `contains` finds, at every position and across chunk edges.
@Suite struct TextMatcherTests {
  @Test func itAgreesWithLowercasedContainsOnSeededText() {
    var random = SeededGenerator(seed: 0x7E_57)
    let alphabet = Array("abLlIiGgHhTt  ,.-é\n0".unicodeScalars)
    for _ in 0..<4_000 {
      let hay = String(String.UnicodeScalarView((0..<Int.random(in: 0..<70, using: &random)).map { _ in
        alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
      }))
      let needle = String(String.UnicodeScalarView((0..<Int.random(in: 1...4, using: &random)).map { _ in
        alphabet[Int.random(in: 0..<(alphabet.count - 3), using: &random)]
      }))
      let expected = hay.lowercased().contains(needle.lowercased())
      #expect(TextMatcher(needle).matches(bytes: Array(hay.utf8)) == expected, "\(needle) in \(hay)")
    }
  }

  /// Needles with other characters: the byte check in front of Unicode lowercasing never
  /// rules out a text `lowercased().contains` finds, with the characters that lower to ASCII
  /// (KELVIN SIGN, İ), decomposed accents, ß and German capitals in play.
  @Test func aUnicodeNeedleAgreesWithLowercasedContains() {
    var random = SeededGenerator(seed: 0x7E_58)
    let alphabet = Array("abkKiIÜüBERerß  .;\u{212A}\u{0130}e\u{0301}é\u{037E}".unicodeScalars)
    var found = 0
    for _ in 0..<6_000 {
      let hay = String(String.UnicodeScalarView((0..<Int.random(in: 0..<40, using: &random)).map { _ in
        alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
      }))
      var needle = String(String.UnicodeScalarView((0..<Int.random(in: 1...5, using: &random)).map { _ in
        alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
      }))
      if needle.utf8.allSatisfy({ $0 < 0x80 }) { needle += "ü" }
      let expected = hay.lowercased().contains(needle.lowercased())
      if expected { found += 1 }
      #expect(TextMatcher(needle).matches(bytes: Array(hay.utf8)) == expected, "\(needle) in \(hay)")
    }
    #expect(found > 100, "the seeded texts must contain some needles (\(found))")
    #expect(TextMatcher("über").matches(bytes: Array("GRÜSSE, ÜBER ALLES".utf8)))
    #expect(TextMatcher("\u{212A}ind").matches(bytes: Array("a kind word".utf8)))
    #expect(TextMatcher("straße").matches(bytes: Array("STRAẞE".utf8)))
    #expect(!TextMatcher("über").matches(bytes: Array("uber".utf8)))
    // Canonically equivalent spellings: precomposed and decomposed, GREEK QUESTION MARK and `;`.
    #expect(TextMatcher("be\u{0301}rn über").matches(bytes: Array("BÉRN ÜBER".utf8)) == "BÉRN ÜBER".lowercased().contains("be\u{0301}rn über"))
    #expect(TextMatcher("ü;ber").matches(bytes: Array("Ü\u{037E}BER".utf8)) == "Ü\u{037E}BER".lowercased().contains("ü;ber"))
  }

  /// The Unicode path's own lowercasing gives `String.lowercased()`'s bytes exactly, on seeded
  /// text of ASCII, Latin, Greek (final sigma), Turkish İ, ß and ẞ, ligatures, Cherokee and
  /// Georgian (whose lower case is longer or shorter), combining marks, emoji and ill-formed
  /// UTF-8.
  @Test func itsLowercasingIsStringLowercasedByteForByte() {
    var random = SeededGenerator(seed: 0x7E_5A)
    let pieces: [[UInt8]] = (
      Array("aZ Q.\n;ÀÉÜéüßẞΣσςΑİIıﬁﬀＡＺǅǄᏣꭰႠⴀ\u{0301}\u{0307}\u{212A}\u{2126}🙂\u{1E9E}Ω".unicodeScalars)
        .map { Array(String($0).utf8) })
      + [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]
    for _ in 0..<5_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0..<60, using: &random) {
        bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
      }
      let expected = Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8)
      #expect(Array(TextMatcher.lowercased(bytes).utf8) == expected, "\(bytes)")
    }
  }

  @Test func aMatchIsFoundAtEveryOffsetOfALongText() {
    let matcher = TextMatcher("LightHouse")
    for offset in 0...70 {
      var text = Array(repeating: UInt8(ascii: "l"), count: 80)
      text.replaceSubrange(offset..<(offset + 10), with: Array("lIGHThouse".utf8))
      #expect(matcher.matches(bytes: text), "at \(offset)")
      text[offset + 9] = UInt8(ascii: "x")
      #expect(!matcher.matches(bytes: text), "broken at \(offset)")
    }
    #expect(!matcher.matches(bytes: Array("lighthous".utf8)))
    #expect(TextMatcher("9").matches(bytes: Array(repeating: UInt8(ascii: "8"), count: 33) + [UInt8(ascii: "9")]))
  }

  /// A Unicode needle over texts of ASCII bytes alone, which it rules out without lowercasing
  /// them (`skipsASCIITexts`): the same answers as `lowercased().contains`, with the characters
  /// that decompose to ASCII (U+037E to `;`, U+1FEF to a grave accent, KELVIN SIGN to `K`).
  @Test func aUnicodeNeedleOverASCIITextsAgreesWithLowercasedContains() {
    var random = SeededGenerator(seed: 0x7E_59)
    let text = Array("abkK;`iI .e".unicodeScalars)
    let needles = Array("abkK;`é\u{0301}ü\u{037E}\u{1FEF}\u{212A}\u{0130}".unicodeScalars)
    var found = 0
    for _ in 0..<6_000 {
      let hay = String(String.UnicodeScalarView((0..<Int.random(in: 0..<40, using: &random)).map { _ in
        text[Int.random(in: 0..<text.count, using: &random)]
      }))
      var needle = String(String.UnicodeScalarView((0..<Int.random(in: 1...3, using: &random)).map { _ in
        needles[Int.random(in: 0..<needles.count, using: &random)]
      }))
      if needle.utf8.allSatisfy({ $0 < 0x80 }) { needle += "\u{037E}" }
      let expected = hay.lowercased().contains(needle.lowercased())
      if expected { found += 1 }
      let matcher = TextMatcher(needle)
      #expect(matcher.matches(bytes: Array(hay.utf8)) == expected, "\(needle.unicodeScalars.map(\.value)) in \(hay)")
      #expect(matcher.matches(hay) == expected, "\(needle.unicodeScalars.map(\.value)) in \(hay) (field)")
    }
    #expect(found > 100, "the seeded texts must contain some needles (\(found))")
    #expect(TextMatcher("\u{037E}").matches(bytes: Array("a;b".utf8)))
    #expect(TextMatcher("x\u{1FEF}").matches(bytes: Array("X`".utf8)))
    // The needles `search` could not narrow skip every ASCII text (docs/PERFORMANCE.md).
    for needle in ["é", "café", "über", "e\u{0301}", "Ü"] {
      #expect(TextMatcher(needle).skipsASCIITexts, "\(needle)")
      #expect(!TextMatcher(needle).matches(bytes: Array("cafe uber e".utf8)))
    }
    for needle in ["\u{037E}", "\u{1FEF}x", "\u{212A}", "cafe"] {
      #expect(!TextMatcher(needle).skipsASCIITexts, "\(needle)")
    }
  }
}

import Testing

@testable import LetterVault

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
}

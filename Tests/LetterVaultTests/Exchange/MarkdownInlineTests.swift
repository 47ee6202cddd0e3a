import Foundation
import Testing

@testable import LetterVault

/// MarkdownRenderer.swift: header fields escaped byte by byte give the bytes of the
/// Character-by-Character escape they replace, on seeded hostile text.
@Suite struct MarkdownInlineTests {
  @Test func bytesAgreeWithTheCharacterEscapeOnHostileText() {
    var random = SeededGenerator(seed: 1717)
    let ascii = Array("ab <>&*_`[]\\\r\n\r\n\u{B}\u{C}\u{0}\u{1F}\u{7F}#!-".unicodeScalars)
    let wide = ascii + Array("é\u{301}\u{85}\u{2028}\u{2029}😀👩‍👩‍👧ß".unicodeScalars)
    for round in 0..<8000 {
      let alphabet = round % 2 == 0 ? ascii : wide
      let text = String(
        String.UnicodeScalarView(
          (0..<Int.random(in: 0...16, using: &random)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }))
      var bytes: [UInt8] = []
      MarkdownRenderer.appendInline(text, to: &bytes)
      #expect(bytes == Array(MarkdownRenderer.inline(text).utf8), "\(text.debugDescription)")
    }
    // Marks that join the escaped character: one Character that is not `<`.
    for text in ["<\u{301}", "*\u{308}x", "\r\u{301}", "\r\n\u{301}"] {
      var bytes: [UInt8] = []
      MarkdownRenderer.appendInline(text, to: &bytes)
      #expect(bytes == Array(MarkdownRenderer.inline(text).utf8), "\(text.debugDescription)")
    }
  }
}

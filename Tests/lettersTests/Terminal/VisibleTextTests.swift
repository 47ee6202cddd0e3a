import Foundation
import Testing

@testable import letters

/// The byte rules of VisibleText.swift, including what no command line can carry (bytes that
/// are not UTF-8); the real terminal is HostileTextTerminalTests.
@Suite struct VisibleTextTests {
  @Test func controlsAreShownAndPrintableTextIsLeftAlone() {
    #expect(VisibleText.string("\u{1B}]2;t\u{07}\u{0}\u{7F}") == #"\x1b]2;t\x07\x00\x7f"#)
    #expect(VisibleText.string("a\rb\r\nc\r") == #"a\x0db"# + "\r\nc" + #"\x0d"#)
    #expect(VisibleText.string("\u{80}\u{9B}\u{9F}\u{A0}é") == #"\u{80}\u{9b}\u{9f}"# + "\u{A0}é")
    let plain = "Dear you,\n\tTab, é, 😀, \u{2028}, back\\slash \\x1b"
    #expect(VisibleText.string(plain) == plain)
    // No control character is left, so escaping again changes nothing.
    let once = VisibleText.string("\u{1B}[2J\u{9B}\r")
    #expect(VisibleText.string(once) == once)
  }

  @Test func bytesThatAreNotUTF8AreShownOneByOne() {
    let bytes: [UInt8] = [0x61, 0xFF, 0xC3, 0xA9, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xE2, 0x82]
    let shown = String(decoding: VisibleText.bytes(bytes), as: UTF8.self)
    #expect(shown == #"a\xffé\xc3(\xed\xa0\x80\xf4\x90\x80\x80\xe2\x82"#)
    let valid = Array("ok 😀\n".utf8)
    #expect(VisibleText.bytes(valid) == valid)
  }
}

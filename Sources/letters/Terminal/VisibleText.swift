import Foundation

/// Text from letters made harmless for a terminal (README "At the terminal", docs/SECURITY.md
/// §2.8): a recipient, subject, tag, note or letter text may come from an import, a merge or
/// a jot, and a terminal obeys escape sequences in it (set the window title, clear the
/// screen, overwrite a line). Every control character but newline and tab is shown instead:
///
/// - C0 controls and DEL as `\xNN` (ESC is `\x1b`); a CR directly before LF passes, a lone
///   CR is `\x0d`;
/// - C1 controls (U+0080–U+009F, which some terminals obey like ESC sequences) as `\u{NN}`;
/// - bytes that are not UTF-8 as `\xNN`.
///
/// A backslash is left as it is, so the result holds no control character and escaping it
/// again changes nothing.
enum VisibleText {
  /// `text` as it may be shown; the same string, not a copy, when nothing needs escaping.
  static func string(_ text: String) -> String {
    var text = text
    let escaped: [UInt8]? = text.withUTF8 { utf8 in
      guard needsEscaping(utf8) else { return nil }
      var out: [UInt8] = []
      out.reserveCapacity(utf8.count + 16)
      append(utf8, to: &out)
      return out
    }
    guard let escaped else { return text }
    return String(decoding: escaped, as: UTF8.self)
  }

  /// `text` made visible only when stdout is a terminal: for text handed to the pager, which
  /// otherwise passes colour and hyperlink sequences on (`less -R`).
  static func forStdout(_ text: String) -> String {
    Console.stdoutIsTerminal ? string(text) : text
  }

  /// `bytes` as they may be shown; the same array when nothing needs escaping.
  static func bytes(_ bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBufferPointer { buffer in
      guard needsEscaping(buffer) else { return bytes }
      var out: [UInt8] = []
      out.reserveCapacity(buffer.count + 16)
      append(buffer, to: &out)
      return out
    }
  }

  /// Appends `text`'s bytes to `out`, escaped (``ListLines``).
  static func append(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { append($0, to: &out) }
  }

  static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    var index = 0
    while index < bytes.count {
      let length = shownLength(bytes, at: index)
      if length > 0 {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
        index += length
      } else if bytes[index] == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
        out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "{")]
        hex(bytes[index + 1], into: &out)
        out.append(UInt8(ascii: "}"))
        index += 2
      } else {
        out += [0x5C, UInt8(ascii: "x")]
        hex(bytes[index], into: &out)
        index += 1
      }
    }
  }

  /// The fast path: plain ASCII is checked a byte at a time with no decoding.
  static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F || byte == 0x0A || byte == 0x09 {
        index += 1
        continue
      }
      let length = shownLength(bytes, at: index)
      if length == 0 { return true }
      index += length
    }
    return false
  }

  /// How many bytes at `index` form one character that may be shown as it is (a printable
  /// character, newline, tab, CR LF); 0 when the byte there must be escaped.
  private static func shownLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      index + offset < bytes.count && range.contains(bytes[index + offset])
    }
    switch bytes[index] {
    case 0x0A, 0x09, 0x20..<0x7F: return 1
    case 0x0D: return continuation(1, 0x0A...0x0A) ? 2 : 0
    // U+0080–U+009F are C2 80 … C2 9F: only C2 A0 and up is printable.
    case 0xC2: return continuation(1, 0xA0...0xBF) ? 2 : 0
    case 0xC3...0xDF: return continuation(1) ? 2 : 0
    case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE, 0xEF: return continuation(1) && continuation(2) ? 3 : 0
    case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0  // no surrogates
    case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default: return 0
    }
  }

  private static let digits = Array("0123456789abcdef".utf8)

  private static func hex(_ byte: UInt8, into out: inout [UInt8]) {
    out.append(digits[Int(byte >> 4)])
    out.append(digits[Int(byte & 0x0F)])
  }
}

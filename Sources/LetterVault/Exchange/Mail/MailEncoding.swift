import VaultRecords
import Foundation

/// The MIME encodings a message needs: quoted-printable and base64 bodies (RFC 2045 §6.7,
/// §6.8) and encoded-words for headers (RFC 2047). Encoding is chosen so the receiver decodes
/// exactly the bytes of the letter.
enum MailEncoding {
  /// Quoted-printable with `lineEnding` as the hard line break. Lines of the letter become
  /// lines of the encoding; a text without a final newline ends in a soft break, so none is
  /// added. "From " and a lone "." at the start of a line are encoded, so mbox storage and
  /// SMTP dot-stuffing cannot touch them (nor mboxrd's `>From ` quoting).
  static func quotedPrintable(_ text: [UInt8], lineEnding: String) -> String {
    var out = ""
    let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      var current = ""
      let bytes = Array(line)
      for (position, byte) in bytes.enumerated() {
        let isLast = position == bytes.count - 1
        var token: String
        switch byte {
        case 0x20, 0x09:
          token = isLast ? hexEscape(byte) : String(UnicodeScalar(byte))
        case 0x3D:
          token = hexEscape(byte)
        case 33...126:
          token = String(UnicodeScalar(byte))
        default:
          token = hexEscape(byte)
        }
        if position == 0 && (bytes.drop { $0 == 0x3E }.starts(with: Array("From ".utf8)) || bytes == [0x2E]) {
          token = hexEscape(byte)
        }
        // 76 characters per line, counting the "=" of a soft break (RFC 2045 §6.7 rule 5).
        if current.utf8.count + token.utf8.count > 75 {
          out += current + "=" + lineEnding
          current = ""
        }
        current += token
      }
      out += current
      if index < lines.count - 1 { out += lineEnding }
    }
    if let last = text.last, last != 0x0A { out += "=" + lineEnding }
    return out
  }

  /// Base64 in lines of 76 characters.
  static func base64Lines(_ bytes: [UInt8], lineEnding: String) -> String {
    let encoded = Data(bytes).base64EncodedString()
    var out = ""
    var index = encoded.startIndex
    while index < encoded.endIndex {
      let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
      out += encoded[index..<end] + lineEnding
      index = end
    }
    return out
  }

  /// True when a header value can go out as it is: printable ASCII only, no line breaks
  /// (so no header can be injected), and short enough for one line.
  static func isPlainHeaderText(_ text: String) -> Bool {
    text.utf8.count <= 900 && text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// RFC 2047 "B" encoded-words, each at most 75 characters, split between characters,
  /// joined by folding whitespace.
  static func encodedWords(_ text: String, lineEnding: String) -> String {
    var words: [String] = []
    var chunk: [UInt8] = []
    for character in text {
      let bytes = Array(String(character).utf8)
      if chunk.count + bytes.count > 45 && !chunk.isEmpty {
        words.append(word(chunk))
        chunk = []
      }
      chunk += bytes
    }
    if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
    return words.joined(separator: lineEnding + " ")
  }

  /// A header value: as is when plain, else encoded-words.
  static func headerText(_ text: String, lineEnding: String) -> String {
    isPlainHeaderText(text) ? text : encodedWords(text, lineEnding: lineEnding)
  }

  private static func word(_ bytes: [UInt8]) -> String {
    "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
  }

  private static func hexEscape(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
  }
}

import VaultRecords
import Foundation

/// A header value with parameters: `multipart/mixed; boundary="b1"` (RFC 2045 §5.1), including
/// RFC 2231's continued and charset-encoded forms: `boundary*0="ab"; boundary*1="cd"` and
/// `title*=koi8-r''%F0%D2`. Names are lowercased; quotes and continuations are undone.
struct MIMEParameters {
  /// The value before the first `;`, lowercased (`multipart/mixed`).
  let value: String
  let parameters: [String: String]

  subscript(name: String) -> String? { parameters[name] }

  init(_ raw: String) {
    let pieces = Self.split(raw)
    value = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    var plain: [String: String] = [:]
    // name → (section number → (value, percent-encoded?))
    var sections: [String: [Int: (String, Bool)]] = [:]
    for piece in pieces.dropFirst() {
      guard let equals = piece.firstIndex(of: "=") else { continue }
      var name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      var text = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
        text = Self.unescape(text.dropFirst().dropLast())
      }
      let encoded = name.hasSuffix("*")
      if encoded { name.removeLast() }
      if let star = name.lastIndex(of: "*"), let number = Int(name[name.index(after: star)...]) {
        sections[String(name[..<star]), default: [:]][number] = (text, encoded)
      } else if encoded {
        sections[name, default: [:]][0] = (text, true)
      } else if plain[name] == nil {
        plain[name] = text
      }
    }
    for (name, parts) in sections {
      // RFC 2231 §4: the charset and language lead the first section only.
      var charset = "us-ascii"
      var bytes: [UInt8] = []
      for number in parts.keys.sorted() {
        var (text, encoded) = parts[number]!
        if encoded && number == parts.keys.min() {
          let fields = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
          if fields.count == 3 {
            if !fields[0].isEmpty { charset = String(fields[0]) }
            text = String(fields[2])
          }
        }
        bytes += encoded ? Self.percentDecoded(text) : Array(text.utf8)
      }
      plain[name] = Charset.decode(bytes, charset: charset) ?? String(decoding: bytes, as: UTF8.self)
    }
    parameters = plain
  }

  private static func percentDecoded(_ text: String) -> [UInt8] {
    let utf8 = Array(text.utf8)
    var out: [UInt8] = []
    var index = 0
    while index < utf8.count {
      if utf8[index] == 0x25, index + 2 < utf8.count,
        let byte = UInt8(String(decoding: utf8[index + 1...index + 2], as: UTF8.self), radix: 16)
      {
        out.append(byte)
        index += 3
      } else {
        out.append(utf8[index])
        index += 1
      }
    }
    return out
  }

  private static func unescape(_ text: Substring) -> String {
    var out = ""
    var escaped = false
    for character in text {
      if !escaped && character == "\\" {
        escaped = true
        continue
      }
      escaped = false
      out.append(character)
    }
    return out
  }

  /// Splits at `;` outside quotes.
  private static func split(_ text: String) -> [String] {
    var pieces: [String] = []
    var current = ""
    var quoted = false
    var escaped = false
    for character in text {
      if quoted && !escaped && character == "\\" {
        escaped = true
        current.append(character)
        continue
      }
      if character == "\"" && !escaped { quoted.toggle() }
      escaped = false
      if character == ";" && !quoted {
        pieces.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    pieces.append(current)
    return pieces
  }
}

import VaultRecords
import Foundation

/// Decodes RFC 2047 encoded-words (`=?UTF-8?B?…?=`, `=?koi8-r?Q?…?=`, any charset iconv
/// knows: ``Charset``) in a header value.
/// Whitespace between two encoded-words is dropped (RFC 2047 §6.2); a malformed word is left
/// as it was.
enum EncodedWords {
  static func decode(_ value: String) -> String {
    var out = ""
    var pendingSpace = ""
    var lastWasWord = false
    var rest = Substring(value)
    while !rest.isEmpty {
      if rest.hasPrefix("=?"), let (decoded, after) = word(rest) {
        if !lastWasWord { out += pendingSpace }
        pendingSpace = ""
        out += decoded
        lastWasWord = true
        rest = after
        continue
      }
      let character = rest.removeFirst()
      if character == " " || character == "\t" {
        pendingSpace.append(character)
        continue
      }
      out += pendingSpace
      pendingSpace = ""
      out.append(character)
      lastWasWord = false
    }
    return out + pendingSpace
  }

  /// `=?charset?B|Q?text?=` at the start of `text`, decoded, and what follows it.
  private static func word(_ text: Substring) -> (String, Substring)? {
    let inner = text.dropFirst(2)
    let fields = inner.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
    guard fields.count == 3, fields[1].count == 1 else { return nil }
    guard let end = fields[2].range(of: "?=") else { return nil }
    let payload = fields[2][..<end.lowerBound]
    guard !payload.contains(" ") else { return nil }
    var charset = String(fields[0])
    if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }  // RFC 2231 language
    let bytes: [UInt8]
    switch fields[1].uppercased() {
    case "B":
      bytes = TransferEncoding.base64(payload.utf8)
    case "Q":
      let underscored = Array(payload.utf8).map { $0 == 0x5F ? 0x20 : $0 }
      bytes = TransferEncoding.quotedPrintable(underscored)
    default: return nil
    }
    guard let decoded = Charset.decode(bytes, charset: charset) else { return nil }
    return (decoded, fields[2][end.upperBound...])
  }
}

import VaultRecords
import Foundation

/// One MIME entity: unfolded headers and the raw body (RFC 5322 §2.2, RFC 2045, RFC 2046).
/// Just enough MIME to find a message's text: multipart is walked for the first
/// `text/plain` part that is not an attachment.
struct MIMEPart {
  /// Lowercased name and unfolded value, in order.
  var headers: [(name: String, value: String)] = []
  var body: [UInt8] = []
  var hasBody = false

  /// `bytes` use LF line ends (the reader converts CRLF first).
  init(parsing bytes: [UInt8]) throws(ImportFailure) {
    var index = 0
    var lineNumber = 0
    while index < bytes.count {
      let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
      let line = bytes[index..<end]
      index = end + 1
      lineNumber += 1
      if line.isEmpty {
        hasBody = true
        break
      }
      if line.first == 0x20 || line.first == 0x09 {
        guard !headers.isEmpty else {
          throw ImportFailure("line \(lineNumber) continues a header that does not exist")
        }
        headers[headers.count - 1].value += " " + Self.string(line).trimmingCharacters(in: .whitespaces)
        continue
      }
      guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
        line[line.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
      else {
        throw ImportFailure("line \(lineNumber) is not a mail header (is this an email?)")
      }
      headers.append(
        (Self.string(line[line.startIndex..<colon]).lowercased(),
         Self.string(line[(colon + 1)...]).trimmingCharacters(in: .whitespaces)))
    }
    if hasBody, index < bytes.count { body = Array(bytes[index...]) }
  }

  func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

  /// `type/subtype` lowercased and its parameters (names lowercased, quotes removed).
  var contentType: (type: String, parameters: [String: String]) {
    guard let raw = header("content-type") else { return ("text/plain", [:]) }
    let pieces = Self.splitParameters(raw)
    var parameters: [String: String] = [:]
    for piece in pieces.dropFirst() {
      guard let equals = piece.firstIndex(of: "=") else { continue }
      let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast())
      }
      parameters[name] = value
    }
    return (pieces.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? "text/plain", parameters)
  }

  /// The decoded text of the first plain-text part; nil when there is none.
  func plainText() throws(ImportFailure) -> String? {
    let (type, parameters) = contentType
    if type.hasPrefix("multipart/") {
      guard let boundary = parameters["boundary"], !boundary.isEmpty else {
        throw ImportFailure("a multipart message has no boundary")
      }
      for part in Self.split(body, boundary: boundary) {
        if let text = try MIMEPart(parsing: part).plainText() { return text }
      }
      return nil
    }
    guard type == "text/plain" else { return nil }
    if let disposition = header("content-disposition"), disposition.lowercased().hasPrefix("attachment") {
      return nil
    }
    guard hasBody else { throw ImportFailure("the message has no body") }
    let encoding = header("content-transfer-encoding")?.lowercased() ?? "7bit"
    let decoded: [UInt8]
    switch encoding {
    case "base64":
      let cleaned = body.filter { $0 > 0x20 }
      guard let data = Data(base64Encoded: Data(cleaned)) else {
        throw ImportFailure("the message text is not valid base64")
      }
      decoded = Array(data)
    case "quoted-printable": decoded = Self.decodeQuotedPrintable(body)
    case "7bit", "8bit", "binary": decoded = body
    default: throw ImportFailure("the transfer encoding “\(encoding)” is not one letters knows")
    }
    let charset = parameters["charset"] ?? "us-ascii"
    guard let text = Charset.decode(decoded, charset: charset) else {
      throw ImportFailure("the text is not valid \(charset), or letters does not know that charset")
    }
    return text
  }

  // MARK: - Helpers

  static func decodeQuotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (number, rawLine) in lines.enumerated() {
      var line = Array(rawLine)
      while let last = line.last, last == 0x20 || last == 0x09 { line.removeLast() }  // RFC 2045 §6.7 (3)
      var soft = false
      var index = 0
      while index < line.count {
        let byte = line[index]
        if byte == 0x3D {
          if index == line.count - 1 {
            soft = true
            break
          }
          if index + 2 < line.count, let value = UInt8(String(decoding: line[index + 1...index + 2], as: UTF8.self), radix: 16) {
            out.append(value)
            index += 3
            continue
          }
        }
        out.append(byte)
        index += 1
      }
      if !soft && number < lines.count - 1 { out.append(0x0A) }
    }
    return out
  }

  /// The parts between `--boundary` lines (RFC 2046 §5.1.1); the line break before a
  /// delimiter belongs to the delimiter.
  static func split(_ body: [UInt8], boundary: String) -> [[UInt8]] {
    let delimiter = Array("--\(boundary)".utf8)
    var parts: [[UInt8]] = []
    var current: [ArraySlice<UInt8>]?
    for line in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
      var trimmed = line
      while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
      if trimmed.elementsEqual(delimiter) || trimmed.elementsEqual(delimiter + Array("--".utf8)) {
        if let current { parts.append(Array(current.joined(separator: [0x0A]))) }
        current = trimmed.count == delimiter.count ? [] : nil
        if trimmed.count != delimiter.count { break }
        continue
      }
      current?.append(line)
    }
    return parts
  }

  static func splitParameters(_ text: String) -> [String] {
    var pieces: [String] = []
    var current = ""
    var quoted = false
    for character in text {
      if character == "\"" { quoted.toggle() }
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

  static func string(_ bytes: some Collection<UInt8>) -> String {
    String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(UnicodeScalar($0)) })
  }
}

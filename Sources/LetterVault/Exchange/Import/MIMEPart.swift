import VaultRecords
import Foundation

/// One MIME entity of a ``MIMETree``: unfolded headers and where its body lies in the
/// message's bytes (RFC 5322 §2.2, RFC 2045, RFC 2046).
struct MIMEPart {
  /// Lowercased name and unfolded value, in order.
  var headers: [(name: String, value: String)]
  /// The body's bytes in the tree's buffer; empty when the entity has no body.
  var body: Range<Int>
  var hasBody: Bool
  /// Indices of the parts of a multipart, in order.
  var children: [Int] = []
  /// `Content-Type` (RFC 2231 parameters undone), with RFC 2046's defaults.
  let contentType: MIMEParameters

  init(headers: [(name: String, value: String)], body: Range<Int>, hasBody: Bool, inDigest: Bool) {
    self.headers = headers
    self.body = body
    self.hasBody = hasBody
    let raw = headers.first { $0.name == "content-type" }?.value
    let parsed = MIMEParameters(raw ?? "")
    // RFC 2045 §5.2: a missing or malformed type is text/plain; in a digest, message/rfc822
    // (RFC 2046 §5.1.5).
    if parsed.value.contains("/") {
      contentType = parsed
    } else {
      contentType = MIMEParameters(inDigest ? "message/rfc822" : "text/plain; charset=us-ascii")
    }
  }

  func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

  var type: String { contentType.value }

  /// The boundary of a multipart (RFC 2046 §5.1.1), nil for anything else.
  var boundary: [UInt8]? {
    guard type.hasPrefix("multipart/"), let boundary = contentType["boundary"], !boundary.isEmpty else { return nil }
    return Array(boundary.utf8)
  }

  /// `Content-Disposition: attachment` (RFC 2183).
  var isAttachment: Bool {
    guard let disposition = header("content-disposition") else { return false }
    return MIMEParameters(disposition).value == "attachment"
  }

  /// Unfolded headers from `start` up to the blank line (RFC 5322 §2.2.3: a folded line
  /// loses only its line break). A line that is not a header ends them and starts the body,
  /// as mail clients read it; `strict` refuses that on the first line instead (a file that
  /// does not start with a header is not mail). Returns where the body starts.
  static func headers(in bytes: [UInt8], from start: Int, strict: Bool) throws(ImportFailure)
    -> (headers: [(name: String, value: String)], bodyStart: Int, hasBody: Bool)
  {
    var headers: [(name: String, value: String)] = []
    var index = start
    while index < bytes.count {
      let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
      let line = bytes[index..<end]
      if line.isEmpty { return (headers.map(trimmed), end + 1, true) }
      if line.first == 0x20 || line.first == 0x09, !headers.isEmpty {
        headers[headers.count - 1].value += string(line)
        index = end + 1
        continue
      }
      guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
        line[line.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
      else {
        if strict && headers.isEmpty { throw ImportFailure("line 1 is not a mail header (is this an email?)") }
        return (headers.map(trimmed), index, true)
      }
      headers.append((string(line[line.startIndex..<colon]).lowercased(), string(line[(colon + 1)...])))
      index = end + 1
    }
    return (headers.map(trimmed), bytes.count, false)
  }

  private static func trimmed(_ header: (name: String, value: String)) -> (name: String, value: String) {
    (header.name, header.value.trimmingCharacters(in: .whitespaces))
  }

  /// UTF-8 when it is; else each byte as Latin-1, so an 8-bit header is never lost.
  static func string(_ bytes: some Collection<UInt8>) -> String {
    String(validating: bytes, as: UTF8.self) ?? String(String.UnicodeScalarView(bytes.map { UnicodeScalar($0) }))
  }
}

import VaultRecords
import Foundation

/// A whole message's MIME structure, read in ONE pass over its lines (FORMAT.md §19 "Import
/// files"): every open multipart's boundary is kept in a table, and each line that starts
/// with `--` is looked up in it once. Parts are ranges of the one buffer, never copies, so
/// deep nesting costs no more than its bytes (a nested 400 KB message used to be quadratic).
struct MIMETree {
  /// The message with LF line ends.
  let bytes: [UInt8]
  /// `parts[0]` is the message itself.
  private(set) var parts: [MIMEPart] = []

  var root: MIMEPart { parts[0] }

  init(parsing bytes: [UInt8]) throws(ImportFailure) {
    self.bytes = bytes
    let top = try MIMEPart.headers(in: bytes, from: 0, strict: true)
    parts.append(
      MIMEPart(
        headers: top.headers, body: top.bodyStart..<bytes.count, hasBody: top.hasBody, inDigest: false))
    guard top.hasBody, parts[0].boundary != nil else { return }
    try walk(from: top.bodyStart)
  }

  /// An open multipart: its part index, and the leaf whose body is being read.
  private struct Open {
    let part: Int
    let boundary: [UInt8]
  }

  private mutating func walk(from start: Int) throws(ImportFailure) {
    var stack: [Open] = [Open(part: 0, boundary: parts[0].boundary!)]
    var depthOf: [[UInt8]: [Int]] = [parts[0].boundary!: [0]]  // boundary → stack positions
    var leaf: Int?
    var index = start
    func close(_ part: Int, at end: Int) {
      parts[part].body = parts[part].body.lowerBound..<max(parts[part].body.lowerBound, end)
    }
    while index < bytes.count {
      let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
      guard end - index >= 2, bytes[index] == 0x2D, bytes[index + 1] == 0x2D else {
        index = end + 1
        continue
      }
      var stop = end
      while stop > index + 2, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
      let name = Array(bytes[(index + 2)..<stop])
      var closing = false
      var level = depthOf[name]?.last
      if level == nil, name.count >= 2, name.suffix(2) == [0x2D, 0x2D] {
        level = depthOf[Array(name.dropLast(2))]?.last
        closing = level != nil
      }
      guard let level else {
        index = end + 1
        continue
      }
      // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
      let bodyEnd = max(start, index - 1)
      if let open = leaf { close(open, at: bodyEnd) }
      leaf = nil
      while stack.count > level + (closing ? 0 : 1) {
        let done = stack.removeLast()
        close(done.part, at: bodyEnd)
        depthOf[done.boundary]?.removeLast()
        if depthOf[done.boundary]?.isEmpty == true { depthOf[done.boundary] = nil }
      }
      guard !closing else {
        index = end + 1
        continue
      }
      let parent = stack[level].part
      let headers = try MIMEPart.headers(in: bytes, from: end + 1, strict: false)
      let child = MIMEPart(
        headers: headers.headers, body: headers.bodyStart..<bytes.count, hasBody: headers.hasBody,
        inDigest: parts[parent].type == "multipart/digest")
      parts.append(child)
      let number = parts.count - 1
      parts[parent].children.append(number)
      if let boundary = child.boundary {
        stack.append(Open(part: number, boundary: boundary))
        depthOf[boundary, default: []].append(stack.count - 1)
      } else {
        leaf = number
      }
      index = headers.bodyStart
    }
  }

  /// The message's text: the first `text/plain` part that is not an attachment, looking into
  /// multiparts as Python's `email` package's `get_body()` does (`multipart/related`: only
  /// its start part). nil when there is none.
  /// Depth first with a stack of its own, not recursion: a message nested tens of thousands
  /// deep would otherwise overflow the thread's stack.
  func plainTextPart() -> MIMEPart? {
    var pending = [0]
    while let number = pending.popLast() {
      let part = parts[number]
      if part.isAttachment { continue }
      if part.type == "text/plain" { return part }
      guard part.type.hasPrefix("multipart/") else { continue }
      if part.type == "multipart/related" {
        let start = part.contentType["start"]
        let chosen = part.children.first { parts[$0].header("content-id") == start } ?? part.children.first
        if let chosen { pending.append(chosen) }
        continue
      }
      pending += part.children.reversed()
    }
    return nil
  }

  /// True when some part is an attached message (a forward or a digest).
  var holdsMessages: Bool { parts.contains { $0.type == "message/rfc822" } }

  func bodyBytes(_ part: MIMEPart) -> ArraySlice<UInt8> { bytes[part.body] }
}

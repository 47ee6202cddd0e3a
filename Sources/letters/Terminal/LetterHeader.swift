import Foundation

/// The short header above the text in the editor (README "At the terminal"), so the
/// recipient, subject and tags can be typed where `ps` and shell history do not see them:
///
///     To: Dr Hale
///     Subject: Tuesday
///     Tags: therapy, unsent
///
///     Dear …
///
/// As in mutt's `edit_headers`, the header ends at the first blank line. Reading back is
/// lenient: the header is the run of `To:`, `Subject:` and `Tags:` lines (any case) at the very
/// top; the first other line, blank or not, starts the text, so deleting the header keeps
/// the values given as flags, and a letter typed right under `Tags:` loses nothing.
struct LetterHeader: Equatable {
  var to: String
  var subject: String
  /// Nil for `jot`, whose sealed capture has no tags (FORMAT.md §6.5): no Tags line then.
  var tags: [String]?

  /// The header, a blank line, then `body`.
  func compose(body: [UInt8]) -> [UInt8] {
    var text = "To: \(Self.oneLine(to))\nSubject: \(Self.oneLine(subject))\n"
    if let tags { text += "Tags: \(tags.map(Self.oneLine).joined(separator: ", "))\n" }
    return Array((text + "\n").utf8) + body
  }

  /// The header read back from the editor's text, and the text after it. Lines missing from
  /// the header keep the values of `self`.
  func parse(_ saved: [UInt8]) -> (header: LetterHeader, body: [UInt8]) {
    var header = self
    var start = saved.startIndex
    while start < saved.endIndex {
      let end = saved[start...].firstIndex(of: 0x0A) ?? saved.endIndex
      var line = saved[start..<end]
      if line.last == 0x0D { line = line.dropLast() }
      let next = end < saved.endIndex ? end + 1 : end
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        if start != saved.startIndex { start = next }  // the blank line that ends the header
        break
      }
      guard let (name, value) = Self.field(line), name != "tags" || tags != nil else { break }
      switch name {
      case "to": header.to = value
      case "subject": header.subject = value
      default: header.tags = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      }
      start = next
    }
    return (header, Array(saved[start...]))
  }

  /// `name: value` for the three names, else nil.
  private static func field(_ line: ArraySlice<UInt8>) -> (String, String)? {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let name = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
      .lowercased()
    guard ["to", "subject", "tags"].contains(name) else { return nil }
    let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
      .trimmingCharacters(in: .whitespaces)
    return (name, value)
  }

  /// A value on one line: a newline in a flag's value would end the header early.
  private static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}

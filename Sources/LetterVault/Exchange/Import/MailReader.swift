import VaultRecords
import Foundation

/// A `.eml` message, or each message of an mbox (FORMAT.md §19 "Import").
///
/// The recipient is the first `To:` display name (else its address), the subject and names
/// are RFC 2047-decoded, the date is `Date:` (else the file's time), and the text is the first
/// `text/plain` part, decoded from quoted-printable or base64 and its charset. The state is
/// `X-Letters-State` when letters wrote the file, draft for `X-Unsent: 1`, else held: an
/// imported message is never claimed to be sent, and never frozen, unless it says so.
struct MailReader {
  let dates: ImportDates

  func read(_ raw: [UInt8], modified: Date) throws(ImportFailure) -> ImportedLetter {
    let part = try MIMEPart(parsing: Self.unixNewlines(raw))
    guard !part.headers.isEmpty else { throw ImportFailure("it has no mail headers (is this an email?)") }
    guard part.hasBody, part.body.contains(where: { $0 > 0x20 }) else {
      throw ImportFailure("the message has no body")
    }
    guard let text = try part.plainText() else {
      throw ImportFailure("the message has no plain-text part (letters does not import HTML-only mail)")
    }
    var letter = ImportedLetter(created: modified, body: text, datedBySource: false)
    letter.subject = EncodedWords.decode(part.header("subject") ?? "")
    letter.recipient = Self.recipientName(part.header("to") ?? "")
    if let rawDate = part.header("date") {
      guard let date = dates.parseMail(rawDate) else {
        throw ImportFailure("its Date header “\(rawDate)” is not a date letters can read")
      }
      letter.created = date
      letter.updated = date
      letter.datedBySource = true
    }
    if let state = part.header("x-letters-state").flatMap(LetterState.init(name:)) {
      letter.state = state
    } else if part.header("x-unsent") == "1" {
      letter.state = .draft
    }
    if letter.state == .sent { letter.sentAt = letter.created }
    if let id = part.header("x-letters-id").flatMap(LetterID.init(hex:)) { letter.sourceID = id }
    return letter
  }

  /// The first mailbox of a `To:` value: its display name, else its address; a group
  /// (`Dr. Hale:;`) gives its name.
  static func recipientName(_ raw: String) -> String {
    // Walk the first mailbox, noting where an unquoted "<" or ":" starts.
    var phrase = ""
    var quoted = false
    var escaped = false
    var address: String?
    for character in raw {
      if escaped {
        phrase.append(character)
        escaped = false
        continue
      }
      if quoted {
        if character == "\\" { escaped = true } else if character == "\"" { quoted = false } else {
          phrase.append(character)
        }
        continue
      }
      if address != nil {
        if character == ">" { break }
        address!.append(character)
        continue
      }
      switch character {
      case "\"": quoted = true
      case "<": address = ""
      case ":", ",": return EncodedWords.decode(phrase.trimmingCharacters(in: .whitespaces))
      default: phrase.append(character)
      }
    }
    let name = EncodedWords.decode(phrase.trimmingCharacters(in: .whitespaces))
    if let address, name.isEmpty { return address.trimmingCharacters(in: .whitespaces) }
    return name
  }

  /// An mbox (first line `From `) split into messages, mboxrd `>From ` quoting undone;
  /// anything else is one message.
  static func splitMailbox(_ bytes: [UInt8]) -> [[UInt8]] {
    guard bytes.starts(with: Array("From ".utf8)) else { return bytes.isEmpty ? [] : [bytes] }
    var messages: [[UInt8]] = []
    var lines: [ArraySlice<UInt8>]?
    func finish() {
      // The one blank line before the next `From ` line separates messages; it is not text.
      guard var done = lines else { return }
      if let last = done.last, last.isEmpty || last == [0x0D] { done.removeLast() }
      messages.append(Array(done.joined(separator: [0x0A])) + [0x0A])
    }
    var previousBlank = true
    let content = bytes.last == 0x0A ? bytes.dropLast() : bytes[...]
    for line in content.split(separator: 0x0A, omittingEmptySubsequences: false) {
      if previousBlank && line.starts(with: Array("From ".utf8)) {
        finish()
        lines = []
        previousBlank = false
        continue
      }
      var kept = line
      if kept.first == 0x3E, kept.drop(while: { $0 == 0x3E }).starts(with: Array("From ".utf8)) {
        kept = kept.dropFirst()
      }
      lines?.append(kept)
      previousBlank = line.isEmpty || line == [0x0D]
    }
    finish()
    return messages
  }

  static func unixNewlines(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for (index, byte) in bytes.enumerated() {
      if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
      out.append(byte)
    }
    return out
  }
}

extension LetterID {
  /// A full 32-character hex id, as exports write it.
  init?(hex: String) {
    let digits = Array(hex.lowercased().utf8)
    guard digits.count == 2 * FormatConstant.idByteCount, Hex.isHex(hex) else { return nil }
    var bytes: [UInt8] = []
    for index in stride(from: 0, to: digits.count, by: 2) {
      guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)
      else { return nil }
      bytes.append(byte)
    }
    self.init(bytes: bytes)
  }
}

import VaultRecords
import Foundation

/// One mail message: a `.eml`, a Maildir file, or one message of an mbox (FORMAT.md §19
/// "Import files").
///
/// The recipient is the first `To:` display name (else its address), the subject and names
/// are RFC 2047-decoded, the date is `Date:` read as ``MailDate`` (else the mbox `From ` line's
/// date, else the file's time, with a note), and the text is the first `text/plain` part, as
/// ``MIMETree/plainTextPart()`` finds it, decoded from its transfer encoding and charset. The
/// state is `X-Letters-State` when letters wrote the file, draft for `X-Unsent: 1`, else held:
/// an imported message is never claimed to be sent, and never frozen, unless it says so.
struct MailReader {
  let dates: ImportDates

  struct Reading {
    var letter: ImportedLetter
    var notes: [ImportNote.Fact] = []
  }

  func read(_ raw: [UInt8], modified: Date, separatorDate: MailDate? = nil) throws(ImportFailure) -> Reading {
    let tree = try MIMETree(parsing: Self.unixNewlines(raw))
    let message = tree.root
    guard !message.headers.isEmpty else { throw ImportFailure("it has no mail headers (is this an email?)") }
    guard message.hasBody, tree.bodyBytes(message).contains(where: { $0 > 0x20 }) else {
      throw ImportFailure("the message has no body")
    }
    guard let part = tree.plainTextPart() else {
      if tree.holdsMessages {
        throw ImportFailure("the message only carries other messages (a forward or a digest), with no text of its own")
      }
      throw ImportFailure("the message has no plain-text part (letters does not import HTML-only mail)")
    }
    let text = try Self.text(of: part, in: tree)
    var reading = Reading(letter: ImportedLetter(created: modified, body: text, datedBySource: false))
    reading.letter.subject = EncodedWords.decode(message.header("subject") ?? "")
    reading.letter.recipient = Self.recipientName(message.header("to") ?? "")
    let stated = message.header("date").flatMap(MailDate.init)
    if let date = stated ?? separatorDate {
      reading.letter.created = date.date
      reading.letter.updated = date.date
      reading.letter.datedBySource = true
      if let zone = date.unknownZone { reading.notes.append(.zoneUnknown(zone)) }
    }
    if let raw = message.header("date"), stated == nil {
      reading.notes.append(.dateUnreadable(raw: raw, used: separatorDate == nil ? .fileTime : .mailboxLine))
    }
    if let state = message.header("x-letters-state").flatMap(LetterState.init(name:)) {
      reading.letter.state = state
    } else if message.header("x-unsent") == "1" {
      reading.letter.state = .draft
    }
    try LetterHeaders.apply(message, to: &reading.letter, dates: dates)
    if reading.letter.state == .sent { reading.letter.sentAt = reading.letter.created }
    if let id = message.header("x-letters-id").flatMap(LetterID.init(hex:)) { reading.letter.sourceID = id }
    return reading
  }

  /// A text part's words: transfer encoding, then charset (`us-ascii` when none is named).
  static func text(of part: MIMEPart, in tree: MIMETree) throws(ImportFailure) -> String {
    let bytes = TransferEncoding.decode(tree.bodyBytes(part), encoding: part.header("content-transfer-encoding"))
    let charset = part.contentType["charset"] ?? "us-ascii"
    switch Charset.decodeChecked(bytes, charset: charset) {
    case .success(let text): return text
    case .failure(.unknown): throw ImportFailure("its text is in the character set “\(charset)”, which this system cannot convert")
    case .failure(.invalid): throw ImportFailure("its text is not valid \(charset)")
    }
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
    if address == nil {
      // A bare address: `someone@example.org (Some One)` is the address; the comment is not
      // a name (RFC 5322 §3.4, §3.2.2), as mail clients read it.
      return Self.withoutComments(phrase).trimmingCharacters(in: .whitespaces)
    }
    let name = EncodedWords.decode(phrase.trimmingCharacters(in: .whitespaces))
    if let address, name.isEmpty { return address.trimmingCharacters(in: .whitespaces) }
    return name
  }

  private static func withoutComments(_ text: String) -> String {
    var out = ""
    var depth = 0
    for character in text {
      if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 {
        out.append(character)
      }
    }
    return out
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

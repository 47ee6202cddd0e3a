import VaultRecords
import Foundation

/// `--format eml`: one letter is one RFC 5322 message with CRLF line ends; several letters are
/// an mboxrd mailbox (LF line ends, a `From ` line before each message), which mail clients
/// import as a folder (FORMAT.md §19 "eml").
struct MailRenderer {
  let dates: ExportDates

  /// Used when no sender address is configured (`letters delivery set --from`).
  static let placeholderSender = "letters@localhost.invalid"

  /// One letter as a message of its own, with CRLF line ends.
  func single(_ exported: ExportedLetter, from: String) -> [UInt8] {
    message(exported, from: from).rendered(lineEnding: "\r\n", timeZone: dates.timeZone)
  }

  /// One letter of an mboxrd mailbox: its `From ` line, the message, a blank line.
  func mailboxEntry(_ exported: ExportedLetter, from: String) -> [UInt8] {
    let message = message(exported, from: from)
    var out = Array("From \(message.from.address) \(Self.asctime(message.date))\n".utf8)
    out += message.rendered(lineEnding: "\n", timeZone: dates.timeZone)
    if out.last != 0x0A { out.append(0x0A) }
    out.append(0x0A)
    return out
  }

  func message(_ exported: ExportedLetter, from: String) -> MailMessage {
    let summary = exported.letter.summary
    var extra = [("X-Letters-Id", summary.id.description), ("X-Letters-State", summary.state.description)]
    // Mail clients open a message marked unsent as a draft, ready to edit and send.
    if summary.state != .sent { extra.append(("X-Unsent", "1")) }
    extra += LetterHeaderWriter.headers(tags: summary.tags, reviewOn: summary.reviewOn, notes: exported.notes)
    return MailMessage(
      from: MailAddress(name: "", address: from.isEmpty ? Self.placeholderSender : from),
      to: MailAddress(name: summary.recipient, address: exported.email),
      subject: summary.subject, date: summary.sentAt ?? summary.created,
      messageID: "\(summary.id)@letters.invalid", body: exported.letter.body, extraHeaders: extra)
  }

  /// The date of an mbox `From ` line: asctime in UTC ("Sun May  3 22:14:00 2026").
  static func asctime(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE MMM"
    let head = formatter.string(from: date)
    formatter.dateFormat = "d"
    let day = formatter.string(from: date)
    formatter.dateFormat = "HH:mm:ss yyyy"
    return "\(head) \(day.count == 1 ? " " + day : day) \(formatter.string(from: date))"
  }
}

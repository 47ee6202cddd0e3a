import VaultRecords
import Foundation

/// An RFC 5322 message with one MIME text part, as piped to a sendmail-compatible command or
/// saved as `.eml`. The body is transferred so the receiver decodes exactly the letter's
/// bytes: quoted-printable, or base64 when the text holds carriage returns.
public struct MailMessage: Sendable, Equatable {
  /// `From:`.
  public var from: MailAddress
  /// `To:`.
  public var to: MailAddress
  /// `Subject:`, RFC 2047-encoded when not plain ASCII.
  public var subject: String
  /// `Date:`.
  public var date: Date
  /// `Message-ID:` without angle brackets.
  public var messageID: String
  /// The letter's text.
  public var body: String
  /// Further header lines (name, plain ASCII value, lines folded with "\n ").
  public var extraHeaders: [(String, String)]

  /// Creates a message.
  public init(
    from: MailAddress, to: MailAddress, subject: String, date: Date, messageID: String,
    body: String, extraHeaders: [(String, String)] = []
  ) {
    self.from = from
    self.to = to
    self.subject = subject
    self.date = date
    self.messageID = messageID
    self.body = body
    self.extraHeaders = extraHeaders
  }

  /// The message bytes. `lineEnding` is "\r\n" for a file (RFC 5322's canonical form) and
  /// "\n" for a local sendmail pipe, which expects the platform's line ends.
  public func rendered(lineEnding: String = "\r\n", timeZone: TimeZone = .current) -> [UInt8] {
    let eol = lineEnding
    var head = ""
    // With no sender at all, the mail command fills in its own (msmtp's `from`, sendmail's user).
    if !from.name.isEmpty || !from.address.isEmpty {
      head += "From: \(from.headerValue(lineEnding: eol))\(eol)"
    }
    // A letter to nobody has no To: (an export of it is a draft; a delivery always has one).
    if !to.name.isEmpty || !to.address.isEmpty { head += "To: \(to.headerValue(lineEnding: eol))\(eol)" }
    head += "Subject: \(MailEncoding.headerText(subject, lineEnding: eol))\(eol)"
    head += "Date: \(Self.rfc5322Date(date, timeZone: timeZone))\(eol)"
    head += "Message-ID: <\(messageID)>\(eol)"
    head += "MIME-Version: 1.0\(eol)"
    head += "Content-Type: text/plain; charset=utf-8\(eol)"
    let bytes = Array(body.utf8)
    let encodedBody: String
    if bytes.contains(0x0D) {
      head += "Content-Transfer-Encoding: base64\(eol)"
      encodedBody = MailEncoding.base64Lines(bytes, lineEnding: eol)
    } else {
      head += "Content-Transfer-Encoding: quoted-printable\(eol)"
      encodedBody = MailEncoding.quotedPrintable(bytes, lineEnding: eol)
    }
    // A value may be folded with "\n " (RFC 5322 §2.2.3); each line must be plain.
    for (name, value) in extraHeaders
    where value.split(separator: "\n").allSatisfy({ MailEncoding.isPlainHeaderText(String($0)) }) {
      head += "\(name): \(value.replacingOccurrences(of: "\n", with: eol))\(eol)"
    }
    return Array((head + eol + encodedBody).utf8)
  }

  /// "Sun, 03 May 2026 22:14:00 +0200".
  static func rfc5322Date(_ date: Date, timeZone: TimeZone) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    return formatter.string(from: date)
  }

  /// Two messages are equal when they render to the same bytes.
  public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
    lhs.rendered(timeZone: TimeZone(identifier: "UTC")!)
      == rhs.rendered(timeZone: TimeZone(identifier: "UTC")!)
  }
}

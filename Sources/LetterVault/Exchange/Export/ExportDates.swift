import VaultRecords
import Foundation

/// How exported dates read: "3 May 2026 22:14" for people, ISO 8601 with offset for JSON.
/// Both in one time zone, given by the caller (the user's local zone on the command line).
struct ExportDates {
  let timeZone: TimeZone
  private let humanFormatter: DateFormatter
  private let isoFormatter: ISO8601DateFormatter

  init(timeZone: TimeZone) {
    self.timeZone = timeZone
    humanFormatter = DateFormatter()
    humanFormatter.locale = Locale(identifier: "en_US_POSIX")
    humanFormatter.timeZone = timeZone
    humanFormatter.dateFormat = "d MMM yyyy HH:mm"
    isoFormatter = ISO8601DateFormatter()
    isoFormatter.timeZone = timeZone
    // Milliseconds are the stored unit (FORMAT.md §6), so a JSON round trip is exact.
    isoFormatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
  }

  func human(_ date: Date) -> String { humanFormatter.string(from: date) }

  func iso(_ date: Date) -> String { isoFormatter.string(from: date) }

  func parseISO(_ text: String) -> Date? {
    if let date = isoFormatter.date(from: text) { return date }
    let plain = ISO8601DateFormatter()
    plain.formatOptions = [.withInternetDateTime]
    return plain.date(from: text)
  }

  /// "DRAFT, not sent", "HELD", "HELD, may be sent from 4 May 2026 09:10",
  /// "SENT 3 May 2026 22:14" (README "Copies out, letters in, delivery").
  func stateLabel(_ summary: LetterSummary) -> String {
    switch summary.state {
    case .draft: return "DRAFT, not sent"
    case .held:
      if let release = summary.releaseAt { return "HELD, may be sent from \(human(release))" }
      return "HELD"
    case .sent:
      guard let sent = summary.sentAt else { return "SENT" }
      return "SENT \(human(sent))"
    }
  }

  /// A heading for a letter: its subject, else who it is to.
  static func title(_ summary: LetterSummary) -> String {
    if !summary.subject.isEmpty { return summary.subject }
    if !summary.recipient.isEmpty { return "To \(summary.recipient)" }
    return "Untitled letter"
  }
}

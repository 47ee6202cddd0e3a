import VaultRecords
import Foundation

/// How exported dates read: "3 May 2026 22:14" for people, ISO 8601 with offset for JSON.
/// Both in one time zone, given by the caller (the user's local zone on the command line).
///
/// An export writes three to six dates per letter, so both are written here from the zone's
/// offset and calendar arithmetic (`DateDigits`) rather than by the formatters, which cost
/// more than the rest of a letter (docs/PERFORMANCE.md); dates outside 1900–9999 and offsets
/// that are not whole minutes still go to the formatters.
struct ExportDates {
  let timeZone: TimeZone
  private let humanFormatter: DateFormatter
  private let isoFormatter: ISO8601DateFormatter
  private let months: [[UInt8]]

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
    months = humanFormatter.shortMonthSymbols.map { Array($0.utf8) }
  }

  func human(_ date: Date) -> String {
    var bytes: [UInt8] = []
    appendHuman(date, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// ``human(_:)`` as UTF-8 bytes.
  func appendHuman(_ date: Date, to bytes: inout [UInt8]) {
    // Rounded to the millisecond first, as the formatter does.
    let seconds = ((date.timeIntervalSince1970 * 1000 + 0.5).rounded(.down) / 1000).rounded(.down)
    let offset = timeZone.secondsFromGMT(for: date)
    guard months.count == 12, let local = DateDigits(seconds: seconds, offset: offset) else {
      return bytes.append(contentsOf: humanFormatter.string(from: date).utf8)
    }
    DateDigits.number(local.day, to: &bytes)
    bytes.append(0x20)
    bytes.append(contentsOf: months[local.month - 1])
    bytes.append(0x20)
    DateDigits.number(local.year, to: &bytes)
    bytes.append(0x20)
    DateDigits.two(local.hour, to: &bytes)
    bytes.append(0x3A)
    DateDigits.two(local.minute, to: &bytes)
  }

  func iso(_ date: Date) -> String {
    var bytes: [UInt8] = []
    appendISO(date, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// ``iso(_:)`` as UTF-8 bytes: "2026-05-03T22:14:05.120+02:00", "…Z" in UTC.
  func appendISO(_ date: Date, to bytes: inout [UInt8]) {
    // Rounded to the millisecond, halves up (as the formatter rounds), then split.
    let milliseconds = (date.timeIntervalSince1970 * 1000 + 0.5).rounded(.down)
    let seconds = (milliseconds / 1000).rounded(.down)
    let fraction = Int(milliseconds - seconds * 1000)
    let offset = timeZone.secondsFromGMT(for: date)
    guard seconds.magnitude < 1e12, let local = DateDigits(seconds: seconds, offset: offset) else {
      return bytes.append(contentsOf: isoFormatter.string(from: date).utf8)
    }
    DateDigits.number(local.year, to: &bytes)
    bytes.append(0x2D)
    DateDigits.two(local.month, to: &bytes)
    bytes.append(0x2D)
    DateDigits.two(local.day, to: &bytes)
    bytes.append(0x54)
    DateDigits.two(local.hour, to: &bytes)
    bytes.append(0x3A)
    DateDigits.two(local.minute, to: &bytes)
    bytes.append(0x3A)
    DateDigits.two(local.second, to: &bytes)
    bytes.append(0x2E)
    bytes.append(0x30 + UInt8(fraction / 100))
    DateDigits.two(fraction % 100, to: &bytes)
    if offset == 0 { return bytes.append(0x5A) }
    let minutes = abs(offset) / 60
    bytes.append(offset < 0 ? 0x2D : 0x2B)
    DateDigits.two(minutes / 60, to: &bytes)
    bytes.append(0x3A)
    DateDigits.two(minutes % 60, to: &bytes)
  }

  /// An ISO 8601 time as export writes it; for the importers, so the text is checked as
  /// ImportDates checks every date first (ICU must never see an endless run of digits).
  func parseISO(_ text: String) -> Date? {
    guard ImportDates.isPlainDate(text) else { return nil }
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

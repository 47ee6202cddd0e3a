import VaultRecords
import Foundation

/// Dates as files write them: ISO 8601 with or without a zone, `2026-05-03 22:14`, a bare
/// day (mail dates are ``MailDate``). Zone-less dates are read in the importer's zone.
struct ImportDates {
  let timeZone: TimeZone

  func parse(_ raw: String) -> Date? {
    let text = raw.trimmingCharacters(in: .whitespaces)
    guard Self.isPlainDate(text) else { return nil }
    let iso = ISO8601DateFormatter()
    for options: ISO8601DateFormatter.Options in [
      [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime],
    ] {
      iso.formatOptions = options
      if let date = iso.date(from: text) { return date }
    }
    return local(text, formats: [
      "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
      "yyyy-MM-dd",
    ])
  }

  /// jrnl writes `"date": "2020-01-01", "time": "09:00"` in local time.
  func parse(day: String, time: String) -> Date? {
    local("\(day) \(time)", formats: ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"])
  }

  /// Short ASCII made of letters, digits, space and `+ - : . /`, with at most nine digits in
  /// a row (a fraction to the nanosecond): all any date format here can match, and nothing
  /// that trips Foundation's parser. Every text goes through this before any formatter: ICU
  /// divided by zero (SIGFPE) on a fraction of dozens of digits, which an imported file can
  /// hold (`ImportDateDigitsTests`, found by the `importers` fuzz target).
  static func isPlainDate(_ text: String) -> Bool {
    var digits = 0
    return text.utf8.count <= 64
      && text.utf8.allSatisfy { byte in
        digits = (0x30...0x39).contains(byte) ? digits + 1 : 0
        return digits <= 9
          && ((0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || [0x20, 0x2B, 0x2D, 0x3A, 0x2E, 0x2F].contains(byte))
      }
  }

  private func local(_ text: String, formats: [String]) -> Date? {
    guard Self.isPlainDate(text) else { return nil }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.isLenient = false
    for format in formats {
      formatter.dateFormat = format
      if let date = formatter.date(from: text), formatter.string(from: date) == text { return date }
    }
    return nil
  }
}

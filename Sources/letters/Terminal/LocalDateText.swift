import Foundation

/// "3 May 2026 22:14" in local time, without ICU per call.
///
/// `letters list` prints one date per letter; `DateFormatter.string(from:)` cost ~2 µs each,
/// an eighth of a 10,000-letter list (docs/PERFORMANCE.md). The time zone offset comes from
/// the C library for each date (`localtime_r`, so DST is right: the same TZ variable and
/// /etc/localtime Foundation reads; Foundation's `TimeZone.current` cost ~0.3 ms of every
/// command, which prints "unlocked until 22:14"); the calendar arithmetic and the month
/// names (checked against the same en_GB formatter) are done here. Dates outside 1900–9999
/// go to the formatter, where the Gregorian/Julian switch and far years are its business.
enum LocalDateText {
  /// en_GB's short month names, written out: asking the formatter for them loaded ICU, ~1 ms
  /// of every `list` and `show` (docs/PERFORMANCE.md). `LocalDateTextTests` checks them
  /// against the formatter.
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// ``months`` as UTF-8 bytes, for ``append(_:to:)``: appending a string's UTF-8 view went
  /// through the general sequence path for every line.
  private static let monthBytes = months.map { Array($0.utf8) }

  /// en_GB's weekday names from Sunday, as the formatter's "EEEE" writes them.
  static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

  nonisolated(unsafe) static let formatter: DateFormatter = {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.dateFormat = "d MMM yyyy HH:mm"
    return formatter
  }()

  static func string(from date: Date) -> String {
    guard let parts = parts(of: date) else { return formatter.string(from: date) }
    return "\(parts.day) \(months[parts.month - 1]) \(parts.year) \(parts.hour < 10 ? "0" : "")\(parts.hour):\(parts.minute < 10 ? "0" : "")\(parts.minute)"
  }

  /// "22:14" in local time (the unlock window's end), as the formatter's "HH:mm" gives it.
  static func hourMinute(_ date: Date) -> String {
    guard let parts = parts(of: date) else {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_GB")
      formatter.dateFormat = "HH:mm"
      return formatter.string(from: date)
    }
    return "\(parts.hour < 10 ? "0" : "")\(parts.hour):\(parts.minute < 10 ? "0" : "")\(parts.minute)"
  }

  /// The same text as ``string(from:)``, appended as UTF-8 bytes (`list`'s lines, ListLines.swift).
  static func append(_ date: Date, to bytes: inout [UInt8]) {
    guard let parts = parts(of: date) else { return bytes.append(contentsOf: formatter.string(from: date).utf8) }
    appendNumber(parts.day, to: &bytes)
    bytes.append(0x20)
    bytes += monthBytes[parts.month - 1]
    bytes.append(0x20)
    appendNumber(parts.year, to: &bytes)
    bytes.append(0x20)
    bytes.append(0x30 + UInt8(parts.hour / 10))
    bytes.append(0x30 + UInt8(parts.hour % 10))
    bytes.append(0x3A)
    bytes.append(0x30 + UInt8(parts.minute / 10))
    bytes.append(0x30 + UInt8(parts.minute % 10))
  }

  /// The local calendar day of `date` as days since 1970-01-01, or nil outside 1900–9999.
  static func localDay(of date: Date) -> Int? {
    local(date)?.days
  }

  /// The weekday name of a day counted as ``localDay(of:)`` counts it (1970-01-01 was a Thursday).
  static func weekday(ofDay day: Int) -> String {
    weekdays[((day % 7) + 11) % 7]
  }

  /// A positive number's decimal digits.
  private static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
    if number >= 10 { appendNumber(number / 10, to: &bytes) }
    bytes.append(0x30 + UInt8(number % 10))
  }

  /// Local calendar date and time to the minute, or nil outside 1900–9999 (the formatter's).
  private static func parts(of date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int)? {
    guard let (days, seconds) = local(date) else { return nil }
    let (year, month, day) = civil(fromDays: days)
    return (year, month, day, seconds / 3600, seconds % 3600 / 60)
  }

  /// Local days since 1970-01-01 and seconds into that day, or nil outside 1900–9999.
  private static func local(_ date: Date) -> (days: Int, seconds: Int)? {
    let interval = date.timeIntervalSince1970.rounded(.down)
    guard interval > -2_208_988_800, interval < 253_402_300_800 else { return nil }
    let local = Int(interval) + offsetFromUTC(at: Int(interval))
    var days = local / 86_400
    var seconds = local % 86_400
    if seconds < 0 {
      seconds += 86_400
      days -= 1
    }
    return (days, seconds)
  }

  /// Seconds east of UTC at `seconds` after 1970 in the process's zone (`LocalDateTextTests`
  /// and `LocalTimeZoneTests` check it against Foundation's).
  private static func offsetFromUTC(at seconds: Int) -> Int {
    var time = time_t(seconds)
    var parts = tm()
    guard localtime_r(&time, &parts) != nil else {
      return TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }
    return parts.tm_gmtoff
  }

  /// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `civil_from_days`).
  static func civil(fromDays z: Int) -> (year: Int, month: Int, day: Int) {
    let z = z + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

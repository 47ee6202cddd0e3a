import Foundation

/// "2026-05-03T22:14:05+02:00" (UTC: "…Z"), as `ISO8601DateFormatter` with
/// `.withInternetDateTime` in the current time zone writes it, without ICU per call: JSON
/// output formats two or more dates per letter (docs/PERFORMANCE.md). The offset still comes
/// from Foundation for each date; the calendar arithmetic is `LocalDateText.civil`. Dates
/// outside 1900–9999, and offsets that are not whole minutes, go to the formatter.
enum ISODateText {
  nonisolated(unsafe) private static let current = TimeZone.current

  nonisolated(unsafe) static let formatter: ISO8601DateFormatter = {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = .current
    return formatter
  }()

  /// `zone` is for tests; the commands use the current one.
  static func string(from date: Date, in zone: TimeZone? = nil) -> String {
    let zone = zone ?? current
    // The formatter rounds to the millisecond first, then drops the milliseconds.
    let interval = ((date.timeIntervalSince1970 * 1000).rounded() / 1000).rounded(.down)
    let offset = zone.secondsFromGMT(for: date)
    guard interval > -2_208_988_800, interval < 253_402_300_800, offset % 60 == 0 else {
      if zone == current { return formatter.string(from: date) }
      let other = ISO8601DateFormatter()
      other.formatOptions = [.withInternetDateTime]
      other.timeZone = zone
      return other.string(from: date)
    }
    let local = Int(interval) + offset
    var days = local / 86_400
    var seconds = local % 86_400
    if seconds < 0 {
      seconds += 86_400
      days -= 1
    }
    let (year, month, day) = LocalDateText.civil(fromDays: days)
    var text = "\(year)-\(two(month))-\(two(day))"
    text += "T\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))"
    if offset == 0 {
      text += "Z"
    } else {
      let minutes = abs(offset) / 60
      text += "\(offset < 0 ? "-" : "+")\(two(minutes / 60)):\(two(minutes % 60))"
    }
    return text
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

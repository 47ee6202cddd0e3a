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
    var bytes: [UInt8] = []
    append(date, to: &bytes, in: zone)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The same text as ``string(from:in:)``, appended as UTF-8 bytes: `list --json` writes two
  /// to four dates per letter, and building each as a `String` was a tenth of it
  /// (docs/PERFORMANCE.md, round 5).
  static func append(_ date: Date, to out: inout [UInt8], in zone: TimeZone? = nil) {
    let zone = zone ?? current
    // The formatter rounds to the millisecond first, then drops the milliseconds.
    let interval = ((date.timeIntervalSince1970 * 1000).rounded() / 1000).rounded(.down)
    let offset = zone.secondsFromGMT(for: date)
    guard interval > -2_208_988_800, interval < 253_402_300_800, offset % 60 == 0 else {
      if zone == current { return out += Array(formatter.string(from: date).utf8) }
      let other = ISO8601DateFormatter()
      other.formatOptions = [.withInternetDateTime]
      other.timeZone = zone
      return out += Array(other.string(from: date).utf8)
    }
    let local = Int(interval) + offset
    var days = local / 86_400
    var seconds = local % 86_400
    if seconds < 0 {
      seconds += 86_400
      days -= 1
    }
    let (year, month, day) = LocalDateText.civil(fromDays: days)
    // Written into 25 bytes on the stack and appended once: an append per digit pair was a
    // quarter of this function in `list --json` (docs/PERFORMANCE.md, round 9).
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 25) { text in
      var at = 0
      func two(_ value: Int) {
        text[at] = 0x30 + UInt8(value / 10)
        text[at + 1] = 0x30 + UInt8(value % 10)
        at += 2
      }
      func byte(_ value: UInt8) {
        text[at] = value
        at += 1
      }
      // 1900–9999: always four digits.
      two(year / 100)
      two(year % 100)
      byte(0x2D)
      two(month)
      byte(0x2D)
      two(day)
      byte(0x54)
      two(seconds / 3600)
      byte(0x3A)
      two(seconds % 3600 / 60)
      byte(0x3A)
      two(seconds % 60)
      if offset == 0 {
        byte(0x5A)
      } else {
        let minutes = abs(offset) / 60
        byte(offset < 0 ? 0x2D : 0x2B)
        two(minutes / 60)
        byte(0x3A)
        two(minutes % 60)
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: text[0..<at]))
    }
  }
}

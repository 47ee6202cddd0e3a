import Foundation

/// The dates messages give as examples, made from today and from what was typed, so that an
/// example is never already past and never a reading the person did not mean. Found at a real
/// terminal: "write it as 2026-05-03" for "31/12", and a review prompt that offered a date
/// like 2026-05-03 and then refused that very date as past.
enum DateExample {
  /// Today plus `days`, as year-month-day in local time.
  static func iso(daysFromToday days: Int, now: Date = Date()) -> String {
    let (year, month, day) = LocalDateText.civil(fromDays: today(now) + days)
    return iso(year, month, day)
  }

  /// Today as days since 1970-01-01, local time.
  private static func today(_ now: Date) -> Int {
    LocalDateText.localDay(of: now) ?? Int(now.timeIntervalSince1970 / 86_400)
  }

  /// The year-month-day forms a date written with slashes can mean: "31/12" → 2026-12-31
  /// (this year), "03/04/2026" → 2026-03-04 and 2026-04-03, "2026/12/31" → 2026-12-31.
  /// Empty when no part reads as a date.
  static func readings(of text: String, now: Date = Date()) -> [String] {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/").map { Int($0) }
    guard (2...3).contains(parts.count), let first = parts[0], let second = parts[1] else { return [] }
    let thisYear = LocalDateText.civil(fromDays: today(now)).year
    if parts.count == 3, text.split(separator: "/")[0].count == 4 {
      guard let day = parts[2] else { return [] }
      return valid(first, second, day) ? [iso(first, second, day)] : []
    }
    var year = thisYear
    if parts.count == 3 {
      guard let given = parts[2] else { return [] }
      year = given < 100 ? 2000 + given : given
    }
    var readings: [String] = []
    for (month, day) in [(second, first), (first, second)] where valid(year, month, day) {
      let reading = iso(year, month, day)
      if !readings.contains(reading) { readings.append(reading) }
    }
    return readings
  }

  private static func valid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
    let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (1...9999).contains(year) && (1...12).contains(month) && (1...lengths[month - 1]).contains(day)
  }

  private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }
}

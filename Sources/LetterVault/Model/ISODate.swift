import VaultRecords
import Foundation

/// `2026-05-03`, `2026-05-03T22:14`, `2026-05-03 22:14[:05]` in a given zone, validated
/// strictly (2026-02-30 is refused, not rolled over).
enum ISODate {
  static func parse(_ text: String, timeZone: TimeZone) -> (date: Date, hasTime: Bool)? {
    let normalized = text.replacingOccurrences(of: "t", with: " ")
    let parts = normalized.split(separator: " ")
    guard parts.count == 1 || parts.count == 2 else { return nil }
    let day = parts[0].split(separator: "-", omittingEmptySubsequences: false)
    guard day.count == 3, day[0].count == 4, day[1].count == 2, day[2].count == 2,
      let year = Int(day[0]), let month = Int(day[1]), let dayOfMonth = Int(day[2])
    else { return nil }
    var components = DateComponents(year: year, month: month, day: dayOfMonth, hour: 0, minute: 0, second: 0)
    if parts.count == 2 {
      let clock = parts[1].split(separator: ":")
      guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
        let hour = Int(clock[0]), let minute = Int(clock[1]), hour < 24, minute < 60
      else { return nil }
      components.hour = hour
      components.minute = minute
      if clock.count == 3 {
        guard let second = Int(clock[2]), second < 60 else { return nil }
        components.second = second
      }
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    guard let date = calendar.date(from: components) else { return nil }
    // Reject impossible dates that Calendar would roll over (2026-02-30 → 2026-03-02).
    let check = calendar.dateComponents([.year, .month, .day], from: date)
    guard check.year == year, check.month == month, check.day == dayOfMonth else { return nil }
    return (date, parts.count == 2)
  }
}

/// A trailing time of day in a phrase: `9am`, `9:30pm`, `21:00`, `noon`, `midnight`.
struct TimeOfDay {
  let hour: Int
  let minute: Int

  /// Removes a time word from the end of `words` and returns it, if there is one.
  static func take(from words: inout [String], original: String) throws(VaultError) -> TimeOfDay? {
    guard var last = words.last else { return nil }
    if words.count >= 2, ["am", "pm"].contains(last) {
      last = words[words.count - 2] + last
      words.removeLast()
    }
    if last == "noon" { words.removeLast(); return TimeOfDay(hour: 12, minute: 0) }
    if last == "midnight" { words.removeLast(); return TimeOfDay(hour: 0, minute: 0) }
    var suffix: String?
    var body = Substring(last)
    if last.hasSuffix("am") || last.hasSuffix("pm") {
      suffix = String(last.suffix(2))
      body = last.dropLast(2)
    }
    let pieces = body.split(separator: ":")
    guard !pieces.isEmpty, pieces.count <= 2, pieces.allSatisfy({ $0.allSatisfy(\.isNumber) && !$0.isEmpty }),
      suffix != nil || pieces.count == 2
    else { return nil }
    guard var hour = Int(pieces[0]), let minute = pieces.count == 2 ? Int(pieces[1]) : 0, minute < 60 else {
      return nil
    }
    if let suffix {
      guard (1...12).contains(hour) else {
        throw .invalidInput(.notATime(original, hour: hour, suffix: suffix))
      }
      hour = hour % 12 + (suffix == "pm" ? 12 : 0)
    }
    guard hour < 24 else { throw .invalidInput(.notAnHour(original, hour: hour)) }
    words.removeLast()
    return TimeOfDay(hour: hour, minute: minute)
  }
}

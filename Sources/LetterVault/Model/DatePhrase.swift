import VaultRecords
import Foundation

/// Dates as people type them: `2026-05-03`, `2026-05-03 22:14`, `today`, `yesterday`,
/// `tomorrow 9am`, `3 days ago`, `in 2 weeks`, `friday`, `last monday`, `next friday 18:00`.
///
/// A bare weekday leans the way the option does: `--since friday` means the most recent Friday
/// (today if it is Friday), `--review-on friday` the next one (never today). Leaning forward,
/// `tonight` is today at 20:00 (the next full hour once that has passed) and `tomorrow` is
/// tomorrow at 09:00, so a look-again date never falls on a moment already gone. Day phrases
/// resolve to the start of that day in `timeZone` unless a time is given, so a DST change in
/// between never shifts the result by an hour. Anything ambiguous (`03/04/2026`) or unknown is
/// rejected with a reason, never guessed.
public struct DatePhrase: Sendable {
  /// Which way a bare weekday or "next"/"last"-less phrase leans.
  public enum Direction: Sendable {
    /// Filters (`--since`, `--until`): the most recent matching day.
    case past
    /// Reminders (`--review-on`, `hold --until`): the next matching day.
    case future
  }

  /// The resolved instant.
  public let date: Date
  /// True when the phrase named a time of day (`9am`, `22:14`), not just a day.
  public let hasTime: Bool

  /// The start of the following day when no time was given (for inclusive `--until`).
  public func endOfDay(in timeZone: TimeZone) -> Date {
    guard !hasTime else { return date }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar.date(byAdding: .day, value: 1, to: date) ?? date
  }

  /// Parses `text` relative to `now` in `timeZone`; throws `.invalidInput` with a reason.
  public static func parse(
    _ text: String, now: Date, timeZone: TimeZone = .current, direction: Direction
  ) throws(VaultError) -> DatePhrase {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    calendar.firstWeekday = 2
    let cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard !cleaned.isEmpty else { throw .invalidInput(.emptyDate) }
    if let iso = ISODate.parse(cleaned, timeZone: timeZone) {
      return DatePhrase(date: iso.date, hasTime: iso.hasTime)
    }
    if cleaned.contains("/") {
      throw .invalidInput(.ambiguousDate(text))
    }
    var words = cleaned.split(separator: " ").map(String.init)
    let time = try TimeOfDay.take(from: &words, original: text)
    let today = calendar.startOfDay(for: now)
    guard let day = try resolveDay(words, today: today, now: now, calendar: calendar, direction: direction, original: text)
    else { throw unknown(text, direction) }
    if case .exact(let instant) = day {
      guard time == nil else { throw unknown(text, direction) }
      return DatePhrase(date: instant, hasTime: true)
    }
    guard case .day(let start) = day else { throw unknown(text, direction) }
    guard let time else {
      if direction == .future, let leaning = forward(words, day: start, now: now, calendar: calendar) {
        return DatePhrase(date: leaning, hasTime: true)
      }
      return DatePhrase(date: start, hasTime: false)
    }
    guard let withTime = calendar.date(bySettingHour: time.hour, minute: time.minute, second: 0, of: start)
    else { throw unknown(text, direction) }
    return DatePhrase(date: withTime, hasTime: true)
  }

  /// The hour a forward-leaning `tonight` or `tomorrow` means; nil for any other phrase.
  private static func forward(_ words: [String], day: Date, now: Date, calendar: Calendar) -> Date? {
    switch words {
    case ["tonight"]:
      guard let evening = calendar.date(bySettingHour: 20, minute: 0, second: 0, of: day) else { return nil }
      if evening > now { return evening }
      return calendar.nextDate(
        after: now, matching: DateComponents(minute: 0, second: 0), matchingPolicy: .nextTime)
    case ["tomorrow"]:
      return calendar.date(bySettingHour: 9, minute: 0, second: 0, of: day)
    default:
      return nil
    }
  }

  private enum Resolved {
    case day(Date)
    case exact(Date)
  }

  private static let weekdays = [
    "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6,
    "saturday": 7, "sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7,
  ]

  private static let units: [String: Calendar.Component] = [
    "minute": .minute, "minutes": .minute, "hour": .hour, "hours": .hour, "day": .day,
    "days": .day, "week": .weekOfYear, "weeks": .weekOfYear, "month": .month, "months": .month,
    "year": .year, "years": .year,
  ]

  private static func resolveDay(
    _ words: [String], today: Date, now: Date, calendar: Calendar, direction: Direction,
    original: String
  ) throws(VaultError) -> Resolved? {
    func shift(_ days: Int) -> Resolved? {
      calendar.date(byAdding: .day, value: days, to: today).map(Resolved.day)
    }
    switch words {
    case []: return .day(today)
    case ["today"], ["tonight"]: return .day(today)
    case ["yesterday"]: return shift(-1)
    case ["tomorrow"]: return shift(1)
    case ["next", "week"]: return shift(7)
    case ["last", "week"]: return shift(-7)
    default: break
    }
    if words.count == 1 || (words.count == 2 && ["last", "next", "this"].contains(words[0])) {
      guard let target = weekdays[words.last!] else { return nil }
      let current = calendar.component(.weekday, from: today)
      let back = (current - target + 7) % 7
      let forward = (target - current + 7) % 7
      switch (words.count == 2 ? words[0] : "", direction) {
      case ("last", _): return shift(back == 0 ? -7 : -back)
      case ("next", _), ("", .future): return shift(forward == 0 ? 7 : forward)
      case ("this", _): return shift(forward)
      default: return shift(-back)
      }
    }
    // "3 days ago", "in 2 weeks", "2 hours ago"
    let isAgo = words.count == 3 && words[2] == "ago"
    let isIn = words.count == 3 && words[0] == "in"
    guard isAgo || isIn else { return nil }
    let numberWord = isAgo ? words[0] : words[1]
    let unitWord = isAgo ? words[1] : words[2]
    guard let amount = Int(numberWord) ?? ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3][numberWord],
      amount >= 0, amount <= 100_000, let unit = units[unitWord]
    else { return nil }
    let signed = isAgo ? -amount : amount
    if unit == .minute || unit == .hour {
      return calendar.date(byAdding: unit, value: signed, to: now).map(Resolved.exact)
    }
    return calendar.date(byAdding: unit, value: signed, to: today).map(Resolved.day)
  }

  private static func unknown(_ text: String, _ direction: Direction) -> VaultError {
    .invalidInput(.unknownDate(text, past: direction == .past))
  }
}

import LetterVault
import Foundation

/// Times in plain words and local time: "today 18:30", "tomorrow 09:10", "Friday 09:10",
/// "3 May 2026 09:10" (README).
enum RelativeTime {
  static func phrase(_ date: Date, now: Date = Date()) -> String {
    let calendar = Calendar.current
    let time = formatted(date, "HH:mm")
    let days =
      calendar.dateComponents(
        [.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date)
      ).day ?? Int.max
    switch days {
    case 0: return "today \(time)"
    case 1: return "tomorrow \(time)"
    case 2...6: return "\(formatted(date, "EEEE")) \(time)"
    default: return Formatting.local(date)
    }
  }

  private static func formatted(_ date: Date, _ format: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.dateFormat = format
    return formatter.string(from: date)
  }
}

/// The calm sentence for anything that has to wait.
enum NotYetMessage {
  /// "This letter is cooling off until tomorrow 09:10. It will still be here."
  static func sentence(_ reason: String, until: Date, now: Date = Date()) -> String {
    "\(reason) until \(RelativeTime.phrase(until, now: now)). It will still be here."
  }

  /// The sentence for `why`: a clock that cannot be trusted has no time to name.
  static func sentence(_ why: ReleaseWait, until: Date) -> String {
    if case .untrustedClock = why {
      return "The clock cannot be trusted right now, so nothing was sent. It will still be here."
    }
    return sentence(why.phrase, until: until)
  }
}

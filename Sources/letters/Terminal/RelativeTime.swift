import LetterVault
import Foundation

/// Times in plain words and local time: "today 18:30", "tomorrow 09:10", "Friday 09:10",
/// "3 May 2026 09:10" (README).
///
/// Without ICU: a `DateFormatter` and `Calendar` here cost ~0.9 ms of every `send` that has
/// to wait (docs/PERFORMANCE.md). `RelativeTimeTests` checks the text against them.
enum RelativeTime {
  static func phrase(_ date: Date, now: Date = Date()) -> String {
    guard let day = LocalDateText.localDay(of: date), let today = LocalDateText.localDay(of: now)
    else { return Formatting.local(date) }
    let time = LocalDateText.hourMinute(date)
    switch day - today {
    case 0: return "today \(time)"
    case 1: return "tomorrow \(time)"
    case 2...6: return "\(LocalDateText.weekday(ofDay: day)) \(time)"
    default: return Formatting.local(date)
    }
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

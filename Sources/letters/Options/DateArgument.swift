import ArgumentParser
import Foundation

/// A date typed on the command line: `2026-05-03`, `2026-05-03T22:14` or `2026-05-03 22:14`,
/// in local time (natural phrases come later, issue 7).
struct DateArgument: ExpressibleByArgument {
  let date: Date

  init?(argument: String) {
    guard let date = Self.parse(argument) else { return nil }
    self.date = date
  }

  static func parse(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = .current
    formatter.isLenient = false
    for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
      formatter.dateFormat = format
      if let date = formatter.date(from: text), formatter.string(from: date) == text {
        return date
      }
    }
    return nil
  }
}

import Foundation
import Testing

@testable import letters

/// "today 18:30", "tomorrow 09:10", "Friday 09:10": the words `send` and the cooling messages
/// use, worked out without ICU (RelativeTime.swift), must be what a `Calendar` and an en_GB
/// `DateFormatter` give. Seen failing with the weekday names shifted by one day (every
/// "Friday" said "Thursday").
@Suite struct RelativeTimeTests {
  /// The formatter-and-calendar version RelativeTime.swift had before, as the reference.
  static func reference(_ date: Date, now: Date) -> String {
    let calendar = Calendar.current
    func formatted(_ format: String) -> String {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_GB")
      formatter.dateFormat = format
      return formatter.string(from: date)
    }
    let days =
      calendar.dateComponents(
        [.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date)
      ).day ?? Int.max
    switch days {
    case 0: return "today \(formatted("HH:mm"))"
    case 1: return "tomorrow \(formatted("HH:mm"))"
    case 2...6: return "\(formatted("EEEE")) \(formatted("HH:mm"))"
    default: return LocalDateText.string(from: date)
    }
  }

  @Test func theWordsAreTheCalendarsForMomentsAroundManyDays() {
    let names = DateFormatter()
    names.locale = Locale(identifier: "en_GB")
    #expect(LocalDateText.weekdays == names.weekdaySymbols)
    var state: UInt64 = 0x7E1A_7_1FE
    func next(_ bound: Int64) -> Int64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int64(bitPattern: state >> 1) % bound
    }
    for _ in 0..<3_000 {
      // "now" anywhere from 1901 to 2100; the moment from a day before to ten days after.
      let now = Date(timeIntervalSince1970: Double(next(6_300_000_000) - 2_200_000_000))
      let date = now.addingTimeInterval(Double(next(11 * 86_400) - 86_400))
      #expect(RelativeTime.phrase(date, now: now) == Self.reference(date, now: now), "\(now) \(date)")
    }
    // Exactly at midnight and a second before it.
    let midnight = Calendar.current.startOfDay(for: Date()).addingTimeInterval(3 * 86_400)
    for date in [midnight, midnight.addingTimeInterval(-1)] {
      #expect(RelativeTime.phrase(date, now: Date()) == Self.reference(date, now: Date()))
    }
  }
}

import Foundation

extension Formatting {
  /// "22:14" in local time, for the unlock window (LocalDateText.swift: without ICU).
  static func time(_ date: Date) -> String { LocalDateText.hourMinute(date) }
}

import Foundation

extension Formatting {
  /// "22:14" in local time, for the unlock window.
  static func time(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.dateFormat = "HH:mm"
    return formatter.string(from: date)
  }
}

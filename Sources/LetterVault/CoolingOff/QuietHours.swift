import VaultRecords
import Foundation

/// The nightly window in which nothing is released (COOLING-OFF.md "The rules").
///
/// Minutes after local midnight in the vault's own time zone (stored at creation; the
/// process's `TZ` is never used). A window may cross midnight (22:00–07:00); a window whose
/// start equals its end is empty ("no quiet hours"). A moment is inside when its local
/// hour and minute are: 06:59:59 is inside 22:00–07:00, 07:00:00 is not.
public struct QuietHours: Sendable, Equatable, CustomStringConvertible {
  /// Minutes after local midnight when the window opens, 0..<1440.
  public let startMinute: Int
  /// Minutes after local midnight when it closes, 0..<1440.
  public let endMinute: Int

  /// 22:00–07:00, the default.
  public static let standard = QuietHours(uncheckedStart: 22 * 60, end: 7 * 60)
  /// No quiet hours. (Not `none`, which would read as `Optional.none` in optional contexts.)
  public static let off = QuietHours(uncheckedStart: 0, end: 0)

  /// A window from `startMinute` to `endMinute`; nil when either is outside 0..<1440.
  public init?(startMinute: Int, endMinute: Int) {
    guard (0..<1440).contains(startMinute), (0..<1440).contains(endMinute) else { return nil }
    self.init(uncheckedStart: startMinute, end: endMinute)
  }

  init(uncheckedStart start: Int, end: Int) {
    startMinute = start
    endMinute = end
  }

  /// True for the empty window.
  public var isEmpty: Bool { startMinute == endMinute }

  /// "22:00–07:00", or "none".
  public var description: String {
    isEmpty ? "none" : "\(Self.clock(startMinute))–\(Self.clock(endMinute))"
  }

  /// True when the local minute of `date` in `timeZone` is inside the window.
  public func contains(_ date: Date, in timeZone: TimeZone) -> Bool {
    contains(minute: Self.minuteOfDay(date, in: timeZone))
  }

  /// `date` itself when it is outside the window, else the first moment after it that is.
  public func firstMomentOutside(from date: Date, in timeZone: TimeZone) -> Date {
    guard contains(date, in: timeZone) else { return date }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let end = DateComponents(hour: endMinute / 60, minute: endMinute % 60, second: 0)
    var candidate = date
    // A few rounds at most: the end time may not exist (spring forward, `.nextTime` then
    // gives the next real minute) or exist twice (fall back, the repeated hour may be
    // inside again).
    for _ in 0..<4 {
      guard
        let next = calendar.nextDate(
          after: candidate, matching: end, matchingPolicy: .nextTime, direction: .forward)
      else { break }
      if !contains(next, in: timeZone) { return next }
      candidate = next
    }
    // Never reached for a real zone; stepping by minutes is slow but always right.
    var step = date
    while contains(step, in: timeZone) { step += 60 }
    return step
  }

  /// True when every minute inside `other` is inside this window too: changing from
  /// `other` to `self` is then a tightening (COOLING-OFF.md "The rules").
  public func covers(_ other: QuietHours) -> Bool {
    (0..<1440).allSatisfy { !other.contains(minute: $0) || contains(minute: $0) }
  }

  func contains(minute: Int) -> Bool {
    if startMinute == endMinute { return false }
    if startMinute < endMinute { return minute >= startMinute && minute < endMinute }
    return minute >= startMinute || minute < endMinute
  }

  /// The local hour and minute of `date` in `timeZone`, as minutes after midnight: the wall
  /// time is the UTC time plus the zone's offset at that moment, so no `Calendar` is made
  /// (~0.2 ms of every `send`, docs/PERFORMANCE.md round 7). `QuietHoursTests` checks it
  /// against the Gregorian calendar's hour and minute in zones with summer time, half and
  /// quarter hours and old local mean times.
  static func minuteOfDay(_ date: Date, in timeZone: TimeZone) -> Int {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
    let intoDay = seconds % 86_400
    return (intoDay < 0 ? intoDay + 86_400 : intoDay) / 60
  }

  static func clock(_ minute: Int) -> String {
    let hours = minute / 60
    let minutes = minute % 60
    return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
  }

  /// Packed as stored in a pending rule change: `start << 16 | end`.
  var packed: UInt64 { UInt64(startMinute) << 16 | UInt64(endMinute) }

  init(packed: UInt64) {
    self.init(uncheckedStart: Int(packed >> 16 & 0xFFFF), end: Int(packed & 0xFFFF))
  }
}

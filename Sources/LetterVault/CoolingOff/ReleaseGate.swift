import VaultRecords
import Foundation

/// The release checks of COOLING-OFF.md "The clock", as one pure decision: given the clock evidence,
/// a deadline and the evidence recorded when it was set, may it pass now — and if not,
/// from when?
///
/// Used for letters (with quiet hours) and for pending rule changes (without).
struct ReleaseGate {
  enum Decision: Equatable {
    case open
    /// Not before `until` (ms): by then every check passes, quiet hours included.
    case wait(until: Int64, ReleaseWait)
  }

  /// A deadline and the clock evidence of the moment it was set.
  struct Deadline {
    /// Wall time (ms) from which it may pass.
    var at: Int64
    /// Wall time (ms) when it was set.
    var setAt: Int64
    var bootID: [UInt8]
    var boottime: UInt64
  }

  let reading: ClockReading
  /// The latest wall time seen before or at this reading.
  let maxWall: Int64
  /// How far (ms) the wall clock moved forward in this boot: quiet hours are judged at the
  /// wall time less this, the trusted time (``CoolingPolicy/trustedTime(at:)``).
  var forwardOffset: Int64 = 0
  let quietHours: QuietHours
  /// The vault's zone, resolved only when quiet hours are on: `TimeZone(identifier:)` loads
  /// the zone's rules (~0.2 ms), and every open checks the rule changes with quiet hours off
  /// (docs/PERFORMANCE.md).
  let timeZone: () -> TimeZone

  init(
    reading: ClockReading, maxWall: Int64, forwardOffset: Int64 = 0, quietHours: QuietHours,
    timeZone: @autoclosure @escaping () -> TimeZone
  ) {
    self.reading = reading
    self.maxWall = maxWall
    self.forwardOffset = forwardOffset
    self.quietHours = quietHours
    self.timeZone = timeZone
  }

  func decide(_ deadline: Deadline) -> Decision {
    let now = reading.wall
    if let doubt = reading.doubt { return .wait(until: now, .untrustedClock(doubt)) }
    var notBefore = deadline.at
    var clockDisagrees = false
    // No clock regression: the wall clock is not behind the latest time seen.
    if now < maxWall - ClockWatch.tolerance {
      notBefore = Swift.max(notBefore, maxWall - ClockWatch.tolerance)
      clockDisagrees = true
    }
    // Same-boot consistency: as much boot time has passed as the period asks for.
    if reading.boot.bootID == deadline.bootID, deadline.boottime > 0 {
      let required = deadline.at - deadline.setAt - ClockWatch.tolerance
      let elapsed =
        reading.boot.sinceBoot >= deadline.boottime
        ? Int64(clamping: (reading.boot.sinceBoot - deadline.boottime) / 1_000_000) : 0
      if elapsed < required {
        notBefore = Swift.max(notBefore, now + (required - elapsed))
        clockDisagrees = true
      }
    }
    let earliest = firstMomentOutsideQuietHours(from: Swift.max(notBefore, now))
    guard earliest > now else { return .open }
    if now < deadline.at { return .wait(until: earliest, .coolingOff) }
    if clockDisagrees { return .wait(until: earliest, .clock) }
    return .wait(until: earliest, .quietHours)
  }

  /// The first wall moment from `moment` whose trusted time is outside quiet hours.
  func firstMomentOutsideQuietHours(from moment: Int64) -> Int64 {
    guard !quietHours.isEmpty else { return moment }
    let trusted = Date(storedMilliseconds: moment - forwardOffset)
    return quietHours.firstMomentOutside(from: trusted, in: timeZone()).storedMilliseconds
      + forwardOffset
  }
}

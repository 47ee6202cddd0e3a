import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where the vault learns the time. Injected so tests can move it; the command line uses
/// ``SystemClock`` (FORMAT.md §9 "Clock evidence").
public protocol VaultClock: Sendable {
  /// Wall-clock time.
  func now() -> Date
  /// This boot's random id (16 bytes) and the time since boot including suspend, in
  /// nanoseconds. Unlike the wall clock, this cannot be set by the user.
  func boot() -> BootObservation
  /// Why these clocks cannot be believed at this moment, or nil. While there is a doubt,
  /// nothing is released and no waiting rule takes effect (docs/COOLING-OFF.md "The clock").
  func doubt() -> ClockDoubt?
}

extension VaultClock {
  /// A clock handed in by a program is its own business: believed.
  public func doubt() -> ClockDoubt? { nil }
}

/// A boot id and `CLOCK_BOOTTIME` reading.
public struct BootObservation: Sendable, Equatable {
  /// 16 bytes that change on every boot.
  public let bootID: [UInt8]
  /// Nanoseconds since boot, including suspend.
  public let sinceBoot: UInt64

  /// Creates an observation.
  public init(bootID: [UInt8], sinceBoot: UInt64) {
    self.bootID = bootID
    self.sinceBoot = sinceBoot
  }
}

extension Date {
  /// Unix milliseconds, the stored time unit (FORMAT.md §6).
  package var storedMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

  package init(storedMilliseconds value: Int64) {
    self.init(timeIntervalSince1970: TimeInterval(value) / 1000)
  }
}

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

/// The real clocks: `Date()`, `/proc/sys/kernel/random/boot_id` and `CLOCK_BOOTTIME`.
public struct SystemClock: VaultClock {
  /// Creates the system clock.
  public init() {}

  /// The wall clock.
  public func now() -> Date { Date() }

  /// Reads the kernel's boot id and boot time.
  public func boot() -> BootObservation {
    var id = [UInt8](repeating: 0, count: 16)
    if let text = try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8) {
      let hex = Array(text.filter(\.isHexDigit).utf8)
      if hex.count == 32 {
        for index in 0..<16 {
          id[index] = UInt8(String(decoding: hex[index * 2..<index * 2 + 2], as: UTF8.self), radix: 16) ?? 0
        }
      }
    }
    var spec = timespec()
    #if os(Linux)
      clock_gettime(CLOCK_BOOTTIME, &spec)
    #else
      clock_gettime(CLOCK_MONOTONIC, &spec)
    #endif
    return BootObservation(
      bootID: id, sinceBoot: UInt64(max(0, spec.tv_sec)) * 1_000_000_000 + UInt64(max(0, spec.tv_nsec)))
  }
}

extension Date {
  /// Unix milliseconds, the stored time unit (FORMAT.md §6).
  var storedMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

  init(storedMilliseconds value: Int64) {
    self.init(timeIntervalSince1970: TimeInterval(value) / 1000)
  }
}

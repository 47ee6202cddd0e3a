import VaultRecords
import Foundation

/// The real clocks, read so that nothing inside the process can move them: the wall clock and
/// CLOCK_BOOTTIME by the system call itself, the boot id only from procfs
/// (docs/COOLING-OFF.md "The clock"). There is no switch or variable that changes them; a
/// program that wants another clock passes its own ``VaultClock``.
public struct SystemClock: VaultClock {
  /// Creates the system clock.
  public init() {}

  /// The kernel's wall clock.
  public func now() -> Date {
    guard let nanoseconds = KernelClock.kernel(KernelClock.realtime) else { return Date() }
    return Date(timeIntervalSince1970: Double(nanoseconds) / 1e9)
  }

  /// The kernel's boot id and boot time.
  public func boot() -> BootObservation {
    let since = KernelClock.kernel(KernelClock.boottime) ?? 0
    return BootObservation(
      bootID: KernelClock.bootID() ?? .init(repeating: 0, count: 16),
      sinceBoot: UInt64(Swift.max(0, since)))
  }

  /// Whether these clocks can be believed now (``ClockTrust``).
  public func doubt() -> ClockDoubt? { ClockTrust.doubt(KernelClock.sample()) }
}

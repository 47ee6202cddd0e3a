import Foundation
import LetterVault

/// The one test clock: wall time, boot id, time since boot and the clock's doubt are all set
/// by hand. In process it drives a vault in a test; before the real binary takes over, it
/// sets a vault up in the past (docs/COOLING-OFF.md "The clock").
package final class ManualClock: VaultClock, @unchecked Sendable {
  private let lock = NSLock()
  private var wall: Date
  private var bootID: [UInt8]
  private var sinceBoot: UInt64
  private var currentDoubt: ClockDoubt?

  /// `bootID` fills the 16 bytes of the boot id; time since boot starts at 1,000 s.
  package init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000), bootID: UInt8 = 1) {
    wall = start
    self.bootID = [UInt8](repeating: bootID, count: 16)
    sinceBoot = 1_000_000_000_000
  }

  package func now() -> Date { lock.withLock { wall } }
  package func boot() -> BootObservation {
    lock.withLock { BootObservation(bootID: bootID, sinceBoot: sinceBoot) }
  }
  /// Nil (believed) unless a test said otherwise with ``setDoubt(_:)``.
  package func doubt() -> ClockDoubt? { lock.withLock { currentDoubt } }

  /// Real time passes: wall and boot clocks move together.
  package func advance(_ seconds: TimeInterval) {
    lock.withLock {
      wall += seconds
      sinceBoot += UInt64(seconds * 1_000_000_000)
    }
  }

  /// Someone changes the wall clock; the boot clock does not move.
  package func jumpWall(_ seconds: TimeInterval) { lock.withLock { wall += seconds } }

  /// A reboot: new boot id, boot clock starts near zero.
  package func reboot(newID: UInt8) {
    lock.withLock {
      bootID = [UInt8](repeating: newID, count: 16)
      sinceBoot = 5_000_000_000
    }
  }

  /// A reason these clocks cannot be believed from now on (nil: believed again).
  package func setDoubt(_ doubt: ClockDoubt?) { lock.withLock { currentDoubt = doubt } }

  /// A zone in which it is now around midday, outside any quiet hours, whenever the test runs.
  package static func middayZone(now: Date = Date()) -> TimeZone {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let hour = calendar.component(.hour, from: now)
    var offset = 12 - hour
    if offset < -12 { offset += 24 }
    if offset > 14 { offset -= 24 }
    return TimeZone(secondsFromGMT: offset * 3600)!
  }
}

extension ManualClock {
  /// For setting a vault up in the past, in process, before the real binary takes over at the
  /// real time: wall and boot clocks move together, on a boot of its own (not this computer's).
  package static func past(_ start: Date) -> ManualClock { ManualClock(start, bootID: 0xB0) }
}

import Foundation
import LetterVault

/// A clock for setting a vault up in the past, in process, before the real binary takes over
/// at the real time: wall and boot clocks move together, on a boot of its own.
final class PastClock: VaultClock, @unchecked Sendable {
  private let lock = NSLock()
  private var wall: Date
  private var sinceBoot: UInt64 = 1_000_000_000_000

  init(_ start: Date) { wall = start }

  func now() -> Date { lock.withLock { wall } }

  func boot() -> BootObservation {
    lock.withLock { BootObservation(bootID: [UInt8](repeating: 0xB0, count: 16), sinceBoot: sinceBoot) }
  }

  func advance(_ seconds: TimeInterval) {
    lock.withLock {
      wall += seconds
      sinceBoot += UInt64(seconds * 1_000_000_000)
    }
  }

  /// A zone in which it is now around midday, outside any quiet hours, whenever the test runs.
  static func middayZone(now: Date = Date()) -> TimeZone {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let hour = calendar.component(.hour, from: now)
    var offset = 12 - hour
    if offset < -12 { offset += 24 }
    if offset > 14 { offset -= 24 }
    return TimeZone(secondsFromGMT: offset * 3600)!
  }
}

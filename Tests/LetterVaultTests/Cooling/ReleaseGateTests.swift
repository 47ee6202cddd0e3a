import Foundation
import Testing

@testable import LetterVault

/// ``ReleaseGate`` as a table: one deadline set at 08:00 UTC for 09:00, judged at readings that
/// differ in wall time, boot time and the forward offset of the trusted time
/// (docs/COOLING-OFF.md "The clock"). No vault, no system clock.
@Suite struct ReleaseGateTests {
  static let boot = [UInt8](repeating: 1, count: 16)
  static let setAt: Int64 = 1_800_000_000_000  // 2027-01-15 08:00 UTC
  static let hour: Int64 = 3_600_000
  static let deadline = ReleaseGate.Deadline(
    at: setAt + hour, setAt: setAt, bootID: boot, boottime: 1_000_000_000)

  /// (wall after, boot after, latest wall seen after, forward offset) → (wait, next), hours.
  @Test(arguments: [
    (1.0, 1.0, 1.0, 0.0, nil, 1.0),  // at the mark
    (0.5, 0.5, 0.5, 0.0, "coolingOff", 1.0),
    (2.0, 0.5, 2.0, 0.0, "clock", 2.0 + 25.0 / 60),  // wall ahead: the boot clock still owes 55 min
    (1.0, 1.0, 3.0, 0.0, "clock", 2.0 + 11.0 / 12),  // behind the latest wall seen, less 5 min
    (14.5, 14.5, 14.5, 0.0, "quietHours", 23.0),  // 22:30 UTC: until 07:00
    (23.5, 14.5, 23.5, 9.0, "quietHours", 32.0),  // 07:30 on a wall clock moved 9 h ahead
  ] as [(Double, Double, Double, Double, String?, Double)])
  func oneDeadlineAtManyReadings(
    wall: Double, boot: Double, maxWall: Double, offset: Double, wait: String?, next: Double
  ) {
    func ms(_ hours: Double) -> Int64 { Int64(hours * Double(Self.hour)) }
    let reading = ClockReading(
      wall: Self.setAt + ms(wall),
      boot: BootObservation(bootID: Self.boot, sinceBoot: 1_000_000_000 + UInt64(ms(boot)) * 1_000_000))
    let gate = ReleaseGate(
      reading: reading, maxWall: Self.setAt + ms(maxWall), forwardOffset: ms(offset),
      quietHours: .standard, timeZone: TimeZone(identifier: "UTC")!)
    switch gate.decide(Self.deadline) {
    case .open:
      #expect(wait == nil)
    case .wait(let until, let why):
      #expect("\(why)" == wait)
      #expect(until == Self.setAt + ms(next))
    }
  }
}

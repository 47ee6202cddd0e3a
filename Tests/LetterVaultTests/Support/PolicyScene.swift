import Foundation

@testable import LetterVault

/// A ``CoolingPolicy`` and one computer's clocks moved by hand: the brake's decisions with no
/// vault and no database (docs/COOLING-OFF.md). Times are Unix milliseconds.
struct PolicyScene {
  /// 2027-01-15 08:00 UTC, outside the default quiet hours.
  static let start: Int64 = 1_800_000_000_000
  static let second: Int64 = 1000
  static let minute: Int64 = 60_000
  static let hour: Int64 = 3_600_000
  static let day: Int64 = 86_400_000

  var policy: CoolingPolicy
  var wall: Int64
  /// Boot clock, ms.
  var sinceBoot: Int64 = 3_600_000
  var bootID: [UInt8] = .init(repeating: 1, count: 16)
  /// A reason the clocks cannot be believed, handed to the next readings.
  var doubt: ClockDoubt?

  init(
    period: Int64 = 86_400, quietHours: QuietHours = .off, zone: String = "UTC",
    recipients: [(String, UInt64)] = [], at start: Int64 = PolicyScene.start
  ) {
    var settings = VaultSettings(timeZoneIdentifier: zone)
    settings.policy.coolingOffSeconds = UInt64(period)
    settings.policy.quietStartMinute = UInt16(quietHours.startMinute)
    settings.policy.quietEndMinute = UInt16(quietHours.endMinute)
    settings.recipients = recipients.map { .init(name: $0.0, email: "", coolingOffSeconds: $0.1) }
    policy = settings.cooling
    wall = start
    _ = policy.observe(reading)
  }

  var reading: ClockReading {
    ClockReading(
      wall: wall, boot: BootObservation(bootID: bootID, sinceBoot: UInt64(sinceBoot) * 1_000_000),
      doubt: doubt)
  }

  /// Real time passes; returns the jump the policy counted (none, as nothing jumped).
  @discardableResult mutating func advance(_ ms: Int64) -> Int64 {
    wall += ms
    sinceBoot += ms
    return policy.observe(reading)
  }

  /// Only the wall clock moves; returns the forward jump the policy counted.
  @discardableResult mutating func moveWall(by ms: Int64) -> Int64 {
    wall += ms
    return policy.observe(reading)
  }

  /// The computer restarts after `ms` of real time with its wall clock moved by `moved`,
  /// and the vault is opened: a new boot id, the boot clock from zero.
  mutating func restart(after ms: Int64, wallMovedBy moved: Int64 = 0) {
    wall += ms + moved
    sinceBoot = 20 * Self.second
    bootID = bootID.map { $0 &+ 1 }
    _ = policy.observe(reading)
  }

  /// A send request made now for a letter to `recipient`.
  func request(to recipient: String = "Dr. Hale", floor: Int64 = 0) -> ReleaseGate.Deadline {
    ReleaseGate.Deadline(
      at: policy.releaseTime(for: recipient, lastEdit: wall, floor: floor, at: reading),
      setAt: policy.stampTime(at: reading),
      bootID: bootID, boottime: UInt64(sinceBoot) * 1_000_000)
  }

  func decide(_ request: ReleaseGate.Deadline) -> CoolingDecision {
    policy.decide(request, at: reading)
  }

  static func utc(_ text: String) -> Int64 { Cooling.utc(text).storedMilliseconds }
}

extension ReleaseGate.Deadline {
  /// The request after a counted jump, as `ClockKeeper` moves every open one.
  func moved(by jump: Int64) -> Self {
    Self(at: at + jump, setAt: setAt + jump, bootID: bootID, boottime: boottime)
  }
}

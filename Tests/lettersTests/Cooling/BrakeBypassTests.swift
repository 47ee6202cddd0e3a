import Foundation
import Testing

/// The six ways around the cooling-off of issue 14, each one command as a writer at 3 a.m.
/// would type it, against the real binary, real faketime and real unshare. Each is refused
/// (75) with nothing released and not one message at the SMTP server
/// (docs/COOLING-OFF.md "What it refuses").
@Suite struct BrakeBypassTests {
  static let calm = "letters: The clock cannot be trusted right now, so nothing was sent. It will still be here.\n"

  func send(_ scene: BypassScene) -> [String] {
    ["send", scene.letters[0].id, "--confirm", scene.letters[0].fingerprint]
  }

  /// 1. faketime's default mode fakes the boot clock too.
  @Test func faketimeInItsDefaultModeReleasesNothing() throws {
    let scene = try BypassScene()
    defer { scene.remove() }
    let tomorrow = BypassScene.faketimeStamp(daysFromNow: 1.2)
    let result = try scene.run(["/usr/bin/faketime", tomorrow], send(scene))
    #expect(result.status == 75, "\(result.stderr)")
    #expect(result.stderr == Self.calm)
    try scene.expectNothingReleased()
  }

  /// 1b. faketime with the real boot clock: a wall clock moved without a restart.
  @Test func faketimeWithTheRealBootClockReleasesNothing() throws {
    let scene = try BypassScene()
    defer { scene.remove() }
    let flag = try scene.run(["/usr/bin/faketime", "--exclude-monotonic", "-f", "+2d"], send(scene))
    #expect(flag.status == 75, "\(flag.stderr)")
    #expect(flag.stderr == Self.calm)
    let variable = try scene.run(
      ["/usr/bin/env", "FAKETIME_DONT_FAKE_MONOTONIC=1", "/usr/bin/faketime", "-f", "+2d"],
      send(scene))
    #expect(variable.status == 75, "\(variable.stderr)")
    try scene.expectNothingReleased()
  }

  /// 3. A time namespace moves the boot clock for every reader, the system call included.
  @Test func aTimeNamespaceReleasesNothing() throws {
    let scene = try BypassScene()
    defer { scene.remove() }
    let result = try scene.run(
      [
        "/usr/bin/unshare", "-U", "-r", "-T", "--boottime", "90000", "/usr/bin/faketime",
        "--exclude-monotonic", "-f", "+25h",
      ], send(scene))
    #expect(result.status == 75, "\(result.stderr)")
    #expect(result.stderr == Self.calm)
    let alone = try scene.run(
      ["/usr/bin/unshare", "-U", "-r", "-T", "--boottime", "90000"], send(scene))
    #expect(alone.status == 75, "\(alone.stderr)")
    try scene.expectNothingReleased()
  }

  /// 4. A "restart" without restarting: a file mounted over the boot id.
  @Test func aBootIDMountedOverReleasesNothing() throws {
    let scene = try BypassScene()
    defer { scene.remove() }
    let fake = scene.cli.directory.appendingPathComponent("boot_id").path
    try "11111111-2222-3333-4444-555555555555\n".write(toFile: fake, atomically: true, encoding: .utf8)
    for faketime in ["", "/usr/bin/faketime --exclude-monotonic -f +25h "] {
      let script =
        "mount --bind '\(fake)' /proc/sys/kernel/random/boot_id && exec \(faketime)\"$0\" \"$@\""
      let result = try scene.run(
        ["/usr/bin/unshare", "-U", "-r", "-m", "/bin/sh", "-c", script], send(scene))
      #expect(result.status == 75, "\(faketime): \(result.stderr)")
      #expect(result.stderr == Self.calm)
    }
    try scene.expectNothingReleased()
  }

  /// 5. A letter already due, at night in the vault's zone: the wall clock moved past the
  /// quiet hours within this boot is not believed.
  @Test func aClockMovedPastTheQuietHoursReleasesNothing() throws {
    let scene = try BypassScene(requestedDaysAgo: 3, zone: Self.zone(whereItIsNow: 1))
    defer { scene.remove() }
    let honest = try scene.cli.run(send(scene))
    #expect(honest.status == 75)
    #expect(honest.stderr.contains("It is quiet hours now"))
    let moved = try scene.run(
      ["/usr/bin/env", "FAKETIME_DONT_FAKE_MONOTONIC=1", "/usr/bin/faketime", "-f", "+7h"],
      send(scene))
    #expect(moved.status == 75, "\(moved.stderr)")
    #expect(moved.stderr == Self.calm)
    try scene.expectNothingReleased()
  }

  /// 6. Released in a copy, then merged back: the copy releases nothing either.
  @Test func aCopyReleasesNothingToMergeBack() throws {
    let scene = try BypassScene()
    defer { scene.remove() }
    let copy = scene.cli.directory.appendingPathComponent("copy.db").path
    try FileManager.default.copyItem(atPath: scene.cli.vault, toPath: copy)
    let attempts: [[String]] = [
      ["/usr/bin/faketime", BypassScene.faketimeStamp(daysFromNow: 1.2)],
      ["/usr/bin/unshare", "-U", "-r", "-T", "--boottime", "90000"],
    ]
    for prefix in attempts {
      let result = try scene.run(prefix, send(scene), vault: copy)
      #expect(result.status == 75, "\(prefix[0]): \(result.stderr)")
    }
    #expect(try scene.cli.run(["merge", copy]).status == 0)
    try scene.expectNothingReleased()
    try scene.expectNothingReleased(vault: copy)
  }

  /// 2. A looser rule waiting its day does not take effect under a faked clock, not even
  /// through a write that observes the clock.
  @Test func aWaitingLooserRuleDoesNotTakeEffectUnderAFakedClock() throws {
    let scene = try BypassScene()
    defer { scene.remove() }
    #expect(try scene.cli.run(["rules", "set", "--cooling-off", "1m"]).status == 0)
    let later = BypassScene.faketimeStamp(daysFromNow: 2)
    #expect(try scene.run(["/usr/bin/faketime", later], ["rules"]).status == 0)
    #expect(
      try scene.run(["/usr/bin/faketime", later], ["rules", "set", "--quiet-hours", "21:00-08:00"])
        .status == 0)
    let rules = try scene.cli.run(["rules", "--json"])
    let object = try JSONSerialization.jsonObject(with: rules.stdoutData) as? [String: Any]
    #expect(object?["coolingOffSeconds"] as? Int == 86_400, "\(rules.stdout)")
    #expect((object?["pending"] as? [Any])?.count == 1, "\(rules.stdout)")
    let result = try scene.run(["/usr/bin/faketime", later], send(scene))
    #expect(result.status == 75, "\(result.stderr)")
    try scene.expectNothingReleased()
  }

  /// A zone in which the local hour is now `hour`.
  static func zone(whereItIsNow hour: Int) -> TimeZone {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    var offset = hour - calendar.component(.hour, from: Date())
    if offset < -12 { offset += 24 }
    if offset > 14 { offset -= 24 }
    return TimeZone(secondsFromGMT: offset * 3600)!
  }
}

import Foundation
@testable import LetterVault
import Testing

/// Quiet hours: edges, a window across midnight, daylight-saving changes, and the vault's own
/// time zone (COOLING-OFF.md "The rules"; COOLING-OFF.md "The rules").
@Suite struct QuietHoursTests {
  let berlin = TimeZone(identifier: "Europe/Berlin")!

  @Test(arguments: [
    ("2027-01-15T21:59:59Z", false), ("2027-01-15T22:00:00Z", true), ("2027-01-15T23:59:59Z", true),
    ("2027-01-16T00:00:00Z", true), ("2027-01-16T06:59:59Z", true), ("2027-01-16T07:00:00Z", false),
    ("2027-01-16T12:00:00Z", false),
  ])
  func theDefaultWindowCrossesMidnight(time: String, quiet: Bool) {
    #expect(QuietHours.standard.contains(Cooling.utc(time), in: Cooling.utcZone) == quiet)
  }

  /// The local minute comes from the zone's offset since round 7 (QuietHours.swift), not from
  /// a `Calendar`; the Gregorian calendar's hour and minute stay the reference, from 1890 to
  /// 2190, fractions of a second and old local mean times included. Seen failing (before
  /// 1970, a second's fraction rounded the wrong way) with the seconds truncated, not floored.
  @Test(arguments: [
    "Europe/Berlin", "Europe/Amsterdam", "America/St_Johns", "America/Los_Angeles",
    "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe", "UTC",
  ])
  func theLocalMinuteIsTheCalendarsOwn(zone: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    var state: UInt64 = 0x0901_E7
    for _ in 0..<5_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let seconds = Int64(bitPattern: state >> 1) % 9_500_000_000 - 2_500_000_000
      let date = Date(timeIntervalSince1970: Double(seconds) + Double(state & 0xFF) / 256)
      let parts = calendar.dateComponents([.hour, .minute], from: date)
      #expect(
        QuietHours.minuteOfDay(date, in: timeZone) == parts.hour! * 60 + parts.minute!, "\(date)")
    }
  }

  @Test func aWindowWithinOneDayAndAnEmptyWindow() {
    let lunch = QuietHours(startMinute: 12 * 60, endMinute: 13 * 60)!
    #expect(!lunch.contains(Cooling.utc("2027-01-15T11:59:59Z"), in: Cooling.utcZone))
    #expect(lunch.contains(Cooling.utc("2027-01-15T12:00:00Z"), in: Cooling.utcZone))
    #expect(!lunch.contains(Cooling.utc("2027-01-15T13:00:00Z"), in: Cooling.utcZone))
    #expect(!QuietHours.off.contains(Cooling.utc("2027-01-15T03:00:00Z"), in: Cooling.utcZone))
    #expect(QuietHours(startMinute: 1440, endMinute: 0) == nil)
  }

  @Test func theWindowEndsAtSevenLocalOnTheNightClocksGoForward() {
    // 29 March 2026, Europe/Berlin: 02:00 CET becomes 03:00 CEST; 07:00 local is 05:00 UTC.
    let inside = Cooling.utc("2026-03-29T04:59:59Z")
    #expect(QuietHours.standard.contains(inside, in: berlin))
    #expect(!QuietHours.standard.contains(Cooling.utc("2026-03-29T05:00:00Z"), in: berlin))
    #expect(
      QuietHours.standard.firstMomentOutside(from: inside, in: berlin)
        == Cooling.utc("2026-03-29T05:00:00Z"))
    // It began at 22:00 CET, 21:00 UTC.
    #expect(!QuietHours.standard.contains(Cooling.utc("2026-03-28T20:59:59Z"), in: berlin))
    #expect(QuietHours.standard.contains(Cooling.utc("2026-03-28T21:00:00Z"), in: berlin))
  }

  @Test func theWindowEndsAtSevenLocalOnTheNightClocksGoBack() {
    // 25 October 2026, Europe/Berlin: 03:00 CEST becomes 02:00 CET; the night is an hour longer.
    // 22:00 CEST, then 06:59:59 CET
    #expect(QuietHours.standard.contains(Cooling.utc("2026-10-24T20:00:00Z"), in: berlin))
    #expect(QuietHours.standard.contains(Cooling.utc("2026-10-25T05:59:59Z"), in: berlin))
    #expect(
      QuietHours.standard.firstMomentOutside(from: Cooling.utc("2026-10-24T20:00:00Z"), in: berlin)
        == Cooling.utc("2026-10-25T06:00:00Z"))
  }

  @Test func anEndTimeThatDoesNotExistThatNightMovesToTheNextRealMinute() {
    let window = QuietHours(startMinute: 60, endMinute: 150)!  // 01:00–02:30
    let inside = Cooling.utc("2026-03-29T00:30:00Z")  // 01:30 CET
    #expect(window.contains(inside, in: berlin))
    // 02:30 is skipped that night; 03:00 CEST (01:00 UTC) is the first minute outside.
    #expect(
      window.firstMomentOutside(from: inside, in: berlin) == Cooling.utc("2026-03-29T01:00:00Z"))
  }

  @Test func aWindowInsideTheRepeatedHourIsQuietTwice() {
    let window = QuietHours(startMinute: 120, endMinute: 150)!  // 02:00–02:30
    #expect(window.contains(Cooling.utc("2026-10-25T00:10:00Z"), in: berlin))  // 02:10 CEST
    #expect(!window.contains(Cooling.utc("2026-10-25T00:45:00Z"), in: berlin))  // 02:45 CEST
    #expect(window.contains(Cooling.utc("2026-10-25T01:10:00Z"), in: berlin))  // 02:10 CET
    #expect(
      window.firstMomentOutside(from: Cooling.utc("2026-10-25T00:10:00Z"), in: berlin)
        == Cooling.utc("2026-10-25T00:30:00Z"))
    #expect(
      window.firstMomentOutside(from: Cooling.utc("2026-10-25T01:10:00Z"), in: berlin)
        == Cooling.utc("2026-10-25T01:30:00Z"))
  }

  @Test func aLetterDueInsideQuietHoursWaitsUntilTheyEndAcrossTheSpringChange() throws {
    // Asked at 04:00 CET on 28 March; due 24 h later at 05:00 CEST, inside the quiet hours.
    let clock = ManualClock(Cooling.utc("2026-03-28T03:00:00Z"))
    let test = try TestVault(clock: clock, timeZone: berlin)
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(text: "in the morning"))
    let schedule = try test.vault.requestSend(id)
    #expect(schedule.releaseAt == Cooling.utc("2026-03-29T03:00:00Z"))
    #expect(schedule.earliest == Cooling.utc("2026-03-29T05:00:00Z"))

    clock.advance(Cooling.day + 2 * Cooling.hour - 1)  // 06:59:59 CEST
    let waiting = Cooling.releaseError(test.vault, id)
    #expect(
      waiting
        == .notYet(
          until: Cooling.utc("2026-03-29T05:00:00Z"), why: ReleaseWait.quietHours))
    clock.advance(1)  // 07:00:00 CEST
    #expect(Cooling.releaseError(test.vault, id) == nil)
  }

  @Test func quietHoursFollowTheVaultsTimeZoneNotTheProcesss() throws {
    // 10:00 UTC is 23:00 in Auckland (summer time in January).
    let clock = ManualClock(Cooling.utc("2027-01-14T10:00:00Z"))
    let test = try TestVault(clock: clock, timeZone: TimeZone(identifier: "Pacific/Auckland")!)
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    clock.advance(Cooling.day)
    #expect(Cooling.releaseError(test.vault, id)?.waitReason == ReleaseWait.quietHours)
    #expect(try test.vault.rules().timeZone == "Pacific/Auckland")
  }
}

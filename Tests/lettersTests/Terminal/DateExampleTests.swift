import Foundation
import Testing

@testable import letters

/// The dates messages offer (DateExample.swift): the readings of what was typed, and examples
/// counted from today, never a fixed date that is already past.
@Suite struct DateExampleTests {
  /// 2026-12-07 12:00 UTC (the tests run with TZ=UTC, as the CLI fixture sets it).
  static let now = Date(timeIntervalSince1970: 1_796_644_800)

  @Test(arguments: [
    ("31/12", ["2026-12-31"]),
    ("12/31", ["2026-12-31"]),
    ("03/04/2026", ["2026-04-03", "2026-03-04"]),
    ("4/4/27", ["2027-04-04"]),
    ("2026/12/31", ["2026-12-31"]),
    ("31/02", []),
    ("13/13", []),
    ("a/b", []),
    ("1/2/3/4", []),
  ])
  func aSlashedDateIsOfferedInEveryFormItCouldMean(text: String, readings: [String]) {
    #expect(DateExample.readings(of: text, now: Self.now) == readings)
  }

  @Test func examplesAreCountedFromToday() {
    #expect(DateExample.iso(daysFromToday: 0, now: Self.now) == "2026-12-07")
    #expect(DateExample.iso(daysFromToday: 7, now: Self.now) == "2026-12-14")
    #expect(DateExample.iso(daysFromToday: 30, now: Self.now) == "2027-01-06")
    #expect(DateExample.iso(daysFromToday: -7, now: Self.now) == "2026-11-30")
  }
}

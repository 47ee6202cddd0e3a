import Foundation
import LetterVault
import Testing

/// Date phrases resolved against a pinned "now" (FORMAT.md has none of this: it is input only).
@Suite struct DatePhraseTests {
  static let berlin = TimeZone(identifier: "Europe/Berlin")!

  /// 2026-11-18 is a Wednesday.
  static func local(_ text: String, _ zone: TimeZone = berlin) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
  }

  func parse(_ text: String, now: String, _ direction: DatePhrase.Direction) throws -> Date {
    try DatePhrase.parse(text, now: Self.local(now), timeZone: Self.berlin, direction: direction).date
  }

  @Test(arguments: [
    ("2026-05-03", "2026-05-03 00:00"),
    ("2026-05-03T22:14", "2026-05-03 22:14"),
    ("2026-05-03 22:14", "2026-05-03 22:14"),
    ("today", "2026-11-18 00:00"),
    ("yesterday", "2026-11-17 00:00"),
    ("tomorrow 9am", "2026-11-19 09:00"),
    ("tomorrow 9:30pm", "2026-11-19 21:30"),
    ("3 days ago", "2026-11-15 00:00"),
    ("friday", "2026-11-13 00:00"),
    ("wednesday", "2026-11-18 00:00"),
    ("last wednesday", "2026-11-11 00:00"),
    ("last monday", "2026-11-16 00:00"),
    ("next friday 18:00", "2026-11-20 18:00"),
  ])
  func pastLeaningPhrases(text: String, expected: String) throws {
    #expect(try parse(text, now: "2026-11-18 15:40", .past) == Self.local(expected))
  }

  @Test(arguments: [
    ("friday", "2026-11-20 00:00"),
    ("wednesday", "2026-11-25 00:00"),
    ("monday", "2026-11-23 00:00"),
    ("in 2 weeks", "2026-12-02 00:00"),
    ("tomorrow noon", "2026-11-19 12:00"),
    ("tonight", "2026-11-18 20:00"),
    ("tonight 23:00", "2026-11-18 23:00"),
    ("tomorrow", "2026-11-19 09:00"),
    ("tomorrow 7pm", "2026-11-19 19:00"),
  ])
  func futureLeaningPhrases(text: String, expected: String) throws {
    #expect(try parse(text, now: "2026-11-18 15:40", .future) == Self.local(expected))
  }

  /// A reminder for tonight set after 20:00 is the next full hour, never a moment gone.
  @Test func tonightAfterEightIsTheNextHour() throws {
    #expect(try parse("tonight", now: "2026-11-18 21:10", .future) == Self.local("2026-11-18 22:00"))
    #expect(try parse("tonight", now: "2026-11-18 20:00", .future) == Self.local("2026-11-18 21:00"))
    #expect(try parse("tonight", now: "2026-11-18 23:30", .future) == Self.local("2026-11-19 00:00"))
  }

  /// Filters keep whole days: `--since tomorrow` and `--since tonight` start at midnight.
  @Test func pastLeaningDayPhrasesStayWholeDays() throws {
    #expect(try parse("tomorrow", now: "2026-11-18 15:40", .past) == Self.local("2026-11-19 00:00"))
    #expect(try parse("tonight", now: "2026-11-18 15:40", .past) == Self.local("2026-11-18 00:00"))
  }

  @Test func weekBoundaryOnSundayAndMonday() throws {
    // Sunday 22 Nov 2026: "monday" looking back is the 16th, looking forward the 23rd.
    #expect(try parse("monday", now: "2026-11-22 23:59", .past) == Self.local("2026-11-16 00:00"))
    #expect(try parse("monday", now: "2026-11-22 23:59", .future) == Self.local("2026-11-23 00:00"))
    // Monday 23 Nov: "sunday" looking back is yesterday; "last monday" is a week ago.
    #expect(try parse("sunday", now: "2026-11-23 00:01", .past) == Self.local("2026-11-22 00:00"))
    #expect(try parse("last monday", now: "2026-11-23 00:01", .past) == Self.local("2026-11-16 00:00"))
  }

  @Test func dayPhrasesKeepLocalMidnightAcrossTheDSTChange() throws {
    // Berlin leaves summer time on Sunday 25 Oct 2026 at 03:00.
    let now = "2026-10-26 10:00"
    let yesterday = try parse("yesterday", now: now, .past)
    let twoDaysAgo = try parse("2 days ago", now: now, .past)
    #expect(yesterday == Self.local("2026-10-25 00:00"))
    #expect(twoDaysAgo == Self.local("2026-10-24 00:00"))
    // That Sunday had 25 hours.
    #expect(yesterday.timeIntervalSince(twoDaysAgo) == 24 * 3600)
    #expect(Self.local("2026-10-26 00:00").timeIntervalSince(yesterday) == 25 * 3600)
    let spring = try parse("tomorrow 9am", now: "2026-03-28 20:00", .future)
    #expect(spring == Self.local("2026-03-29 09:00"))
  }

  @Test func untilIncludesTheWholeNamedDay() throws {
    let phrase = try DatePhrase.parse(
      "2026-05-03", now: Self.local("2026-11-18 12:00"), timeZone: Self.berlin, direction: .past)
    #expect(phrase.endOfDay(in: Self.berlin) == Self.local("2026-05-04 00:00"))
    let timed = try DatePhrase.parse(
      "2026-05-03 10:00", now: Self.local("2026-11-18 12:00"), timeZone: Self.berlin, direction: .past)
    #expect(timed.endOfDay(in: Self.berlin) == Self.local("2026-05-03 10:00"))
  }

  @Test(arguments: ["03/04/2026", "2026-02-30", "someday", "13pm", "25:00", "", "last blursday", "2026-13-01"])
  func unclearOrImpossibleDatesAreRefused(text: String) {
    #expect(throws: VaultError.self) {
      try DatePhrase.parse(text, now: Self.local("2026-11-18 12:00"), timeZone: Self.berlin, direction: .past)
    }
  }

  @Test func ambiguousSlashDatesSayHowToWriteThem() {
    #expect(throws: VaultError.invalidInput(.ambiguousDate("03/04/2026"))) {
      try DatePhrase.parse("03/04/2026", now: Date(), direction: .past)
    }
  }
}

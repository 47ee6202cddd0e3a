import Foundation
import LetterVault
import Testing

/// `list`, `show` and `status` name the moment the brake itself gives, never a stored release
/// time already past: a letter due days ago but held by the night says when the night ends
/// (docs/COOLING-OFF.md "What the commands show"; issue 14).
@Suite struct NextMomentTests {
  @Test func aLetterDueButInQuietHoursNamesTheEndOfTheNightInListShowAndStatus() throws {
    let zone = BrakeBypassTests.zone(whereItIsNow: 1)
    let scene = try BypassScene(requestedDaysAgo: 3, zone: zone)
    defer { scene.remove() }
    let id = scene.letters[0].id
    let shown = try scene.cli.run(["show", id, "--json"])
    let object = try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any]
    let stored = try #require(object?["releaseAt"] as? String)
    let past = Self.text(try #require(ISO8601DateFormatter().date(from: stored)))
    let endOfNight = Self.text(QuietHours.standard.firstMomentOutside(from: Date(), in: zone))

    let list = try scene.cli.run(["list", "--no-pager"])
    #expect(list.stdout.contains("(may go \(endOfNight))"), "\(list.stdout)")
    #expect(!list.stdout.contains(past), "\(list.stdout)")
    let show = try scene.cli.run(["show", id, "--no-pager"])
    #expect(show.stdout.contains("may be sent from \(endOfNight), after the quiet hours"), "\(show.stdout)")
    #expect(!show.stdout.contains(past), "\(show.stdout)")
    let status = try scene.cli.run(["status", "--no-pager"])
    #expect(status.stdout.contains("may go from \(endOfNight)"), "\(status.stdout)")
  }

  /// The CLI's local time (the tests run it with TZ=UTC), as `list` writes it.
  static func text(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "d MMM yyyy HH:mm"
    return formatter.string(from: date)
  }
}

import Foundation
import Testing

/// `list` and "unlocked until" write local times worked out with the C library's zone
/// (LocalDateText.swift, round 7 of docs/PERFORMANCE.md), not Foundation's: run as a user in
/// another zone would, the text must still be Foundation's for that zone, half and quarter
/// hours and the southern summer included. Seen failing with the offset's sign turned round
/// (every time in Auckland 26 hours off).
@Suite struct LocalTimeZoneTests {
  @Test(arguments: ["Pacific/Auckland", "America/St_Johns", "Asia/Kathmandu", "Europe/Berlin"])
  func listWritesTheTimeOfTheZoneItRunsIn(zone: String) throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("a letter from somewhere else")
    let json = try fixture.run(["list", "--json"], environment: ["TZ": zone])
    let letters = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let created = try #require(letters.first?["created"] as? String)
    let iso = ISO8601DateFormatter()
    iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let plain = ISO8601DateFormatter()
    let date = try #require(iso.date(from: created) ?? plain.date(from: created), "\(created)")

    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.timeZone = TimeZone(identifier: zone)
    formatter.dateFormat = "d MMM yyyy HH:mm"
    let list = try fixture.run(["list"], environment: ["TZ": zone])
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains(formatter.string(from: date)), "\(list.stdout) \(created)")
    #expect(list.stdout.contains(String(id.prefix(8))))

    // "unlocked until HH:mm" on a command that finds the key cached.
    _ = try fixture.run(["unlock", "--for", "10m"], environment: ["TZ": zone])
    let shown = try fixture.run(["show", id], environment: ["TZ": zone])
    formatter.dateFormat = "HH:mm"
    let until = shown.stderr.split(separator: "unlocked until ").dropFirst().first?.prefix(5) ?? ""
    let expected = (0...11).map { formatter.string(from: Date().addingTimeInterval(Double(9 * 60 + $0 * 10))) }
    #expect(expected.contains(String(until)), "\(shown.stderr)")
    _ = try fixture.run(["lock"])
  }
}

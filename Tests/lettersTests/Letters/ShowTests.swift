import Foundation
import Testing

/// What `show` prints, and a large letter through the whole pipe (README: stdout is data, `letters show ID | lp` prints just the letter).
@Suite struct ShowTests {
  @Test func showIntoAPipeIsPlainText() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("Dear Dr. Hale,\nthank you.\n", subject: "Tuesday")
    let result = try fixture.run(["show", id])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("\u{1B}"), "no terminal escapes")
    #expect(result.stdout.hasPrefix("To: Dr. Hale\nSubject: Tuesday\nState: draft\n"))
    #expect(result.stdout.hasSuffix("\nDear Dr. Hale,\nthank you.\n"))
    #expect(result.stderr.isEmpty)
  }

  @Test func showJSONHasTheDocumentedFields() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("Dear Dr. Hale,\n", subject: "Tuesday")
    let result = try fixture.run(["show", String(id.prefix(5)), "--json"])
    #expect(result.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    for field in [
      "id", "to", "subject", "state", "tags", "created", "updated", "releaseAt", "fingerprint", "body",
    ] {
      #expect(object.keys.contains(field), "missing \(field)")
    }
    #expect(object["id"] as? String == id)
    #expect(object["to"] as? String == "Dr. Hale")
    #expect(object["state"] as? String == "draft")
    #expect(object["body"] as? String == "Dear Dr. Hale,\n")
    #expect(object["releaseAt"] is NSNull)
    #expect((object["created"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) } != nil)
    let shown = try fixture.run(["show", id])
    let fingerprint = try #require(object["fingerprint"] as? String)
    #expect(shown.stdout.contains("Fingerprint: \(fingerprint)\n"))
  }

  @Test func aTenMegabyteLetterRoundTripsByteIdentical() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    var text = [UInt8]()
    text.reserveCapacity(10_000_100)
    let line = Array("Ich schreibe dir, weil — héllo, ça va? 🌧\n".utf8)
    while text.count < 10_000_000 { text += line }
    let written = try CLI.run(["write"], stdin: Data(text), environment: fixture.environment)
    #expect(written.status == 0, "\(written.stderr)")
    let id = written.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let shown = try fixture.run(["show", id, "--text-only"])
    #expect(shown.status == 0)
    #expect(shown.stdoutData == Data(text))
  }
}

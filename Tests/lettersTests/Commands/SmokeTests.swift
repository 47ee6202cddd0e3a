import Foundation
import Testing

@Suite struct SmokeTests {
  @Test func writeThenShowPrintsTheLetterAndItsFingerprint() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("Dear Dr. Hale,\nthank you.\n", subject: "Tuesday")
    #expect(id.count == 32)
    let shown = try fixture.run(["show", String(id.prefix(6))])
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("Dear Dr. Hale,\nthank you.\n"))
    #expect(shown.stdout.contains("Fingerprint: "))
    #expect(shown.stdout.contains("To: Dr. Hale"))
  }
}

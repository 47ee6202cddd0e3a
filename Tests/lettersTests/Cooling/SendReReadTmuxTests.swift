import Foundation
import Testing

/// The re-read before sending, in a real terminal: the whole letter in the pager, then a
/// typed word. Anything but "send" keeps the letter held (faked clock, see ``FakeTime``).
@Suite struct SendReReadTmuxTests {
  @Test func theLetterIsShownInThePagerAndGoesOnlyAfterTypingSend() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    let id = try faked.vaultWithLetter(at: "2027-01-12 09:00:00")
    #expect(try faked.run(["send", id], at: "2027-01-12 09:00:00").status == 0)
    let environment = faked.fixture.environment.merging(["TZ": "UTC"]) { $1 }
      .map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
    let command =
      "env \(environment) \(FakeTime.wrapper) '2027-01-13 10:00:00' '\(CLI.binary.path)' send \(id)"

    // First time: read it, then decline.
    let first = TmuxPane()
    defer { first.stop() }
    try first.start("\(command); echo \"send exited $?\"; sleep 60")
    var screen = try first.waitFor("thank you.")
    #expect(screen.contains("Fingerprint: "))
    try first.press("q")
    try first.waitFor("Type send to send letter \(id.prefix(8)) now")
    try first.type("not yet")
    screen = try first.waitFor("send exited 0")
    #expect(screen.contains("nothing was sent; letter \(id.prefix(8)) is still held"))
    #expect(try faked.state(id, at: "2027-01-13 10:01:00") == "held")

    // Second time: read it, type send.
    let second = TmuxPane()
    defer { second.stop() }
    try second.start("\(command); echo \"send exited $?\"; sleep 60")
    try second.waitFor("thank you.")
    try second.press("q")
    try second.waitFor("Type send to send letter \(id.prefix(8)) now")
    try second.type("send")
    screen = try second.waitFor("send exited 0")
    #expect(screen.contains("is recorded as sent by hand"))
    #expect(try faked.state(id, at: "2027-01-13 10:02:00") == "sent")
  }
}

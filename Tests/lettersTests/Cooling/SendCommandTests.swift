import Foundation
import Testing

/// `letters send` and `cancel` end to end (COOLING-OFF.md "The rules"). The brake reads
/// the kernel's clocks, so faketime moves only what the writer sees here, never a deadline
/// (issue 14): release after the period is `RealTimeReleaseTests`, quiet hours
/// `QuietHoursTests`, a clock moved forward `BrakeBypassTests`.
@Suite struct SendCommandTests {
  /// `hold` on a letter that cools keeps its send request (the wait is not lost), and says so
  /// instead of "it will not be sent" (found at a real terminal on 2026-12-07).
  @Test func holdingALetterThatCoolsSaysItsRequestStillStands() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("Dear Dr. Hale,\n")
    #expect(try fixture.run(["send", id]).status == 0)
    let held = try fixture.run(["hold", id])
    #expect(held.status == 0)
    #expect(held.stderr.contains("is held, and its send request still stands; `letters cancel \(id.prefix(8))` withdraws it"), "\(held.stderr)")
    #expect(!held.stderr.contains("will not be sent"))
    #expect(try fixture.run(["list"]).stdout.contains("may go"))
    #expect(try fixture.run(["cancel", id]).status == 0)
    #expect(try fixture.run(["hold", id]).stderr.contains("is held; it will not be sent"))
  }

  @Test func editingAHeldLetterRestartsItsCoolingOff() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    let id = try faked.vaultWithLetter(at: "2027-01-12 09:00:00")
    #expect(try faked.run(["send", id], at: "2027-01-12 10:00:00").status == 0)
    let before = try faked.fingerprint(id, at: "2027-01-12 10:00:00")

    let edited = try faked.run(
      ["edit", id], at: "2027-01-12 19:00:00", stdin: "Dear Dr. Hale,\nthank you, truly.\n")
    #expect(edited.status == 0)
    #expect(edited.stderr.contains("its cooling-off starts again"))
    #expect(
      try faked.run(["show", id, "--json"], at: "2027-01-12 19:00:00").stdout.contains(
        "\"state\" : \"held\""))

    // The old fingerprint is refused at once (69), whatever the letter's state.
    let day = try faked.run(["send", id, "--confirm", before], at: "2027-01-13 10:00:05")
    #expect(day.status == 69)
    let after = try faked.fingerprint(id, at: "2027-01-13 19:00:05")
    #expect(after != before)
  }

  @Test func cancelWithdrawsTheRequestAndKeepsTheLetterHeld() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    let id = try faked.vaultWithLetter(at: "2027-01-12 09:00:00")
    #expect(try faked.run(["send", id], at: "2027-01-12 10:00:00").status == 0)
    let cancelled = try faked.run(["cancel", id], at: "2027-01-12 11:00:00")
    #expect(cancelled.status == 0)
    #expect(cancelled.stderr.contains("withdrawn; the letter stays held"))
    #expect(try faked.state(id, at: "2027-01-12 11:00:00") == "held")
    let again = try faked.run(["cancel", id], at: "2027-01-12 11:00:00")
    #expect(again.status == 69)
    #expect(again.stderr.contains("has no send request to withdraw"))
    // Asking again starts a full period from now.
    let asked = try faked.run(["send", id], at: "2027-01-12 12:00:00")
    #expect(asked.stderr.contains("This letter is cooling off until "))
  }
}

import Foundation
import Testing

/// `letters rules` and `letters recipient` end to end, and bad input refused with the vault
/// unchanged.
@Suite struct RulesCommandTests {
  @Test func rulesShowTightenAtOnceLoosenLaterAndCancel() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    _ = try faked.vaultWithLetter(at: "2027-01-12 09:00:00")
    let shown = try faked.run(["rules"], at: "2027-01-12 09:00:00")
    #expect(shown.stdout.contains("Cooling-off: 1 day\n"))
    #expect(shown.stdout.contains("Quiet hours: 22:00–07:00"))

    let tighter = try faked.run(["rules", "set", "--cooling-off", "2d"], at: "2027-01-12 09:00:00")
    #expect(tighter.status == 0)
    #expect(tighter.stderr.contains("cooling-off: 2 days, from now on"))
    let looser = try faked.run(["rules", "set", "--cooling-off", "90m"], at: "2027-01-12 09:00:00")
    #expect(looser.status == 0)
    #expect(
      looser.stderr.contains(
        "cooling-off: 1 hour 30 minutes is looser, so it takes effect from "))
    let pending = try faked.run(["rules", "--json"], at: "2027-01-12 10:00:00")
    let object = try JSONSerialization.jsonObject(with: pending.stdoutData) as? [String: Any]
    #expect(object?["coolingOffSeconds"] as? Int == 172_800)
    #expect((object?["pending"] as? [[String: Any]])?.first?["coolingOffSeconds"] as? Int == 5400)

    let cancelled = try faked.run(["rules", "cancel"], at: "2027-01-12 10:00:00")
    #expect(cancelled.stderr.contains("withdrew 1 waiting rule change"))
    // The brake's clock is the kernel's, not faketime's (issue 14): that a withdrawn change
    // never applies later is RuleChangeTests.aPendingLooseningCanBeCancelledAndThenNeverApplies.
    let later = try faked.run(["rules"], at: "2027-01-12 10:00:00")
    #expect(later.stdout.contains("Cooling-off: 2 days\n"))
    #expect(!later.stdout.contains("Waiting"))
  }

  @Test func recipientsAreAddedAndListedWithTheirPeriods() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    _ = try faked.vaultWithLetter(at: "2027-01-12 09:00:00")
    let added = try faked.run(
      ["recipient", "add", "Dr. Hale", "--email", "hale@example.org", "--cooling-off", "3d"],
      at: "2027-01-12 09:00:00")
    #expect(added.status == 0)
    #expect(try faked.run(["recipient", "add", "Mum"], at: "2027-01-12 09:00:00").status == 0)
    let listed = try faked.run(["recipient", "list"], at: "2027-01-12 09:00:00")
    #expect(
      listed.stdout
        == "Dr. Hale  <hale@example.org>  cooling-off 3 days\nMum  cooling-off 1 day (the default)\n"
    )
    let twice = try faked.run(["recipient", "add", "mum"], at: "2027-01-12 09:00:00")
    #expect(twice.status == 69)
  }

  @Test(arguments: [
    (["rules", "set", "--cooling-off", "5x"], "is not a period letters understands"),
    (["rules", "set", "--cooling-off", "0h"], "is not a period letters understands"),
    (["rules", "set", "--cooling-off", "30s"], "is not a period letters understands"),
    (["rules", "set", "--quiet-hours", "25:00-07:00"], "is not a window letters understands"),
    (["rules", "set", "--quiet-hours", "22:00"], "is not a window letters understands"),
    (["rules", "set"], "there is no rule change to make"),
    (["recipient", "add", "Dad", "--email", "dad at home"], "does not look like an email address"),
  ])
  func badInputIsRefusedWithSixtyFourAndChangesNothing(arguments: [String], message: String) throws
  {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let result = try fixture.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func sendingWhatIsNotThereSaysSo() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let missing = try fixture.run(["send", "abcdef12"])
    #expect(missing.status == 66)
    let id = try fixture.write("Dear …")
    let noRequest = try fixture.run(["cancel", id])
    #expect(noRequest.status == 69)
  }

  @Test func thereIsNoFlagOrVariableThatSkipsTheBrake() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("Dear …")
    #expect(try fixture.run(["send", id]).status == 0)
    let before = try fixture.vaultBytes()
    for flag in ["--force", "--now", "--no-cooling-off", "--yes"] {
      #expect(try fixture.run(["send", id, flag]).status == 64)
    }
    let environment = [
      "LETTERS_FORCE": "1", "LETTERS_COOLING_OFF": "0", "LETTERS_QUIET_HOURS": "none",
    ]
    #expect(try fixture.run(["send", id], environment: environment).status == 75)
    #expect(try fixture.vaultBytes() == before)
  }
}

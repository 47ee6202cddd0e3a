import Foundation
import Testing

/// `letters recipient edit` and `letters recipient remove` end to end (docs/COOLING-OFF.md
/// "Correcting a recipient"), and bad input refused with the vault unchanged.
@Suite struct RecipientCommandTests {
  @Test func aMistypedAddressAndNameAreCorrectedAndTheListShowsThem() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let added = try fixture.run(
      ["recipient", "add", "Dr Hael", "--email", "hale@exmaple.org", "--cooling-off", "3d"])
    #expect(added.status == 0, "\(added.stderr)")
    let edited = try fixture.run(
      ["recipient", "edit", "dr hael", "--email", "hale@example.org", "--rename", "Dr. Hale"])
    #expect(edited.status == 0, "\(edited.stderr)")
    #expect(edited.stderr.contains("Dr. Hale's email address is now hale@example.org"))
    #expect(
      edited.stderr.contains(
        "Dr Hael is now called Dr. Hale; letters already written to Dr Hael keep that name and follow Dr. Hale's rules"
      ), "\(edited.stderr)")
    let listed = try fixture.run(["recipient", "list"])
    #expect(listed.stdout == "Dr. Hale  <hale@example.org>  cooling-off 3 days  (was Dr Hael)\n")
    let json = try fixture.run(["recipient", "list", "--json"])
    let objects = try JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: Any]]
    #expect(objects?.first?["email"] as? String == "hale@example.org")
    #expect(objects?.first?["formerNames"] as? [String] == ["Dr Hael"])

    #expect(try fixture.run(["recipient", "add", "Mum"]).status == 0)
    let removed = try fixture.run(["recipient", "remove", "mum"])
    #expect(removed.status == 0)
    #expect(removed.stderr.contains("removed Mum; letters written to them stay as they are"))
    #expect(try fixture.run(["recipient", "list"]).stdout == listed.stdout)
  }

  @Test func aLongerPeriodAppliesAtOnceAndAShorterOneWaitsAFullPeriod() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    _ = try faked.vaultWithLetter(at: "2027-01-12 09:00:00")
    #expect(try faked.run(["recipient", "add", "Dr. Hale"], at: "2027-01-12 09:00:00").status == 0)
    let longer = try faked.run(
      ["recipient", "edit", "Dr. Hale", "--cooling-off", "2d"], at: "2027-01-12 09:00:00")
    #expect(longer.status == 0)
    #expect(longer.stderr.contains("cooling-off for Dr. Hale: 2 days, from now on"))
    let shorter = try faked.run(
      ["recipient", "edit", "Dr. Hale", "--cooling-off", "1h"], at: "2027-01-12 09:00:00")
    #expect(shorter.status == 0)
    #expect(
      shorter.stderr.contains(
        "cooling-off for Dr. Hale: 1 hour is looser, so it takes effect from "),
      "\(shorter.stderr)")
    // The brake's clock is the kernel's, not faketime's (issue 14): the change taking effect
    // after its period is RecipientEditTests.aLongerPeriodAppliesAtOnceAndAShorterOneWaitsAFullPeriod.
    let before = try faked.run(["recipient", "list"], at: "2027-01-14 08:59:00")
    #expect(before.stdout == "Dr. Hale  cooling-off 2 days\n")
  }

  @Test func removingSomeoneWithALongerPeriodWaitsThatPeriod() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    _ = try faked.vaultWithLetter(at: "2027-01-12 09:00:00")
    #expect(
      try faked.run(
        ["recipient", "add", "Dr. Hale", "--email", "hale@example.org", "--cooling-off", "3d"],
        at: "2027-01-12 09:00:00"
      ).status == 0)
    let removal = try faked.run(["recipient", "remove", "Dr. Hale"], at: "2027-01-12 09:00:00")
    #expect(removal.status == 0)
    #expect(
      removal.stderr.contains(
        "Dr. Hale's own cooling-off is longer than the default, so removing them is a looser rule: they stay until "
      ), "\(removal.stderr)")
    let rules = try faked.run(["rules"], at: "2027-01-12 10:00:00")
    #expect(rules.stdout.contains("  removing Dr. Hale from "), "\(rules.stdout)")
    // The brake's clock is the kernel's, not faketime's (issue 14): the removal taking effect
    // after the period is RecipientEditTests.removingSomeoneWithALongerPeriodWaitsThatPeriodAndCanBeWithdrawn.
    let still = try faked.run(["recipient", "list"], at: "2027-01-15 08:59:00")
    #expect(still.stdout == "Dr. Hale  <hale@example.org>  cooling-off 3 days\n")
  }

  @Test(arguments: [
    (["recipient", "edit", "Nobody", "--email", "a@example.org"], 66, "there is no recipient called Nobody"),
    (["recipient", "remove", "Nobody"], 66, "there is no recipient called Nobody"),
    (["rules", "set", "--cooling-off", "1h", "--for", "Nobody"], 66, "there is no recipient called Nobody"),
    (["recipient", "edit", "Mum", "--rename", "dr. hale"], 64, "Dr. Hale is already a recipient"),
    (["recipient", "edit", "Mum", "--email", "mum at home"], 64, "does not look like an email address"),
    (["recipient", "edit", "Mum", "--cooling-off", "30s"], 64, "is not a period letters understands"),
    (["recipient", "edit", "Mum"], 64, "there is nothing to change; give --email, --rename or --cooling-off"),
  ])
  func badInputIsRefusedAndChangesNothing(arguments: [String], status: Int32, message: String)
    throws
  {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    #expect(try fixture.run(["recipient", "add", "Mum"]).status == 0)
    #expect(try fixture.run(["recipient", "add", "Dr. Hale"]).status == 0)
    let before = try fixture.vaultBytes()
    let result = try fixture.run(arguments)
    #expect(result.status == status, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.contains("hint:") == (status == 66 || arguments.contains("--rename")))
    #expect(try fixture.vaultBytes() == before)
  }

  #if os(Linux)
    /// NAME completes to recipients only (a letter's name that is nobody's would end in 66).
    @Test func editAndRemoveCompleteRecipientsOnly() throws {
      let fixture = try CLIFixture()
      defer { fixture.remove() }
      defer { _ = try? fixture.run(["lock"]) }
      _ = try fixture.write("hello", to: "Dr. Hale")
      #expect(try fixture.run(["recipient", "add", "Mum"]).status == 0)
      #expect(try fixture.run(["recipient", "add", "Max"]).status == 0)
      #expect(try fixture.run(["unlock", "--for", "2m"]).status == 0)
      for subcommand in ["edit", "remove"] {
        let offered = try CompletionCandidatesTests.complete(
          fixture, subcommand: "recipient \(subcommand)", argument: "positional@0",
          words: ["recipient", subcommand], typed: "")
        #expect(offered.stdout == "Max\nMum\n", "\(subcommand): \(offered.stdout) \(offered.stderr)")
      }
    }
  #endif
}

import Foundation
import Testing

/// `letters send` and `cancel` end to end, on a faked clock (COOLING-OFF.md "The rules").
@Suite struct SendCommandTests {
  @Test func sendWaitsSeventyFiveWhileCoolingAndGoesAfterTheConfirmedReRead() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    let id = try faked.vaultWithLetter(at: "2027-01-12 09:00:00")
    // Quiet hours set explicitly (a wider window is stricter, so it applies at once).
    #expect(
      try faked.run(["rules", "set", "--quiet-hours", "21:00-08:00"], at: "2027-01-12 09:00:00")
        .status == 0)

    let asked = try faked.run(["send", id], at: "2027-01-12 10:00:00")
    #expect(asked.status == 0)
    #expect(
      asked.stderr.contains(
        "This letter is cooling off until tomorrow 10:00. It will still be here."))

    let early = try faked.run(["send", id], at: "2027-01-13 09:59:30")
    #expect(early.status == 75)
    #expect(
      early.stderr
        == "letters: This letter is cooling off until today 10:00. It will still be here.\n")
    #expect(try faked.run(["send", id, "--confirm", "x"], at: "2027-01-13 09:59:30").status == 75)

    let fingerprint = try faked.fingerprint(id, at: "2027-01-13 10:00:01")
    let wrong = try faked.run(
      ["send", id, "--confirm", "0000-0000-0000"], at: "2027-01-13 10:00:01")
    #expect(wrong.status == 69)
    #expect(
      wrong.stderr.contains(
        "that fingerprint is not the one of letter \(id.prefix(8)) as it is now"))
    #expect(try faked.state(id, at: "2027-01-13 10:00:01") == "held")

    let unconfirmed = try faked.run(["send", id], at: "2027-01-13 10:00:01")
    #expect(unconfirmed.status == 64)
    #expect(unconfirmed.stderr.contains("--confirm FINGERPRINT"))

    let sent = try faked.run(
      ["send", id, "--confirm", fingerprint.uppercased()], at: "2027-01-13 10:00:02")
    #expect(sent.status == 0, "\(sent.stderr)")
    #expect(sent.stderr.contains("is recorded as sent by hand, 13 Jan 2027 10:00"))
    #expect(try faked.state(id, at: "2027-01-13 10:01:00") == "sent")
    let again = try faked.run(["send", id, "--confirm", fingerprint], at: "2027-01-13 10:01:00")
    #expect(again.status == 69)
    #expect(again.stderr.contains("a letter is never sent twice"))
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

    let day = try faked.run(["send", id, "--confirm", before], at: "2027-01-13 10:00:05")
    #expect(day.status == 75)
    #expect(day.stderr.contains("cooling off until today 19:00"))
    let after = try faked.fingerprint(id, at: "2027-01-13 19:00:05")
    #expect(after != before)
    #expect(
      try faked.run(["send", id, "--confirm", before], at: "2027-01-13 19:00:05").status == 69)
    #expect(try faked.run(["send", id, "--confirm", after], at: "2027-01-13 19:00:05").status == 0)
  }

  @Test func aLetterDueInQuietHoursWaitsForTheMorning() throws {
    let faked = try FakeTime.fixture()
    defer { faked.remove() }
    let id = try faked.vaultWithLetter(at: "2027-01-12 09:00:00")
    #expect(
      try faked.run(["rules", "set", "--quiet-hours", "21:00-08:00"], at: "2027-01-12 09:00:00")
        .status == 0)
    let asked = try faked.run(["send", id], at: "2027-01-12 21:30:00")
    // Due at 21:30 the next evening, inside the quiet hours: it can go the morning after.
    #expect(
      asked.stderr.contains(
        "This letter is cooling off until Thursday 08:00. It will still be here."))
    let fingerprint = try faked.fingerprint(id, at: "2027-01-13 21:40:00")
    let night = try faked.run(["send", id, "--confirm", fingerprint], at: "2027-01-13 21:40:00")
    #expect(night.status == 75)
    #expect(
      night.stderr.contains(
        "It is quiet hours now, so this letter waits until tomorrow 08:00. It will still be here."))
    #expect(
      try faked.run(["send", id, "--confirm", fingerprint], at: "2027-01-14 08:00:05").status == 0)
  }

  @Test func aClockMovedForwardWithoutARestartReleasesNothingAndIsShown() throws {
    let faked = try FakeTime.fixture(realBootClock: true)
    defer { faked.remove() }
    // The real boot clock: moving the faked wall clock two days on is a jump within this boot.
    let id = try faked.vaultWithLetter(at: "2027-01-12 10:00:00")
    #expect(try faked.run(["send", id], at: "2027-01-12 10:00:00").status == 0)
    let fingerprint = try faked.fingerprint(id, at: "2027-01-12 10:00:00")
    let jumped = try faked.run(["send", id, "--confirm", fingerprint], at: "2027-01-14 12:00:00")
    #expect(jumped.status == 75)
    #expect(jumped.stderr.contains("This letter is cooling off until"))
    let status = try faked.run(["status"], at: "2027-01-14 12:00:00")
    #expect(status.stdout.contains("the clock moved forward 2 days"))
    #expect(try faked.state(id, at: "2027-01-14 12:00:00") == "held")
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
    #expect(asked.stderr.contains("cooling off until tomorrow 12:00"))
  }
}

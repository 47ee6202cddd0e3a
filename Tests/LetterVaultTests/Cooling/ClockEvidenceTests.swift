import Foundation
import LetterVault
import Testing

/// The clock is not trusted blindly (COOLING-OFF.md "The clock"; T45, T46, T49).
@Suite struct ClockEvidenceTests {
  @Test func aSameBootForwardJumpIsRefusedRecordedAndAddedToTheDeadline() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.advance(60)
    test.clock.jumpWall(2 * Cooling.day)  // wall +2 days, boot clock +1 minute
    let error = Cooling.releaseError(test.vault, id)
    #expect(error?.waitReason == ReleaseWait.coolingOff)
    #expect(error?.waitUntil == Cooling.start + 3 * Cooling.day)
    #expect(try test.vault.letter(id).summary.releaseAt == Cooling.start + 3 * Cooling.day)
    let anomalies = try test.vault.status().clockAnomalies
    #expect(anomalies.map(\.kind) == [.movedForward])
    #expect(anomalies.first?.amount == 2 * Cooling.day)
  }

  @Test func aJumpSeenOnlyAtUnlockStillCountsAfterARestart() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.advance(60)
    test.clock.jumpWall(2 * Cooling.day)
    _ = try test.reopen()  // the unlock sees the jump; no command writes anything
    test.clock.reboot(newID: 2)
    let afterRestart = try test.reopen()
    #expect(Cooling.releaseError(afterRestart, id)?.waitUntil == Cooling.start + 3 * Cooling.day)
    // A full real day later it may go.
    test.clock.advance(Cooling.day - 60)
    #expect(Cooling.releaseError(afterRestart, id) == nil)
  }

  @Test func smallStepsForwardAddUpToAJump() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.jumpWall(4 * 60)
    try test.vault.addNote(id, text: "a little later")
    #expect(try test.vault.status().clockAnomalies.isEmpty)
    test.clock.jumpWall(4 * 60)
    try test.vault.addNote(id, text: "a little later again")
    #expect(try test.vault.status().clockAnomalies.map(\.amount) == [8 * 60])
    #expect(try test.vault.letter(id).summary.releaseAt == Cooling.start + Cooling.day + 8 * 60)
  }

  /// A slow clock put right (back, then forward again) in one boot costs the letters only
  /// what it gained net; repeated, it no longer moves them day after day (issue 14).
  @Test func aBackwardThenForwardCorrectionCountsOnlyItsNetForwardPart() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    for round in 0..<3 {
      test.clock.advance(60)
      test.clock.jumpWall(-10 * 60)
      try test.vault.addNote(id, text: "round \(round), set back")
      test.clock.advance(60)
      test.clock.jumpWall(10 * 60)
      try test.vault.addNote(id, text: "round \(round), put right")
    }
    #expect(try test.vault.letter(id).summary.releaseAt == Cooling.start + Cooling.day)
    test.clock.jumpWall(20 * 60)  // now a real step forward: counted once
    try test.vault.addNote(id, text: "ahead")
    #expect(try test.vault.letter(id).summary.releaseAt == Cooling.start + Cooling.day + 20 * 60)
  }

  @Test func aClockSetBackBelowTheLatestTimeSeenWaitsUntilItCatchesUp() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.advance(30 * Cooling.hour)
    try test.vault.addNote(id, text: "still thinking")  // the vault sees 30 h
    test.clock.jumpWall(-3 * Cooling.hour)
    let error = Cooling.releaseError(test.vault, id)
    #expect(error?.waitReason == ReleaseWait.clock)
    #expect(error?.waitUntil == Cooling.start + 30 * Cooling.hour - 5 * 60)
    #expect(try test.vault.status().clockAnomalies.map(\.kind) == [.setBack, .releaseWaited])
    test.clock.advance(3 * Cooling.hour - 5 * 60 - 1)
    #expect(Cooling.releaseError(test.vault, id)?.waitReason == ReleaseWait.clock)
    test.clock.advance(1)
    #expect(Cooling.releaseError(test.vault, id) == nil)
  }

  @Test func aClockBehindTheLastTimeSeenAfterARestartIsNoted() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.write(LetterDraft(text: "x"))
    test.clock.jumpWall(-2 * Cooling.hour)
    test.clock.reboot(newID: 7)
    _ = try test.vault.write(LetterDraft(text: "y"))
    #expect(try test.vault.status().clockAnomalies.map(\.kind) == [.setBackAcrossRestart])
  }

  @Test func suspendAndOrdinaryTimeAreNotAnomalies() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.advance(10 * Cooling.hour)  // CLOCK_BOOTTIME counts suspend
    try test.vault.addNote(id, text: "after a night's sleep")
    test.clock.reboot(newID: 3)
    test.clock.advance(14 * Cooling.hour)
    #expect(Cooling.releaseError(test.vault, id) == nil)
    #expect(try test.vault.status().clockAnomalies.isEmpty)
  }

  @Test func theAnomalyLogKeepsTheLatestThirtyTwo() throws {
    let test = try TestVault()
    defer { test.remove() }
    for index in 1...40 {
      test.clock.jumpWall(TimeInterval(index) * 600)
      _ = try test.vault.write(LetterDraft(text: "\(index)"))
    }
    let anomalies = try test.vault.status().clockAnomalies
    #expect(anomalies.count == 32)
    #expect(anomalies.map(\.amount) == (9...40).map { TimeInterval($0 * 600) })
  }

  @Test func aJumpAlsoDelaysAPendingLoosening() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.write(LetterDraft(text: "x"))
    _ = try test.vault.changeRules(RuleChange(coolingOff: Cooling.hour))
    test.clock.advance(60)
    test.clock.jumpWall(2 * Cooling.day)
    _ = try test.reopen()
    test.clock.reboot(newID: 9)
    let reopened = try test.reopen()
    #expect(try reopened.rules().coolingOff == Cooling.day)
    #expect(try reopened.rules().pending.first?.effective == Cooling.start + 3 * Cooling.day)
  }

  @Test func readingDoesNotWriteTheVaultWhenTheClockBehaves() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.advance(Cooling.hour)
    let before = try test.fileBytes()
    let reopened = try test.reopen()
    _ = try reopened.letter(id)
    _ = try reopened.list()
    _ = try reopened.sendStatus(id)
    _ = try reopened.rules()
    _ = try reopened.reviewQueue()
    _ = try reopened.status()
    #expect(try test.fileBytes() == before)
  }
}

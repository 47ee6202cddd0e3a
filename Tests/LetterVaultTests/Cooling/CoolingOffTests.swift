import Foundation
import LetterVault
import Testing

/// The cooling-off of a single letter (COOLING-OFF.md "The rules"; SECURITY.md §2, T47).
@Suite struct CoolingOffTests {
  @Test func aTwentyFourHourPeriodRefusesAtOneSecondBeforeAndAllowsAtTheMark() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    let deadline = Cooling.start + Cooling.day
    #expect(try test.vault.letter(id).summary.releaseAt == deadline)

    test.clock.advance(Cooling.day - 1)
    let early = Cooling.releaseError(test.vault, id)
    #expect(early == .notYet(until: deadline, why: ReleaseWait.coolingOff))
    #expect(try test.vault.letter(id).summary.state == .held)

    test.clock.advance(1)
    #expect(Cooling.releaseError(test.vault, id) == nil)
    let sent = try test.vault.letter(id).summary
    #expect(sent.state == .sent)
    #expect(sent.sentAt == deadline)
    #expect(sent.sentHow == "by hand")
  }

  @Test func askingAgainWhileCoolingSaysTheSameTimeAndChangesNothing() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.advance(Cooling.hour)
    #expect(
      try test.vault.sendStatus(id) == .waiting(until: Cooling.start + Cooling.day, .coolingOff))
    #expect(throws: VaultError.notAllowed(.alreadyRequested(id))) {
      try test.vault.requestSend(id)
    }
    #expect(try test.vault.letter(id).summary.releaseAt == Cooling.start + Cooling.day)
  }

  @Test func editingAHeldLetterRestartsItsCoolingOffAndChangesItsFingerprint() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    let before = try Cooling.fingerprint(test.vault, id)
    test.clock.advance(23 * Cooling.hour)
    try test.vault.edit(id, body: Array("Dear …, again".utf8))
    let edited = try test.vault.letter(id)
    #expect(edited.summary.state == .held)
    #expect(edited.summary.releaseAt == Cooling.start + 47 * Cooling.hour)
    #expect(edited.fingerprint != before)

    test.clock.advance(2 * Cooling.hour)  // 25 h after the request, 2 h after the edit
    #expect(Cooling.releaseError(test.vault, id)?.waitUntil == Cooling.start + 47 * Cooling.hour)
    test.clock.advance(22 * Cooling.hour)
    #expect(
      Cooling.releaseError(test.vault, id, fingerprint: before) == .fingerprintMismatch(id.short))
    #expect(try test.vault.letter(id).summary.state == .held)
    #expect(Cooling.releaseError(test.vault, id) == nil)
  }

  @Test func aWrongFingerprintReleasesNothingAndTheSameLetterIsNeverSentTwice() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.advance(Cooling.day)
    #expect(
      Cooling.releaseError(test.vault, id, fingerprint: "0000-0000-0000")
        == .fingerprintMismatch(id.short))
    #expect(Cooling.releaseError(test.vault, id, fingerprint: "") == .fingerprintMismatch(id.short))
    #expect(try test.vault.letter(id).summary.state == .held)
    // Case and hyphens do not matter.
    let typed = try Cooling.fingerprint(test.vault, id).uppercased().replacingOccurrences(
      of: "-", with: "")
    #expect(Cooling.releaseError(test.vault, id, fingerprint: typed) == nil)
    #expect(
      Cooling.releaseError(test.vault, id)
        == .notAllowed(.alreadySent(id)))
    #expect(throws: VaultError.self) { try test.vault.requestSend(id) }
    #expect(try test.vault.history(id).filter { $0.kind == .sent }.count == 1)
  }

  @Test func aLetterWithoutASendRequestCannotBeReleased() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(text: "not for sending"))
    try test.vault.hold(id)
    test.clock.advance(10 * Cooling.day)
    #expect(Cooling.releaseError(test.vault, id)?.exitCodeKind == "notAllowed")
    #expect(try test.vault.sendStatus(id) == .notRequested)
  }

  @Test func cancellingKeepsItHeldAndAskingAgainStartsAFullPeriod() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.advance(23 * Cooling.hour)
    try test.vault.cancelSend(id)
    let cancelled = try test.vault.letter(id).summary
    #expect(cancelled.state == .held)
    #expect(cancelled.releaseAt == nil)
    #expect(throws: VaultError.notAllowed(.noRequestToWithdraw(id))) {
      try test.vault.cancelSend(id)
    }
    let schedule = try test.vault.requestSend(id)
    #expect(schedule.releaseAt == Cooling.start + 47 * Cooling.hour)
  }

  @Test func backToDraftWithdrawsTheRequest() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    try test.vault.hold(id, reviewOn: Cooling.start + Cooling.day)
    try test.vault.backToDraft(id)
    let draft = try test.vault.letter(id).summary
    #expect(draft.state == .draft)
    #expect(draft.releaseAt == nil)
    #expect(draft.reviewOn == nil)
    #expect(try test.vault.history(id).map(\.kind) == [.created, .sendRequested, .backToDraft])
  }

  @Test func aRecipientsOwnPeriodIsUsed() throws {
    let test = try TestVault()
    defer { test.remove() }
    try test.vault.addRecipient(
      name: "Dr. Hale", email: "hale@example.org", coolingOff: 3 * Cooling.day)
    let id = try Cooling.requested(in: test.vault, to: "dr. hale")
    #expect(try test.vault.letter(id).summary.releaseAt == Cooling.start + 3 * Cooling.day)
  }

  @Test func theReleaseTimeCountsFromTheLastEditIfTheClockIsBehindIt() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(text: "written late"))
    test.clock.jumpWall(-2 * Cooling.hour)  // set back: the last edit is now "in the future"
    let schedule = try test.vault.requestSend(id)
    #expect(schedule.releaseAt == Cooling.start + Cooling.day)
  }
}

extension VaultError {
  var exitCodeKind: String {
    switch self {
    case .notAllowed: "notAllowed"
    case .notYet: "notYet"
    case .fingerprintMismatch: "fingerprintMismatch"
    default: "other"
    }
  }
}

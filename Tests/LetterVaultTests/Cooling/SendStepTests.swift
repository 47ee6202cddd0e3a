import Foundation
import LetterVault
import Testing

/// The decision behind `letters send` (docs/ARCHITECTURE.md "One command, end to end"): every
/// state of a letter, with and without a fingerprint, gives one step or one refusal.
@Suite struct SendStepTests {
  @Test func everyStateGivesItsStep() throws {
    let test = try TestVault()
    defer { test.remove() }
    let vault = test.vault
    let draft = try vault.write(LetterDraft(recipient: "Dr. Hale", text: "not asked yet"))
    #expect(try vault.nextSendStep(draft, confirming: nil) == .startCoolingOff)
    // `--retry` says an interrupted delivery did not arrive; with none, it is refused.
    #expect(throws: VaultError.notAllowed(.noInterruptedDelivery(draft))) {
      try vault.nextSendStep(draft, confirming: nil, retrying: true)
    }

    let cooling = try Cooling.requested(in: vault)
    let fingerprint = try Cooling.fingerprint(vault, cooling)
    let deadline = Cooling.start + Cooling.day
    #expect(
      try vault.nextSendStep(cooling, confirming: nil)
        == .wait(until: deadline, .coolingOff, attemptWith: nil))
    #expect(
      try vault.nextSendStep(cooling, confirming: fingerprint)
        == .wait(until: deadline, .coolingOff, attemptWith: fingerprint))

    test.clock.advance(Cooling.day)
    #expect(try vault.nextSendStep(cooling, confirming: nil) == .reRead)
    #expect(
      try vault.nextSendStep(cooling, confirming: fingerprint.uppercased())
        == .release(confirming: fingerprint.uppercased()))
    // Asking changes nothing: the letter is still held and may still go.
    #expect(try vault.letter(cooling).summary.state == .held)
  }

  @Test func aFingerprintThatIsNotTheLettersIsRefusedInEveryState() throws {
    let test = try TestVault()
    defer { test.remove() }
    let vault = test.vault
    let draft = try vault.write(LetterDraft(recipient: "Dr. Hale", text: "a draft"))
    let cooling = try Cooling.requested(in: vault)
    for id in [draft, cooling] {
      #expect(throws: VaultError.fingerprintMismatch(id.short)) {
        try vault.nextSendStep(id, confirming: "0000-0000-0000")
      }
    }
    test.clock.advance(Cooling.day)
    #expect(throws: VaultError.fingerprintMismatch(cooling.short)) {
      try vault.nextSendStep(cooling, confirming: "0000-0000-0000")
    }
    // Refused before anything was asked: the draft has no request, the other still waits.
    #expect(try vault.sendStatus(draft) == .notRequested)
    #expect(try vault.sendStatus(cooling) == .ready)
  }

  @Test func aSentLetterIsNeverSentTwiceWhateverIsTyped() throws {
    let test = try TestVault()
    defer { test.remove() }
    let vault = test.vault
    let id = try Cooling.requested(in: vault)
    test.clock.advance(Cooling.day)
    let fingerprint = try Cooling.fingerprint(vault, id)
    let sentAt = try vault.release(id, confirming: fingerprint, how: .byHand)
    for typed in [nil, fingerprint, "0000-0000-0000"] {
      #expect(throws: VaultError.notAllowed(.wasSent(id, on: sentAt))) {
        try vault.nextSendStep(id, confirming: typed)
      }
    }
  }
}

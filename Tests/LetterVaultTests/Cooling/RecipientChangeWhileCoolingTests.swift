import Foundation
import LetterVault
import Testing

/// A letter's recipient changed while it cools keeps the longer period, through an edit, a
/// withdrawn request, back to draft and a new request (docs/COOLING-OFF.md "Changing the
/// recipient"; issue 14).
@Suite struct RecipientChangeWhileCoolingTests {
  @Test(arguments: [false, true])
  func aShorterRecipientThenCancelThenSendKeepsTheLongerPeriod(viaDraft: Bool) throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.addRecipient(name: "Dr. Hale", coolingOff: 3 * Cooling.day)
    _ = try test.vault.addRecipient(name: "Sam", coolingOff: 3 * Cooling.day)
    _ = try test.vault.changeRules(RuleChange(coolingOff: Cooling.hour, recipient: "Sam"))
    test.clock.advance(3 * Cooling.day)  // Sam's one hour is in force now
    let start = test.clock.now()
    let id = try Cooling.requested(in: test.vault, to: "Dr. Hale")
    #expect(try test.vault.letter(id).summary.releaseAt == start + 3 * Cooling.day)

    test.clock.advance(60)
    try test.vault.edit(id, recipient: "Sam")
    if viaDraft { try test.vault.backToDraft(id) } else { try test.vault.cancelSend(id) }
    test.clock.advance(60)
    let schedule = try test.vault.requestSend(id)
    #expect(schedule.releaseAt == start + 3 * Cooling.day)
    #expect(Cooling.releaseError(test.vault, id)?.waitUntil == start + 3 * Cooling.day)
  }
}

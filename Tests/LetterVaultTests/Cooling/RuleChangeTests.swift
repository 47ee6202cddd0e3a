import Foundation
import LetterVault
import Testing

/// Tighten now, loosen later; no change shortens a deadline (COOLING-OFF.md "The rules"; T44).
@Suite struct RuleChangeTests {
  @Test func tighteningAppliesAtOnceAndLooseningWaitsAFullPeriod() throws {
    let test = try TestVault()
    defer { test.remove() }
    let first = try Cooling.requested(in: test.vault)

    // Loosen 24 h → 1 h: pending for 24 h.
    let loosened = try test.vault.changeRules(RuleChange(coolingOff: Cooling.hour))
    #expect(loosened.appliedNow.isEmpty)
    #expect(loosened.pending.map(\.effective) == [Cooling.start + Cooling.day])
    #expect(try test.vault.rules().coolingOff == Cooling.day)

    test.clock.advance(Cooling.hour)
    let second = try Cooling.requested(in: test.vault)
    #expect(try test.vault.letter(second).summary.releaseAt == Cooling.start + 25 * Cooling.hour)

    test.clock.advance(23 * Cooling.hour - 1)
    #expect(try test.vault.rules().coolingOff == Cooling.day)
    test.clock.advance(1)
    #expect(try test.vault.rules().coolingOff == Cooling.hour)
    #expect(try test.vault.rules().pending.isEmpty)
    let third = try Cooling.requested(in: test.vault)
    #expect(try test.vault.letter(third).summary.releaseAt == Cooling.start + 25 * Cooling.hour)

    // Neither letter asked earlier was shortened.
    #expect(try test.vault.letter(first).summary.releaseAt == Cooling.start + Cooling.day)
    #expect(try test.vault.letter(second).summary.releaseAt == Cooling.start + 25 * Cooling.hour)

    // Tighten 1 h → 48 h: at once, and the existing deadlines stay as they were.
    let tightened = try test.vault.changeRules(RuleChange(coolingOff: 2 * Cooling.day))
    #expect(tightened.appliedNow == [.coolingOff(2 * Cooling.day, recipient: nil)])
    #expect(try test.vault.rules().coolingOff == 2 * Cooling.day)
    #expect(try test.vault.letter(third).summary.releaseAt == Cooling.start + 25 * Cooling.hour)
  }

  @Test func looseningALongPeriodWaitsThatLongPeriod() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.changeRules(RuleChange(coolingOff: 3 * Cooling.day))
    let result = try test.vault.changeRules(RuleChange(coolingOff: Cooling.day))
    #expect(result.pending.first?.effective == Cooling.start + 3 * Cooling.day)
  }

  @Test func aPendingLooseningCanBeCancelledAndThenNeverApplies() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.changeRules(RuleChange(coolingOff: Cooling.hour, quietHours: QuietHours.off))
    #expect(try test.vault.rules().pending.count == 2)
    #expect(try test.vault.cancelPendingRules() == 2)
    test.clock.advance(3 * Cooling.day)
    let rules = try test.vault.rules()
    #expect(rules.coolingOff == Cooling.day)
    #expect(rules.quietHours == .standard)
    #expect(rules.pending.isEmpty)
  }

  @Test func aWiderQuietWindowAppliesAtOnceAndANarrowerOneWaits() throws {
    let test = try TestVault()
    defer { test.remove() }
    let wider = QuietHours(startMinute: 21 * 60, endMinute: 8 * 60)!
    #expect(
      try test.vault.changeRules(RuleChange(quietHours: wider)).appliedNow == [.quietHours(wider)])
    #expect(try test.vault.rules().quietHours == wider)
    let narrower = QuietHours(startMinute: 23 * 60, endMinute: 6 * 60)!
    let result = try test.vault.changeRules(RuleChange(quietHours: narrower))
    #expect(result.pending.map(\.setting) == [.quietHours(narrower)])
    #expect(try test.vault.rules().quietHours == wider)
    // A window that is merely shifted is not stricter, even if it is as long.
    let shifted = QuietHours(startMinute: 20 * 60, endMinute: 7 * 60)!
    #expect(try test.vault.changeRules(RuleChange(quietHours: shifted)).pending.count == 1)
    #expect(try test.vault.rules().pending.count == 1)  // the newer request replaced the older
  }

  @Test func recipientsGetTheirOwnPeriodsUnderTheSameRule() throws {
    let test = try TestVault()
    defer { test.remove() }
    let longer = try test.vault.addRecipient(name: "Dr. Hale", coolingOff: 3 * Cooling.day)
    #expect(longer.appliedNow == [.coolingOff(3 * Cooling.day, recipient: "Dr. Hale")])
    let shorter = try test.vault.addRecipient(
      name: "Mum", email: "mum@example.org", coolingOff: Cooling.hour)
    #expect(shorter.pending.first?.effective == Cooling.start + Cooling.day)
    var rules = try test.vault.rules()
    #expect(rules.recipients.map(\.coolingOff) == [3 * Cooling.day, nil])
    #expect(rules.recipients.map(\.email) == ["", "mum@example.org"])

    let toMum = try Cooling.requested(in: test.vault, to: "Mum")
    #expect(try test.vault.letter(toMum).summary.releaseAt == Cooling.start + Cooling.day)
    test.clock.advance(Cooling.day)
    rules = try test.vault.rules()
    #expect(rules.recipients.map(\.coolingOff) == [3 * Cooling.day, Cooling.hour])
    let laterToMum = try Cooling.requested(in: test.vault, to: "mum")
    #expect(
      try test.vault.letter(laterToMum).summary.releaseAt == Cooling.start + 25 * Cooling.hour)

    _ = try test.vault.changeRules(RuleChange(coolingOff: Cooling.day, recipient: "DR. HALE"))
    #expect(
      try test.vault.rules().pending.map(\.setting) == [
        .coolingOff(Cooling.day, recipient: "Dr. Hale")
      ])
  }

  @Test(arguments: [
    (RuleChange(), InvalidInput.noRuleChange),
    (RuleChange(coolingOff: 30), .periodOutOfRange),
    (RuleChange(coolingOff: 400 * 24 * 3600), .periodOutOfRange),
    (RuleChange(quietHours: .off, recipient: "Mum"), .quietHoursPerRecipient),
  ])
  func badRuleChangesAreRefusedAndChangeNothing(change: RuleChange, message: InvalidInput) throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.addRecipient(name: "Mum")
    let before = try test.fileBytes()
    #expect(throws: VaultError.invalidInput(message)) { try test.vault.changeRules(change) }
    #expect(try test.fileBytes() == before)
  }

  @Test func aRecipientIsAddedOnceAndAnAddressMustLookLikeOne() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.addRecipient(name: "Mum")
    #expect(throws: VaultError.self) { try test.vault.addRecipient(name: "mum") }
    for bad in [
      "mum", "a@b@c", "mum@example.org\nBcc: x@y", "<mum@example.org>", "m um@example.org",
    ] {
      #expect(throws: VaultError.invalidInput(.notAnEmailAddress(bad))) {
        try test.vault.addRecipient(name: "Dad", email: bad)
      }
    }
    #expect(try test.vault.rules().recipients.map(\.name) == ["Mum"])
  }
}

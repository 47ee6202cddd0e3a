import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// Correcting and removing recipients (docs/COOLING-OFF.md "Correcting a recipient"): an
/// address or name at once, a period or a removal under "tighten now, loosen later", and no
/// rename ever shortening the cooling-off of a letter already written.
@Suite struct RecipientEditTests {
  @Test func anAddressAndANameAreCorrectedAndLettersToTheOldNameKeepTheirRules() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.addRecipient(name: "Dr Hael", email: "hale@exmaple.org", coolingOff: 3 * Cooling.day)
    try test.vault.setDelivery(DeliveryConfiguration(command: "cat"))
    let written = try test.vault.write(LetterDraft(recipient: "Dr Hael", text: "Dear …"))

    let result = try test.vault.editRecipient(
      named: "dr hael", RecipientEdit(email: "hale@example.org", name: "Dr. Hale"))
    #expect(result == RuleChangeResult(appliedNow: [], pending: []))
    let rules = try test.vault.rules()
    #expect(
      rules.recipients == [
        RecipientRule(
          name: "Dr. Hale", email: "hale@example.org", coolingOff: 3 * Cooling.day,
          formerNames: ["Dr Hael"])
      ])
    // The letter keeps its name, and its period and address are still Dr. Hale's.
    try test.vault.requestSend(written)
    #expect(try test.vault.letter(written).summary.recipient == "Dr Hael")
    #expect(try test.vault.letter(written).summary.releaseAt == Cooling.start + 3 * Cooling.day)
    test.clock.advance(3 * Cooling.day)
    #expect(try test.vault.deliveryAddress(written) == "hale@example.org")
    let toNewName = try Cooling.requested(in: test.vault, to: "DR. HALE")
    #expect(try test.vault.letter(toNewName).summary.releaseAt == Cooling.start + 6 * Cooling.day)

    // An empty address removes it.
    _ = try test.vault.editRecipient(named: "Dr. Hale", RecipientEdit(email: ""))
    #expect(try test.vault.rules().recipients.map(\.email) == [""])
    #expect(try test.vault.deliveryAddress(written) == nil)
  }

  @Test func aLongerPeriodAppliesAtOnceAndAShorterOneWaitsAFullPeriod() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.addRecipient(name: "Mum")
    let longer = try test.vault.editRecipient(named: "MUM", RecipientEdit(coolingOff: 2 * Cooling.day))
    #expect(longer.appliedNow == [.coolingOff(2 * Cooling.day, recipient: "Mum")])
    #expect(try test.vault.rules().recipients.map(\.coolingOff) == [2 * Cooling.day])

    let shorter = try test.vault.editRecipient(named: "Mum", RecipientEdit(coolingOff: Cooling.hour))
    #expect(shorter.appliedNow.isEmpty)
    #expect(shorter.pending.map(\.effective) == [Cooling.start + 2 * Cooling.day])
    test.clock.advance(2 * Cooling.day - 1)
    #expect(try test.vault.rules().recipients.map(\.coolingOff) == [2 * Cooling.day])
    test.clock.advance(1)
    #expect(try test.vault.rules().recipients.map(\.coolingOff) == [Cooling.hour])
  }

  @Test func removingSomeoneWithALongerPeriodWaitsThatPeriodAndCanBeWithdrawn() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.addRecipient(name: "Dr. Hale", email: "hale@example.org", coolingOff: 3 * Cooling.day)
    let removal = try test.vault.removeRecipient(named: "dr. hale")
    #expect(removal.appliedNow.isEmpty)
    #expect(removal.pending.map(\.setting) == [.recipientRemoval("Dr. Hale")])
    #expect(removal.pending.map(\.effective) == [Cooling.start + 3 * Cooling.day])
    // Until then they are there, and their period still holds.
    let letter = try Cooling.requested(in: test.vault)
    #expect(try test.vault.letter(letter).summary.releaseAt == Cooling.start + 3 * Cooling.day)
    #expect(try test.vault.cancelPendingRules() == 1)
    test.clock.advance(4 * Cooling.day)
    #expect(try test.vault.rules().recipients.map(\.name) == ["Dr. Hale"])

    _ = try test.vault.removeRecipient(named: "Dr. Hale")
    test.clock.advance(3 * Cooling.day - 1)
    #expect(try test.vault.rules().recipients.map(\.name) == ["Dr. Hale"])
    test.clock.advance(1)
    let rules = try test.vault.rules()
    #expect(rules.recipients.isEmpty)
    #expect(rules.pending.isEmpty)
  }

  @Test func removingSomeoneWithTheDefaultOrAShorterPeriodIsAtOnceAndTakesTheirWaitingChanges()
    throws
  {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.addRecipient(name: "Mum")
    _ = try test.vault.addRecipient(name: "Dad", coolingOff: Cooling.hour)
    #expect(try test.vault.rules().pending.count == 1)  // Dad's shorter period waits
    #expect(try test.vault.removeRecipient(named: "mum").appliedNow == [.recipientRemoval("Mum")])
    #expect(try test.vault.removeRecipient(named: "Dad").appliedNow == [.recipientRemoval("Dad")])
    let rules = try test.vault.rules()
    #expect(rules.recipients.isEmpty)
    #expect(rules.pending.isEmpty)
    // The name is free again.
    _ = try test.vault.addRecipient(name: "Mum", email: "mum@example.org")
    #expect(try test.vault.rules().recipients.map(\.email) == ["mum@example.org"])
  }

  @Test func aRenameNeverShortensTheCoolingOffOfALetterAlreadyWritten() throws {
    let test = try TestVault()
    defer { test.remove() }
    // A letter to "Mum", who is nobody yet: the default day.
    let draft = try test.vault.write(LetterDraft(recipient: "Mum", text: "Dear Mum"))
    _ = try test.vault.addRecipient(name: "X", coolingOff: Cooling.hour)
    test.clock.advance(Cooling.day)
    #expect(try test.vault.rules().recipients.map(\.coolingOff) == [Cooling.hour])

    // Renaming X to Mum would give that letter X's hour at once: instead it waits.
    let renamed = try test.vault.editRecipient(named: "X", RecipientEdit(name: "Mum"))
    #expect(renamed.pending.map(\.setting) == [.coolingOff(Cooling.hour, recipient: "Mum")])
    #expect(renamed.pending.map(\.effective) == [Cooling.start + 2 * Cooling.day])
    #expect(try test.vault.rules().recipients.map(\.coolingOff) == [nil])
    try test.vault.requestSend(draft)
    #expect(try test.vault.letter(draft).summary.releaseAt == Cooling.start + 2 * Cooling.day)
    test.clock.advance(Cooling.day)
    #expect(try test.vault.rules().recipients.map(\.coolingOff) == [Cooling.hour])

    // A held letter to a former name, edited after the rename, restarts with that period.
    _ = try test.vault.addRecipient(name: "Dr Hael", coolingOff: 3 * Cooling.day)
    let held = try Cooling.requested(in: test.vault, to: "Dr Hael")
    _ = try test.vault.editRecipient(named: "Dr Hael", RecipientEdit(name: "Dr. Hale"))
    #expect(try test.vault.letter(held).summary.releaseAt == Cooling.start + 5 * Cooling.day)
    test.clock.advance(Cooling.hour)
    try test.vault.edit(held, body: Array("Dear Dr. Hale".utf8))
    #expect(
      try test.vault.letter(held).summary.releaseAt
        == Cooling.start + 5 * Cooling.day + Cooling.hour)
  }

  @Test func aWaitingChangeFollowsTheRenameAndRenamingBackIsAllowed() throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.addRecipient(name: "Dr Hael", coolingOff: 3 * Cooling.day)
    _ = try test.vault.removeRecipient(named: "Dr Hael")
    _ = try test.vault.editRecipient(named: "Dr Hael", RecipientEdit(name: "Dr. Hale"))
    #expect(try test.vault.rules().pending.map(\.setting) == [.recipientRemoval("Dr. Hale")])
    _ = try test.vault.editRecipient(named: "Dr. Hale", RecipientEdit(name: "Dr Hael"))
    let rules = try test.vault.rules()
    #expect(rules.recipients.map(\.formerNames) == [["Dr. Hale"]])
    #expect(rules.pending.map(\.setting) == [.recipientRemoval("Dr Hael")])
  }

  @Test(arguments: [
    ("Nobody", RecipientEdit(email: "a@example.org"), VaultError.recipientNotFound("Nobody")),
    ("Mum", RecipientEdit(name: "dad"), .recipientNameTaken("dad", holder: "Dad")),
    ("Mum", RecipientEdit(name: "Pa"), .recipientNameTaken("Pa", holder: "Dad")),
    ("Mum", RecipientEdit(email: "mum at home"), .invalidInput(.notAnEmailAddress("mum at home"))),
    ("Mum", RecipientEdit(name: " "), .invalidInput(.recipientName)),
    ("Mum", RecipientEdit(coolingOff: 30), .invalidInput(.periodOutOfRange)),
    ("Mum", RecipientEdit(), .invalidInput(.nothingToEdit)),
  ])
  func badEditsAreRefusedAndChangeNothing(name: String, edit: RecipientEdit, error: VaultError) throws {
    let test = try TestVault()
    defer { test.remove() }
    _ = try test.vault.addRecipient(name: "Mum")
    _ = try test.vault.addRecipient(name: "Pa")
    _ = try test.vault.editRecipient(named: "Pa", RecipientEdit(name: "Dad"))
    let before = try test.fileBytes()
    #expect(throws: error) { try test.vault.editRecipient(named: name, edit) }
    #expect(throws: VaultError.recipientNotFound("Nobody")) { try test.vault.removeRecipient(named: "Nobody") }
    #expect(throws: VaultError.recipientNotFound("Nobody")) {
      try test.vault.changeRules(RuleChange(coolingOff: Cooling.day, recipient: "Nobody"))
    }
    // A former name is taken for `add` too: letters written to it follow Dad.
    #expect(throws: VaultError.self) { try test.vault.addRecipient(name: "pa") }
    #expect(try test.fileBytes() == before)
  }

  @Test func formerNamesAndRemovalsRoundTripAndAStrayEntryIsDamage() throws {
    var settings = VaultSettings(timeZoneIdentifier: "UTC")
    settings.recipients = [
      .init(name: "Mum", email: "", coolingOffSeconds: 0),
      .init(name: "Dr. Hale", email: "", coolingOffSeconds: 7200, formerNames: ["Dr Hael", "Hale"]),
    ]
    settings.pendingRules = [
      PendingRuleChange(
        scope: .recipientRemoval, recipient: "Dr. Hale", value: 0, requestedAt: 1,
        requestedBootID: [UInt8](repeating: 0, count: 16), requestedBoottime: 2, effectiveAt: 3)
    ]
    #expect(try VaultSettings(parsing: settings.serialized()) == settings)
    // Section 13 is written only when someone has a former name, so other SETTINGS stay as
    // they were before renames existed.
    #expect(try Self.sectionTags(settings.serialized()).contains(13))
    settings.recipients[1].formerNames = []
    settings.pendingRules = []
    #expect(try !Self.sectionTags(settings.serialized()).contains(13))
    settings.recipients.removeLast()
    var stray = settings.serialized()
    var writer = ByteWriter()
    writer.u32(1)
    writer.u32(5)
    writer.text("Ghost")
    stray.append(VaultSettings.Section.formerNames.rawValue)
    var framed = ByteWriter()
    framed.blob(writer.bytes)
    stray += framed.bytes
    #expect(throws: ByteReader.Malformed.self) { try VaultSettings(parsing: stray) }
  }

  static func sectionTags(_ bytes: [UInt8]) throws -> [UInt8] {
    var reader = ByteReader(bytes)
    _ = try reader.u8()
    var tags: [UInt8] = []
    while reader.remaining > 0 {
      tags.append(try reader.u8())
      _ = try reader.blob(cap: 1 << 24)
    }
    return tags
  }
}

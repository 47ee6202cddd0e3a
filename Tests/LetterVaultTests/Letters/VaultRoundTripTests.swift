import Foundation
import LetterVault
import Testing

@Suite struct VaultRoundTripTests {
  @Test func aWrittenLetterReadsBackAfterReopening() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(recipient: "Dr. Hale", subject: "Tuesday", text: "Dear …"))
    let reopened = try test.reopen()
    let letter = try reopened.letter(id)
    #expect(letter.body == "Dear …")
    #expect(letter.summary.recipient == "Dr. Hale")
    #expect(letter.summary.state == .draft)
  }
}

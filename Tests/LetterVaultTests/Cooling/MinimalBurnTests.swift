import Foundation
import LetterVault
import Testing

/// The minimal burn `letters review` offers (Vault+Burn.swift; issue 5 builds the full one).
@Suite struct MinimalBurnTests {
  @Test func burningAHeldLetterRemovesItAndLeavesAVaultThatVerifies() throws {
    let test = try TestVault()
    defer { test.remove() }
    let kept = try test.vault.write(LetterDraft(text: "keep me"))
    let burned = try Cooling.requested(in: test.vault, text: "let me go")
    try test.vault.addNote(burned, text: "it was time")
    try test.vault.burn(burned)
    #expect(throws: VaultError.letterNotFound(burned.short)) { try test.vault.letter(burned) }
    #expect(try test.vault.list().letters.map(\.id) == [kept])
    #expect(try test.vault.verify().isEmpty)
    #expect(try test.vault.reviewQueue().isEmpty)
  }

  @Test func aSentLetterIsNotBurned() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try Cooling.requested(in: test.vault)
    test.clock.advance(Cooling.day)
    #expect(Cooling.releaseError(test.vault, id) == nil)
    #expect(throws: VaultError.notAllowed("letter \(id.short) was sent, so it is kept; a note can still be added")) {
      try test.vault.burn(id)
    }
    #expect(try test.vault.letter(id).summary.state == .sent)
  }
}

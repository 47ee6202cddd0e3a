import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// A sync tool renames another copy of the vault over it while a command has it open
/// (README "Two computers"): the command neither half-reads nor silently loses a write.
@Suite struct ReplacedVaultTests {
  @Test func aWriteAfterTheFileWasReplacedIsRefusedAndTheNewFileReadsWhole() throws {
    let test = try TestVault()
    defer { test.remove() }
    let before = try test.vault.write(LetterDraft(recipient: "Sam", text: "before"))
    // The sync tool's copy: written whole beside the vault, then renamed over it.
    let incoming = test.directory.appendingPathComponent(".syncthing.vault.db.tmp").path
    try FileManager.default.copyItem(atPath: test.path, toPath: incoming)
    #expect(rename(incoming, test.path) == 0)
    // Still open on the old file: it reads as it was, whole.
    #expect(try test.vault.letter(before).body == "before")

    #expect {
      _ = try test.vault.write(LetterDraft(recipient: "Kim", text: "while it was replaced"))
    } throws: { error in
      guard case VaultError.io(_, let reason) = error else { return false }
      return reason.contains("replaced while letters had it open")
    }

    let reopened = try test.reopen()
    #expect(try reopened.letter(before).body == "before")
    let again = try reopened.write(LetterDraft(recipient: "Kim", text: "written again"))
    #expect(try reopened.letter(again).body == "written again")
    #expect(try reopened.verify().isEmpty)
  }
}

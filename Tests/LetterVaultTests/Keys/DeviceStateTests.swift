import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// SECURITY.md §2 T22: the device-local watermark notices a whole-file rollback.
@Suite struct DeviceStateTests {
  @Test func restoringAnOlderCopyWarnsAndRefusesWritesUntilAccepted() throws {
    let test = try TestVault()
    defer { test.remove() }
    let statePath = try #require(test.vault.watermark.deviceStatePath)
    defer { unlink(statePath) }
    _ = try test.vault.write(LetterDraft(recipient: "A", text: "first"))
    let older = try test.fileBytes()
    _ = try test.vault.write(LetterDraft(recipient: "A", text: "second"))
    let stateBefore = try Data(contentsOf: URL(fileURLWithPath: statePath))
    try older.write(to: URL(fileURLWithPath: test.path))

    let rolledBack = try test.reopen()
    #expect(rolledBack.warnings == [.rolledBack(currentEpoch: 2, highestSeen: 3)])
    #expect(rolledBack.isReadOnly)
    #expect(throws: VaultError.rolledBack(currentEpoch: 2, highestSeen: 3)) {
      try rolledBack.write(LetterDraft(recipient: "A", text: "refused"))
    }
    #expect(try test.fileBytes() == older)
    #expect(try rolledBack.list().letters.count == 1)  // reading still works
    #expect(try Data(contentsOf: URL(fileURLWithPath: statePath)) == stateBefore)

    try rolledBack.acceptRollback()
    #expect(!rolledBack.isReadOnly)
    _ = try rolledBack.write(LetterDraft(recipient: "A", text: "accepted"))
    #expect(try test.reopen().warnings.isEmpty)
  }

  @Test func deletingTheStateFileRemovesTheWarningADocumentedLimit() throws {
    let test = try TestVault()
    defer { test.remove() }
    let statePath = try #require(test.vault.watermark.deviceStatePath)
    defer { unlink(statePath) }
    let older = try test.fileBytes()
    _ = try test.vault.write(LetterDraft(recipient: "A", text: "newer"))
    try older.write(to: URL(fileURLWithPath: test.path))
    #expect(!(try test.reopen().warnings.isEmpty))
    unlink(statePath)
    let vault = try test.reopen()
    #expect(vault.warnings.isEmpty)
    #expect(!vault.isReadOnly)
  }

  @Test func theStateFileIsPrivateAndAuthenticated() throws {
    let test = try TestVault()
    defer { test.remove() }
    let statePath = try #require(test.vault.watermark.deviceStatePath)
    defer { unlink(statePath) }
    _ = try test.vault.write(LetterDraft(recipient: "A", text: "x"))
    var info = stat()
    #expect(stat(statePath, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: statePath)))
    #expect(bytes.count == DeviceState.byteCount)
    let (state, mac) = try DeviceState.parse(bytes)
    #expect(state.highestEpoch == 2)
    #expect(Hash.blake2b(state.authenticatedBytes, key: test.vault.cipher.localKey) == mac)
    // Garbage in the file is reported once and replaced by a fresh, valid one.
    bytes[0] ^= 0xFF
    try Data(bytes).write(to: URL(fileURLWithPath: statePath))
    let reopened = try test.reopen()
    #expect(reopened.warnings == [.deviceStateReplaced])
    #expect(try test.reopen().warnings.isEmpty)
  }
}

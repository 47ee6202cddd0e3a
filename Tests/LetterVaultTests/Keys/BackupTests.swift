import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// `Vault.backup(to:)`: a consistent, verified, encrypted copy.
@Suite struct BackupTests {
  @Test func aBackupOpensWithThePassphraseAndHoldsEveryLetter() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(recipient: "A", text: "backed up"))
    let copy = test.directory.appendingPathComponent("copy.db").path
    try test.vault.backup(to: copy)
    var info = stat()
    #expect(stat(copy, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    let restored = try Vault.open(at: copy, passphrase: test.passphrase, clock: test.clock)
    #expect(try restored.letter(id).body == "backed up")
    #expect(try restored.verify().isEmpty)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: test.directory.path)
      .filter { $0.hasPrefix(".letters-backup-") }
    #expect(leftovers.isEmpty)
  }

  @Test func anExistingFileIsReplacedOnlyWhenAsked() throws {
    let test = try TestVault()
    defer { test.remove() }
    let copy = test.directory.appendingPathComponent("copy.db").path
    try Data("precious".utf8).write(to: URL(fileURLWithPath: copy))
    #expect(throws: VaultError.vaultAlreadyExists(path: copy)) { try test.vault.backup(to: copy) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data("precious".utf8))
    try test.vault.backup(to: copy, overwrite: true)
    _ = try Vault.open(at: copy, passphrase: test.passphrase, clock: test.clock)
    #expect(throws: VaultError.self) { try test.vault.backup(to: test.path, overwrite: true) }
  }

  @Test func aBackupTakenWhileAnotherConnectionWritesIsConsistent() async throws {
    let test = try TestVault()
    defer { test.remove() }
    for index in 0..<20 {
      _ = try test.vault.write(LetterDraft(recipient: "A", text: "letter \(index)"))
    }
    let (path, passphrase) = (test.path, test.passphrase)
    let writing = Task.detached {
      // Its own connection, as another process would have.
      let writer = try Vault.open(at: path, passphrase: passphrase)
      for index in 0..<40 {
        _ = try writer.write(LetterDraft(recipient: "B", text: "more \(index)"))
      }
    }
    var copies: [String] = []
    for index in 0..<5 {
      let copy = test.directory.appendingPathComponent("copy\(index).db").path
      try test.vault.backup(to: copy)  // verified inside: throws if the copy is inconsistent
      copies.append(copy)
    }
    try await writing.value
    for copy in copies {
      let restored = try Vault.open(at: copy, passphrase: test.passphrase, clock: test.clock)
      #expect(try restored.verify().isEmpty)
      #expect(try restored.list().letters.count >= 20)
    }
  }
}

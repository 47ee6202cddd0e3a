import Foundation
import Testing

@testable import LetterVault
@testable import VaultRecords

/// SECURITY.md §2 T14: the recovery key.
@Suite struct RecoveryKeyTests {
  @Test func aGeneratedKeyPrintsInGroupsAndReadsBack() throws {
    let key = try RecoveryKey.generate()
    let text = key.text
    let groups = text.split(separator: "-")
    #expect(groups.first == "LVR1")
    #expect(groups.count == 10)
    #expect(groups.dropFirst().dropLast().allSatisfy { $0.count == 4 })
    #expect(groups.last?.count == 2)
    #expect(try RecoveryKey(parsing: text).text == text)
  }

  @Test func caseSpacesHyphensAndILOConfusionsStillDecode() throws {
    // Find a key whose text has a 1 and a 0, so the confusions are really exercised.
    var key = try RecoveryKey.generate()
    while !(key.text.dropFirst(5).contains("1") && key.text.dropFirst(5).contains("0")) {
      key = try RecoveryKey.generate()
    }
    let body = String(key.text.dropFirst(5))
    var sloppy = ""
    for (index, character) in body.enumerated() {
      switch character {
      case "1": sloppy.append(index % 2 == 0 ? "l" : "I")
      case "0": sloppy.append("O")
      case "-": sloppy.append(" ")
      default: sloppy.append(Character(character.lowercased()))
      }
    }
    #expect(try RecoveryKey(parsing: sloppy).text == key.text)
    #expect(try RecoveryKey(parsing: "lvr1 " + sloppy).text == key.text)
  }

  @Test func aTypoIsCaughtByTheChecksumBeforeAnyKeyDerivation() throws {
    let key = try RecoveryKey.generate()
    var characters = Array(key.text)
    // Change one character of the key part to another valid Crockford character.
    let position = 7
    characters[position] = characters[position] == "Z" ? "Y" : "Z"
    let typo = String(characters)
    let probe = KDFProbe()
    KDFProbe.$current.withValue(probe) {
      #expect(throws: VaultError.self) { try RecoveryKey(parsing: typo) }
    }
    #expect(probe.runs == 0)
    do {
      _ = try RecoveryKey(parsing: typo)
      Issue.record("a typo was accepted")
    } catch {
      #expect(error == .invalidInput(.recoveryKeyTypo(checkCharacters: true)))
    }
  }

  @Test(arguments: ["LVR1-ABCD", "LVR1-UUUU-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AA", "é"])
  func malformedKeysAreRefusedWithAPlainMessage(text: String) {
    #expect(throws: VaultError.self) { try RecoveryKey(parsing: text) }
  }

  @Test func theRecoveryKeyUnlocksAndAWrongOneIsRefusedAfterItsKDF() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(recipient: "Dr. Hale", text: "Dear …"))
    let key = try test.vault.addRecoveryKey()
    #expect(try test.vault.hasRecoveryKey())
    let probe = KDFProbe()
    let opened = try KDFProbe.$current.withValue(probe) {
      try Vault.open(
        at: test.path, recoveryKey: try RecoveryKey(parsing: key.text), clock: test.clock)
    }
    #expect(probe.runs == 1)
    #expect(try opened.letter(id).body == "Dear …")
    let other = try RecoveryKey.generate()
    #expect(throws: VaultError.wrongRecoveryKey) {
      try Vault.open(at: test.path, recoveryKey: other, clock: test.clock)
    }
  }

  @Test func removingTheRecoveryKeyInvalidatesThePrintedKey() throws {
    let test = try TestVault()
    defer { test.remove() }
    let key = try test.vault.addRecoveryKey()
    try test.vault.removeRecoveryKey()
    #expect(try !test.vault.hasRecoveryKey())
    #expect(throws: VaultError.wrongRecoveryKey) {
      try Vault.open(at: test.path, recoveryKey: key, clock: test.clock)
    }
    #expect(throws: VaultError.self) { try test.vault.removeRecoveryKey() }
    _ = try test.reopen()
  }

  @Test func addingASecondRecoveryKeyRetiresTheFirst() throws {
    let test = try TestVault()
    defer { test.remove() }
    let first = try test.vault.addRecoveryKey()
    let second = try test.vault.addRecoveryKey()
    #expect(throws: VaultError.wrongRecoveryKey) {
      try Vault.open(at: test.path, recoveryKey: first, clock: test.clock)
    }
    _ = try Vault.open(at: test.path, recoveryKey: second, clock: test.clock)
  }

  @Test func aForgottenPassphraseIsReplacedThroughTheRecoveryKey() throws {
    let test = try TestVault()
    defer { test.remove() }
    let id = try test.vault.write(LetterDraft(recipient: "Dr. Hale", text: "still here"))
    let key = try test.vault.addRecoveryKey()
    let recovered = try Vault.open(at: test.path, recoveryKey: key, clock: test.clock)
    let fresh = Passphrase("a brand new passphrase")
    try recovered.changePassphrase(to: fresh, kdf: .testing)
    #expect(throws: VaultError.wrongPassphrase) { try test.reopen() }
    let reopened = try Vault.open(at: test.path, passphrase: fresh, clock: test.clock)
    #expect(try reopened.letter(id).body == "still here")
    // passwd keeps the recovery slot.
    _ = try Vault.open(at: test.path, recoveryKey: key, clock: test.clock)
  }
}

import Foundation
import Testing

/// `letters passwd` through the binary: the old passphrase stops working, the new one opens
/// the same letters (README).
@Suite struct PasswdTests {
  @Test func afterPasswdOnlyTheNewPassphraseOpensTheSameLetters() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("unchanged by passwd\n")
    let newFile = fixture.directory.appendingPathComponent("new-passphrase").path
    try "a different long passphrase\n".write(toFile: newFile, atomically: true, encoding: .utf8)
    let changed = try fixture.run(
      ["passwd", "--kdf", "interactive"], environment: ["LETTERS_NEW_PASSPHRASE_FILE": newFile])
    #expect(changed.status == 0, "\(changed.stderr)")
    let old = try fixture.run(["show", id])
    #expect(old.status == 77)
    let shown = try fixture.run(
      ["show", id, "--text-only"], environment: ["LETTERS_PASSPHRASE_FILE": newFile])
    #expect(shown.status == 0)
    #expect(shown.stdout == "unchanged by passwd\n")
    #expect(try fixture.run(["verify"], environment: ["LETTERS_PASSPHRASE_FILE": newFile]).status == 0)
  }

  @Test func aTooShortNewPassphraseChangesNothing() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("hello\n")
    let before = try fixture.vaultBytes()
    let newFile = fixture.directory.appendingPathComponent("short").path
    try "short\n".write(toFile: newFile, atomically: true, encoding: .utf8)
    let result = try fixture.run(["passwd"], environment: ["LETTERS_NEW_PASSPHRASE_FILE": newFile])
    #expect(result.status == 64)
    #expect(result.stderr.contains("at least 12 characters"))
    #expect(try fixture.vaultBytes() == before)
  }
}

/// Passphrase files as scripts and editors write them (FORMAT.md §4.1, §12.2).
@Suite struct PassphraseFileTests {
  /// Seen failing before: the `\r` was part of the passphrase, exit 77.
  @Test func aPassphraseFileSavedWithCRLFOpensTheVault() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let crlf = fixture.directory.appendingPathComponent("crlf").path
    try (CLIFixture.passphrase + "\r\n").write(toFile: crlf, atomically: true, encoding: .utf8)
    let listed = try fixture.run(["list"], environment: ["LETTERS_PASSPHRASE_FILE": crlf])
    #expect(listed.status == 0, "\(listed.stderr)")
  }

  /// Seen failing before: init read only LETTERS_PASSPHRASE_FILE (here a missing file), 74.
  @Test func initReadsTheNewPassphraseFileTheReadmeNames() throws {
    let fixture = try CLIFixture(create: false)
    defer { fixture.remove() }
    let missing = fixture.directory.appendingPathComponent("missing").path
    let created = try fixture.run(
      ["init", "--kdf", "interactive"],
      environment: ["LETTERS_NEW_PASSPHRASE_FILE": fixture.passphraseFile, "LETTERS_PASSPHRASE_FILE": missing])
    #expect(created.status == 0, "\(created.stderr)")
    #expect(try fixture.run(["list"]).status == 0)
  }
}

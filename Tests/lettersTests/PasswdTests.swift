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

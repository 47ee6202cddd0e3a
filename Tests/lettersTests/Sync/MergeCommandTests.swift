import Foundation
import Testing

@Suite struct MergeCommandTests {
  @Test func dryRunListsTheChangeThenMergeBringsItInOnce() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let shared = try fixture.write("at home\n")
    let copy = fixture.directory.appendingPathComponent("laptop.db").path
    try FileManager.default.copyItem(atPath: fixture.vault, toPath: copy)
    // The laptop is another computer, with its own state directory (rollback watermark).
    let laptop = try fixture.run(
      ["write", "--vault", copy, "--to", "Sam"], stdin: "on the laptop\n",
      environment: ["XDG_STATE_HOME": fixture.directory.appendingPathComponent("laptop-state").path])
    #expect(laptop.status == 0)
    let newID = laptop.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let before = try fixture.vaultBytes()

    let dry = try fixture.run(["merge", copy, "--dry-run"])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout == "\(newID.prefix(8))  new draft letter, 1 revision\n")
    #expect(dry.stderr.contains("nothing was written"))
    #expect(try fixture.vaultBytes() == before)

    let merged = try fixture.run(["merge", copy])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout == dry.stdout)
    let shown = try fixture.run(["show", newID, "--text-only"])
    #expect(shown.stdout == "on the laptop\n")
    #expect(try fixture.run(["show", shared, "--text-only"]).stdout == "at home\n")

    let again = try fixture.run(["merge", copy])
    #expect(again.status == 0)
    #expect(again.stdout.isEmpty)
    #expect(again.stderr.contains("nothing to bring in"))
    #expect(try fixture.run(["verify"]).status == 0)
  }

  /// After `passwd` here re-keys the vault, a copy made before keeps its own passphrase and
  /// key: a script gives it with LETTERS_COPY_PASSPHRASE_FILE (README "At the terminal").
  @Test func aCopyFromBeforePasswdMergesWithItsOwnPassphraseFile() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let copy = fixture.directory.appendingPathComponent("laptop.db").path
    try FileManager.default.copyItem(atPath: fixture.vault, toPath: copy)
    let laptop = try fixture.run(
      ["write", "--vault", copy, "--to", "Sam"], stdin: "written before the new passphrase\n",
      environment: ["XDG_STATE_HOME": fixture.directory.appendingPathComponent("laptop-state").path])
    let newID = laptop.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let newFile = fixture.directory.appendingPathComponent("new-passphrase").path
    try "a new passphrase for here\n".write(toFile: newFile, atomically: true, encoding: .utf8)
    #expect(
      try fixture.run(
        ["passwd", "--kdf", "interactive"], environment: ["LETTERS_NEW_PASSPHRASE_FILE": newFile]
      ).status == 0)
    let here = ["LETTERS_PASSPHRASE_FILE": newFile]
    let before = try fixture.vaultBytes()

    // The vault's own (new) passphrase does not open the older copy: refused, nothing changed.
    let refused = try fixture.run(["merge", copy], environment: here)
    #expect(refused.status == 77, "\(refused.stderr)")
    #expect(try fixture.vaultBytes() == before)

    let merged = try fixture.run(
      ["merge", copy],
      environment: here.merging(["LETTERS_COPY_PASSPHRASE_FILE": fixture.passphraseFile]) { $1 })
    #expect(merged.status == 0, "\(merged.stderr)")
    let shown = try fixture.run(["show", newID, "--text-only"], environment: here)
    #expect(shown.stdout == "written before the new passphrase\n")
    #expect(try fixture.run(["verify"], environment: here).status == 0)
  }

  @Test func anotherVaultIsRefusedWithExit69AndNothingChanges() throws {
    let fixture = try CLIFixture()
    let other = try CLIFixture()
    defer {
      fixture.remove()
      other.remove()
    }
    _ = try other.write("not yours\n")
    let before = try fixture.vaultBytes()

    let result = try fixture.run(["merge", other.vault])

    #expect(result.status == 69)
    #expect(result.stderr.contains("is a different vault"))
    #expect(result.stdout.isEmpty)
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func aMissingCopyIsNamedWithExit66() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let result = try fixture.run([
      "merge", fixture.directory.appendingPathComponent("nowhere.db").path,
    ])
    #expect(result.status == 66)
    #expect(result.stderr.contains("nowhere.db"))
  }
}

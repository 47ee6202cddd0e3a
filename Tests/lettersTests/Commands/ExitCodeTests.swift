import Foundation
import LetterVault
import Testing

/// The real binary, one or more cases per documented exit code (README table; README
/// "Exit codes"). Each failure leaves the vault as it was.
@Suite struct ExitCodeTests {
  // MARK: - 0

  @Test func writeListSearchAndVerifySucceedWithZero() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("hello\n")
    for arguments in [["list"], ["search", "HELLO"], ["verify"], ["show", id], ["status"]] {
      #expect(try fixture.run(arguments).status == 0, "\(arguments)")
    }
  }

  // MARK: - 64 usage and invalid input

  @Test func anUnknownFlagIsAUsageError() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let result = try fixture.run(["list", "--no-such-flag"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--no-such-flag"))
  }

  @Test func anUnknownStateIsAUsageError() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let result = try fixture.run(["list", "--state", "lost"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("letters: “lost” is not a state; use draft, held or sent"))
  }

  @Test func nonUTF8StdinIsRefusedAndNothingIsWritten() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let result = try CLI.run(
      ["write", "--to", "Dr. Hale"], stdin: Data([0x44, 0x65, 0x61, 0x72, 0xFF, 0xFE, 0x0A]),
      environment: fixture.environment)
    #expect(result.status == 64)
    #expect(result.stderr.contains("not valid UTF-8"))
    #expect(result.stdout.isEmpty)
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func anIDShorterThanFourCharactersIsAUsageError() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("hello\n")
    let result = try fixture.run(["show", String(id.prefix(3))])
    #expect(result.status == 64)
    #expect(result.stderr.contains("at least 4 characters"))
    #expect(result.stdout.isEmpty)
  }

  // MARK: - 65 damaged

  @Test func aDamagedLetterIsNamedAndTheOthersStillShowAndList() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let damaged = try fixture.write("first letter\n", subject: "one")
    let fine = try fixture.write("second letter\n", subject: "two")
    try VaultFile(path: fixture.vault).flipByte(.meta, of: Bytes.hex(damaged))

    let shown = try fixture.run(["show", damaged])
    #expect(shown.status == 65)
    #expect(shown.stderr.contains("letter \(damaged.prefix(8))"))
    #expect(shown.stdout.isEmpty)

    let other = try fixture.run(["show", fine])
    #expect(other.status == 0)
    #expect(other.stdout.contains("second letter\n"))

    // A `search` that reads every META row (" l": too short for the text signatures, and
    // not only letters and digits, so no word list answers it) names the damaged one and
    // shows the other.
    let searched = try fixture.run(["search", " l"])
    #expect(searched.status == 65)
    #expect(searched.stdout.contains(String(fine.prefix(8))))
    #expect(!searched.stdout.contains(String(damaged.prefix(8))))
    #expect(searched.stderr.contains(String(damaged.prefix(8))))
    // One the word lists answer (FORMAT.md §6.9) reads neither letter's META: like `list`
    // below, it shows both as last saved; `verify` and `show` name the damage.
    let answered = try fixture.run(["search", "s"])
    #expect(answered.status == 0)
    #expect(answered.stdout.contains(String(fine.prefix(8))) && answered.stdout.contains(String(damaged.prefix(8))))

    // `list` reads the LISTING record, checked against the manifest (FORMAT.md §6.6), not
    // the altered row: both letters, as last saved.
    let listed = try fixture.run(["list"])
    #expect(listed.status == 0)
    #expect(listed.stdout.contains(String(fine.prefix(8))))
    #expect(listed.stdout.contains(String(damaged.prefix(8))))
  }

  @Test func aDamagedTextIsNamedByShowAndVerify() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let damaged = try fixture.write("first\n")
    let fine = try fixture.write("second\n")
    try VaultFile(path: fixture.vault).flipByte(.body, of: Bytes.hex(damaged))
    let shown = try fixture.run(["show", damaged])
    #expect(shown.status == 65)
    #expect(shown.stderr.contains("letter \(damaged.prefix(8)), text revision 1"))
    #expect(try fixture.run(["show", fine]).status == 0)
    let verified = try fixture.run(["verify"])
    #expect(verified.status == 65)
    #expect(verified.stderr.contains(String(damaged.prefix(8))))
  }

  @Test func aDamagedIndexIsReportedByListWhileEveryLetterStillShows() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("still here\n")
    try VaultFile(path: fixture.vault).flipByte(.manifest, of: FieldTag.manifestObject)
    let shown = try fixture.run(["show", id, "--text-only"])
    #expect(shown.status == 0)
    #expect(shown.stdout == "still here\n")
    let listed = try fixture.run(["list"])
    #expect(listed.status == 65)
    #expect(listed.stdout.contains(String(id.prefix(8))))
    #expect(listed.stderr.contains("index"))
    let before = try fixture.vaultBytes()
    #expect(try fixture.run(["write"], stdin: "more\n").status == 65, "writes refuse")
    #expect(try fixture.vaultBytes() == before)
  }

  // MARK: - 66 no such vault or letter

  @Test func aMissingVaultIsNotFound() throws {
    let fixture = try CLIFixture(create: false)
    defer { fixture.remove() }
    let result = try fixture.run(["list"])
    #expect(result.status == 66)
    #expect(result.stderr.contains("there is no vault at \(fixture.vault)"))
    #expect(!FileManager.default.fileExists(atPath: fixture.vault))
  }

  @Test func anUnknownIDIsNotFound() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("hello\n")
    let before = try fixture.vaultBytes()
    for unknown in ["zzzz", "00000000000000000000000000000000"] {
      let result = try fixture.run(["show", unknown])
      #expect(result.status == 66)
      #expect(result.stderr.contains("no letter has the id \(unknown)"))
    }
    #expect(try fixture.vaultBytes() == before)
  }

  // MARK: - 69 not possible in this state
  // No command can make a letter "sent" yet (send arrives with issue 4), so 69 is not
  // reachable through the binary; LetterVaultTests.VaultWriteTests covers the refusal itself.

  // MARK: - 73 exists

  @Test func initTwiceLeavesTheFirstVaultByteIdentical() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("keep me\n")
    let before = try fixture.vaultBytes()
    let result = try fixture.run(["init", "--kdf", "interactive"])
    #expect(result.status == 73)
    #expect(result.stderr.contains("a vault already exists at \(fixture.vault)"))
    #expect(try fixture.vaultBytes() == before)
  }

  // MARK: - 74 I/O

  /// `init` in a folder others may write made a vault no later command opened, after the
  /// passphrase was typed twice (found at a real terminal on 2026-12-07). Now it is refused
  /// before any passphrase is asked (there is no passphrase source here at all: a prompt would
  /// fail differently), and nothing is made.
  @Test func initInAFolderOthersMayWriteIsRefusedBeforeThePassphrase() throws {
    let fixture = try CLIFixture(create: false)
    defer { fixture.remove() }
    let folder = fixture.directory.appendingPathComponent("shared").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    chmod(folder, 0o777)
    let vault = folder + "/v.db"
    let result = try CLI.run(
      ["init", "--kdf", "interactive"],
      environment: ["LETTERS_VAULT": vault, "LETTERS_PASSPHRASE_FILE": "", "LETTERS_NEW_PASSPHRASE_FILE": ""])
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("other users may write to the folder it is in"))
    #expect(result.stderr.contains("chmod go-w \(folder)"))
    #expect(!FileManager.default.fileExists(atPath: vault))
  }

  @Test func aVaultPathUnderARegularFileIsAnIOError() throws {
    let fixture = try CLIFixture(create: false)
    defer { fixture.remove() }
    let blocker = fixture.directory.appendingPathComponent("not-a-directory").path
    FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
    let result = try fixture.run(
      ["init", "--kdf", "interactive"], environment: ["LETTERS_VAULT": blocker + "/vault.db"])
    #expect(result.status == 74)
    #expect(result.stderr.contains("not a directory"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: blocker)) == Data("x".utf8))
  }

  @Test func anUnreadablePassphraseFileIsAnIOError() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    for path in [fixture.directory.appendingPathComponent("missing").path, fixture.directory.path] {
      let result = try fixture.run(["list"], environment: ["LETTERS_PASSPHRASE_FILE": path])
      #expect(result.status == 74)
      #expect(result.stderr.contains("cannot read the passphrase file \(path)"))
    }
  }

  // MARK: - 77 wrong passphrase

  @Test func aWrongPassphraseLeavesTheVaultByteIdentical() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("private\n")
    let before = try fixture.vaultBytes()
    let wrong = fixture.directory.appendingPathComponent("wrong-passphrase").path
    try "correct horse battery stapler\n".write(toFile: wrong, atomically: true, encoding: .utf8)
    for arguments in [["list"], ["write"], ["passwd"], ["verify"]] {
      let result = try fixture.run(
        arguments, stdin: "text\n", environment: ["LETTERS_PASSPHRASE_FILE": wrong])
      #expect(result.status == 77, "\(arguments)")
      #expect(result.stderr.contains("that passphrase did not open the vault\n"))
      // Calm first: a mistyped passphrase is not told its vault may be damaged (found at a
      // real terminal); the key slot is named in the hint, with the way still open.
      #expect(!result.stderr.contains("(or its key slot is damaged)"))
      #expect(result.stderr.contains("take your time and try again"))
      #expect(result.stdout.isEmpty)
    }
    #expect(try fixture.vaultBytes() == before)
    #expect(!FileManager.default.fileExists(atPath: fixture.vault + "-journal"))
  }
}

import Foundation
import Testing
import GRDB

/// `letters jot` in a real terminal with no passphrase anywhere, then the next unlock.
@Suite struct JotTests {
  @Test func jotInATerminalWithoutPassphraseThenUnlockBringsItInWithItsTime() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    // A fake editor that types the letter into the scratch file.
    let editor = fixture.directory.appendingPathComponent("type-letter.sh")
    try "#!/bin/sh\nprintf 'written at 3 a.m.\\n' >> \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor.path)
    var environment = fixture.environment
    environment["LETTERS_PASSPHRASE_FILE"] = nil
    environment["EDITOR"] = editor.path
    environment["VISUAL"] = ""
    environment["SWIFT_BACKTRACE"] = "enable=no"
    let before = Date()
    let tmux = TmuxPane()
    let exports = environment.map { "export \($0.key)=\(PseudoTerminal.quote($0.value));" }
      .joined(separator: " ")
    // The exit status is printed last, so the test can wait for it.
    try tmux.start("\(exports) \(CLI.binary.path) jot --to 'Dr. Hale'; echo \"[exit $?]\"; sleep 600")
    defer { tmux.stop() }
    let screen = try tmux.waitFor("[exit ")
    #expect(screen.contains("[exit 0]"), "\(screen)")
    #expect(screen.contains("sealed"))
    #expect(!screen.contains("assphrase"), "jot must never ask for the passphrase")
    let jotted = Date()
    usleep(1_500_000)
    let listed = try fixture.run(["list", "--json"])
    #expect(listed.status == 0)
    #expect(listed.stderr.contains("jotted while the vault was locked is now a draft"))
    let letters = try JSONSerialization.jsonObject(with: listed.stdoutData) as! [[String: Any]]
    #expect(letters.count == 1)
    let created = ISO8601DateFormatter().date(from: letters[0]["created"] as! String)!
    #expect(created >= before.addingTimeInterval(-1) && created <= jotted.addingTimeInterval(1))
    let id = letters[0]["id"] as! String
    let shown = try fixture.run(["show", id, "--text-only"])
    #expect(shown.stdout == "written at 3 a.m.\n")
  }

  @Test func jotShowsNothingOfTheVaultAndNeedsNoPassphrase() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("an older private letter", subject: "older subject")
    let result = try fixture.run(
      ["jot", "a", "new", "thought"], environment: ["LETTERS_PASSPHRASE_FILE": "/nonexistent"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(!result.stderr.contains("older"))
    // The wrong passphrase file was never read: a command that unlocks fails with it.
    let locked = try fixture.run(["list"], environment: ["LETTERS_PASSPHRASE_FILE": "/nonexistent"])
    #expect(locked.status == 74)
  }

  @Test func verifyDoesNotBringCapturesInButTheNextCommandDoes() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    #expect(try fixture.run(["jot"], stdin: "one").status == 0)
    let before = try fixture.vaultBytes()
    let verified = try fixture.run(["verify"])
    #expect(verified.status == 0)
    #expect(try fixture.vaultBytes() == before)
    let listed = try fixture.run(["list"])
    #expect(listed.stdout.split(separator: "\n").count == 1)
  }
}

/// A swapped capture key through the binary (FORMAT.md §6.5).
@Suite struct CaptureKeyCLITests {
  /// Seen failing before: `verify` said "everything checks out" (exit 0).
  @Test func aSwappedCaptureKeyIsNamedByVerifyWith65() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("a letter\n")
    try GRDB.DatabaseQueue(path: fixture.vault).write { db in
      try db.execute(sql: "UPDATE capture SET public_key = ?", arguments: [Data(repeating: 7, count: 32)])
    }
    let verified = try fixture.run(["verify"])
    #expect(verified.status == 65, "\(verified.stderr)")
    #expect(verified.stderr.contains("capture key"))
    #expect(!verified.stderr.contains("everything checks out"))
    // Seen failing before: `list` opened the vault and said nothing. Now every command says
    // so, calmly, and still works: one changed row never locks the writer out.
    let listed = try fixture.run(["list"])
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(listed.stderr.contains("`letters passwd` makes a new key"))
    #expect(listed.stdout.contains("a letter") || !listed.stdout.isEmpty)
  }

  /// A jotted text that cannot join is set aside and named by `status`; the rest opens.
  @Test func aCaptureSetAsideIsNamedByStatus() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("a letter\n")
    #expect(try fixture.run(["jot", "fine"]).status == 0)
    try GRDB.DatabaseQueue(path: fixture.vault).write { db in
      try db.execute(
        sql: "INSERT INTO object (object_id, kind, revision, env) VALUES (?, ?, 0, ?)",
        arguments: [Data([0xFE, 0xFE, 0xFE, 0xFE] + [UInt8](repeating: 0x42, count: 12)), 0x06, Data(repeating: 1, count: 200)])
    }
    let status = try fixture.run(["status"])
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("Set aside: 1 jotted text"), "\(status.stdout)")
    #expect(try fixture.run(["list"]).stdout.split(separator: "\n").count == 2)
  }
}

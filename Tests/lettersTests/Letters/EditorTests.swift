import Foundation
import Testing

/// `write` and `edit` in `$EDITOR`, run on a pseudo-terminal with a fake editor that writes
/// down what it was given (SECURITY.md §2.8, §3.3, §3.4; §5.2 T37, T39, T40).
@Suite struct EditorTests {
  @Test func theEditorGetsAPrivateNeutralTmpfsFileAndNoSecretsAndTheScratchIsGoneAfter() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let editor = try FakeEditor(in: fixture.directory, action: .appendFromEnvironment)
    let terminal = try PseudoTerminal(
      ["write", "--to", "Dr. Hale", "--subject", "Tuesday"],
      environment: fixture.environment.merging([
        "EDITOR": editor.script.path, "VISUAL": "", "LETTERS_TEST_APPEND": "written in the editor",
      ]) { $1 },
      scratch: fixture.directory)
    #expect(terminal.wait() == 0, "\(terminal.transcript)")

    let seen = editor.recorded()
    let file = try #require(seen["file"])
    #expect((file as NSString).lastPathComponent == "letter.txt")
    #expect(file.hasPrefix(fixture.runtimeDirectory + "/"))
    #expect(!file.contains("Hale") && !file.contains("Tuesday"))
    #expect(seen["dirmode"] == "700")
    #expect(seen["filemode"] == "600")
    #expect(seen["fstype"] == "tmpfs")
    #expect(seen["passphrasevars"] == "0")
    #expect(seen["core"] == "0/0")
    #expect(!FileManager.default.fileExists(atPath: (file as NSString).deletingLastPathComponent))
    let listed = try fixture.run(["search", "written in the editor", "--json"])
    #expect(listed.status == 0)
    #expect(listed.stdout.contains("\"subject\" : \"Tuesday\""))
  }

  @Test func anEditorThatFailsSavesNothingAndLeavesNoScratch() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let editor = try FakeEditor(in: fixture.directory, action: .fail(3))
    let terminal = try PseudoTerminal(
      ["write", "--to", "Dr. Hale"],
      environment: fixture.environment.merging(["EDITOR": editor.script.path, "VISUAL": ""]) { $1 },
      scratch: fixture.directory)
    #expect(terminal.wait() == 1)
    #expect(terminal.transcript.contains("the editor exited with status 3; nothing was saved"))
    let file = try #require(editor.recorded()["file"])
    #expect(!FileManager.default.fileExists(atPath: (file as NSString).deletingLastPathComponent))
    #expect(try fixture.vaultBytes() == before)
    #expect(try fixture.run(["list", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
  }

  @Test func sigtermWhileTheEditorRunsRemovesTheScratch() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let editor = try FakeEditor(in: fixture.directory, action: .waitForLettersToDie)
    let terminal = try PseudoTerminal(
      ["write", "--to", "Dr. Hale"],
      environment: fixture.environment.merging(["EDITOR": editor.script.path, "VISUAL": ""]) { $1 },
      scratch: fixture.directory)
    let deadline = Date().addingTimeInterval(30)
    while !editor.isWaiting && Date() < deadline { usleep(20_000) }
    let seen = editor.recorded()
    let pid = try #require(seen["letterspid"].flatMap { pid_t($0) })
    let file = try #require(seen["file"])
    let directory = (file as NSString).deletingLastPathComponent
    #expect(FileManager.default.fileExists(atPath: file), "the editor is still running")
    #expect(kill(pid, SIGTERM) == 0)
    let status = terminal.wait()
    #expect(status != 0)
    #expect(!FileManager.default.fileExists(atPath: directory))
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func textLeftByAKilledEditSessionIsSavedAsADraftAtTheNextWrite() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("words worth keeping\n")
    let editor = try FakeEditor(in: fixture.directory, action: .waitForLettersToDie)
    let terminal = try PseudoTerminal(
      ["edit", id],
      environment: fixture.environment.merging(["EDITOR": editor.script.path, "VISUAL": ""]) { $1 },
      scratch: fixture.directory)
    let deadline = Date().addingTimeInterval(30)
    while !editor.isWaiting && Date() < deadline { usleep(20_000) }
    let seen = editor.recorded()
    let pid = try #require(seen["letterspid"].flatMap { pid_t($0) })
    let directory = try #require(seen["file"].map { ($0 as NSString).deletingLastPathComponent })
    #expect(kill(pid, SIGKILL) == 0)
    terminal.wait()
    #expect(FileManager.default.fileExists(atPath: directory), "SIGKILL leaves the scratch behind")

    let next = try fixture.run(["write"], stdin: "a new letter\n")
    #expect(next.status == 0)
    #expect(next.stderr.contains("was saved as draft"))
    #expect(!FileManager.default.fileExists(atPath: directory))
    let found = try fixture.run(["search", "words worth keeping", "--json"])
    let letters = try #require(
      try JSONSerialization.jsonObject(with: found.stdoutData) as? [[String: Any]])
    #expect(letters.count == 2, "the original and the recovered draft")
    let recovered = try #require(
      letters.first { $0["subject"] as? String == "recovered after an interrupted edit" })
    // The editor's header gave the recipient back and is not part of the recovered text.
    #expect(recovered["to"] as? String == "Dr. Hale")
    let text = try fixture.run(["show", try #require(recovered["id"] as? String), "--text-only"])
    #expect(text.stdout == "words worth keeping\n")
  }

  @Test func editInTheEditorSavesANewRevision() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("first words\n")
    let editor = try FakeEditor(in: fixture.directory, action: .appendFromEnvironment)
    let terminal = try PseudoTerminal(
      ["edit", id],
      environment: fixture.environment.merging([
        "EDITOR": editor.script.path, "VISUAL": "", "LETTERS_TEST_APPEND": "second thoughts",
      ]) { $1 },
      scratch: fixture.directory)
    #expect(terminal.wait() == 0, "\(terminal.transcript)")
    let shown = try fixture.run(["show", id, "--text-only"])
    #expect(shown.stdout == "first words\nsecond thoughts\n")
    #expect(try fixture.run(["show", id]).stdout.contains("revision 2"))
  }
}

import Foundation
import Testing

/// `--to` and the editor's To line take the start of a known name, and say whom they chose.
@Suite struct RecipientChoiceTests {
  func fixtureWithRecipients() throws -> CLIFixture {
    let fixture = try CLIFixture()
    #expect(try fixture.run(["recipient", "add", "Dr Hale"]).status == 0)
    #expect(try fixture.run(["recipient", "add", "Dad"]).status == 0)
    _ = try fixture.write("an older letter\n", to: "Daniel")
    return fixture
  }

  func recipients(_ fixture: CLIFixture) throws -> [String] {
    let listed = try fixture.run(["list", "--json"])
    let letters = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
    return letters.compactMap { $0["to"] as? String }
  }

  @Test func theStartOfAKnownNameIsCompletedAndNamedBack() throws {
    let fixture = try fixtureWithRecipients()
    defer { fixture.remove() }
    let result = try fixture.run(["write", "--to", "dr"], stdin: "hello\n")
    #expect(result.status == 0)
    #expect(result.stderr.contains("letters: to Dr Hale\n"))
    let names = try fixture.run(["write", "--to", "dani"], stdin: "hello\n")
    #expect(names.stderr.contains("to Daniel"), "a letter's recipient is known too")
    #expect(try recipients(fixture).filter { $0 == "Dr Hale" }.count == 1)
  }

  @Test func anExactNameInAnyCaseWinsOverLongerNames() throws {
    let fixture = try fixtureWithRecipients()
    defer { fixture.remove() }
    let result = try fixture.run(["write", "--to", "DAD"], stdin: "hello\n")
    #expect(result.status == 0)
    #expect(!result.stderr.contains("to Daniel"))
    #expect(try recipients(fixture).contains("Dad"))
  }

  @Test func anAmbiguousStartIsRefusedBeforeAnythingIsWritten() throws {
    let fixture = try fixtureWithRecipients()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let result = try fixture.run(["write", "--to", "Da"], stdin: "hello\n")
    #expect(result.status == 64)
    #expect(result.stderr.contains("“Da” could be “Dad” or “Daniel”; nothing was saved"))
    #expect(result.stderr.contains("hint: give more of the name"))
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func aNameNobodyHasIsANewRecipientAsTyped() throws {
    let fixture = try fixtureWithRecipients()
    defer { fixture.remove() }
    let result = try fixture.run(["write", "--to", "Grandma Rose"], stdin: "hello\n")
    #expect(result.status == 0)
    #expect(!result.stderr.contains("letters: to "))
    #expect(try recipients(fixture).contains("Grandma Rose"))
  }

  /// An editor that puts `LETTERS_TEST_TO` on the To line and a text below.
  func toLineEditor(_ fixture: CLIFixture) throws -> String {
    let script = fixture.directory.appendingPathComponent("to-editor.sh").path
    try """
      #!/bin/sh
      for a in "$@"; do file="$a"; done
      { printf 'To: %s\\n\\n' "$LETTERS_TEST_TO"; echo 'typed in the editor'; } > "$file"

      """.write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o700)
    return script
  }

  @Test func theEditorsToLineIsCompletedToo() throws {
    let fixture = try fixtureWithRecipients()
    defer { fixture.remove() }
    let terminal = try PseudoTerminal(
      ["write"],
      environment: fixture.environment.merging([
        "EDITOR": try toLineEditor(fixture), "VISUAL": "", "LETTERS_TEST_TO": "dr h",
      ]) { $1 },
      scratch: fixture.directory)
    #expect(terminal.wait() == 0, "\(terminal.transcript)")
    #expect(terminal.transcript.contains("letters: to Dr Hale"))
    #expect(try recipients(fixture).contains("Dr Hale"))
  }

  @Test func anAmbiguousToLineKeepsTheLetterAndSaysHowToChangeIt() throws {
    let fixture = try fixtureWithRecipients()
    defer { fixture.remove() }
    let terminal = try PseudoTerminal(
      ["write"],
      environment: fixture.environment.merging([
        "EDITOR": try toLineEditor(fixture), "VISUAL": "", "LETTERS_TEST_TO": "Da",
      ]) { $1 },
      scratch: fixture.directory)
    #expect(terminal.wait() == 0, "\(terminal.transcript)")
    #expect(terminal.transcript.contains("“Da” could be “Dad” or “Daniel”, so it was kept as you typed it"))
    #expect(terminal.transcript.contains("--keep-text --to NAME"))
    #expect(try recipients(fixture).contains("Da"))
    #expect(try fixture.run(["search", "typed in the editor"]).stdout.contains("Da"))
  }
}

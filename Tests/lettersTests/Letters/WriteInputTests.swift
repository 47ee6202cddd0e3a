import Foundation
import Testing

@Suite struct WriteInputTests {
  @Test(arguments: ["", "\n", "  \n\t\n"])
  func anEmptyLetterFromStdinSavesNothing(text: String) throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let result = try fixture.run(["write", "--to", "Dr. Hale"], stdin: text)
    #expect(result.status == 1)
    #expect(result.stderr.contains("the letter was empty, so nothing was saved"))
    #expect(result.stdout.isEmpty)
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func anInvalidDateIsRefusedBeforeAnyPassphraseIsAsked() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    // No passphrase source at all: a prompt would fail with 74, not 64.
    let result = try CLI.run(
      ["list", "--since", "03/04/2026"],
      environment: ["LETTERS_VAULT": fixture.vault, "LETTERS_PASSPHRASE_FILE": ""])
    #expect(result.status == 64)
    #expect(result.stderr.contains("could be read more than one way; write it as 2026-04-03 or 2026-03-04"))
    // One reading: named, in this year (found at a real terminal: "31/12" was told to write
    // "2026-05-03").
    let year = Calendar(identifier: .gregorian).component(.year, from: Date())
    let one = try CLI.run(
      ["list", "--since", "31/12"], environment: ["LETTERS_VAULT": fixture.vault, "LETTERS_PASSPHRASE_FILE": ""])
    #expect(one.status == 64)
    #expect(one.stderr.contains("“31/12”: please write dates year first, as \(year)-12-31"), "\(one.stderr)")
  }

  @Test func listSinceAndUntilAcceptPhrases() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("written today")
    let today = try fixture.run(["list", "--since", "today", "--until", "today", "--json"])
    #expect(today.status == 0)
    #expect(today.stdout.contains(id))
    let past = try fixture.run(["list", "--until", "yesterday", "--json"])
    #expect(past.status == 0)
    #expect(!past.stdout.contains(id))
  }

  /// The same text piped into `edit` is no new revision, as leaving the editor without a
  /// change is not: a letter that cools would otherwise start its wait again.
  @Test func theSameTextFromStdinSavesNoRevision() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("first words\n", subject: "Tuesday")
    #expect(try fixture.run(["send", id]).status == 0)
    let before = try fixture.vaultBytes()
    let same = try fixture.run(["edit", id], stdin: "first words\n")
    #expect(same.status == 0, "\(same.stderr)")
    #expect(same.stderr.contains("nothing changed, so letter \(id.prefix(8)) is as it was"))
    #expect(try fixture.vaultBytes() == before)
    let changed = try fixture.run(["edit", id], stdin: "other words\n")
    #expect(changed.stderr.contains("saved revision 2"))
  }
}


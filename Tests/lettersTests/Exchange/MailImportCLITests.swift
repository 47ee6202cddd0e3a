import Foundation
import Testing

/// `letters import` with whole mailboxes: every unreadable message named, `--skip-unreadable`,
/// notes for dates taken from elsewhere, and a missing file (README "Exit codes": 65).
@Suite struct MailImportCLITests {
  static let drafts = """
    From me@example.org Sat Nov 22 10:00:00 2025
    To: Mum <mum@example.org>
    Subject: first
    Date: 21 Nov 97 09:55:06 GMT

    Dear Mum,

    From me@example.org Sat Nov 22 10:00:00 2025
    Subject: martian
    Date: Sun, 23 Nov 2025 10:00:00 +0000
    Content-Type: text/plain; charset=x-martian

    zzz

    From me@example.org Sun Nov 23 11:00:00 2025
    Subject: second
    Date: the night it rained

    Dear Dad,

    From me@example.org Sat Nov 22 10:00:00 2025
    Subject: only html
    Date: Mon, 24 Nov 2025 10:00:00 +0000
    Content-Type: text/html

    <p>hi</p>

    """

  func mailbox(in cli: CLIFixture) throws -> String {
    let path = cli.directory.appendingPathComponent("Drafts").path
    try Data(Self.drafts.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func everyUnreadableMessageIsNamedAndNothingIsImported() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    let path = try mailbox(in: cli)
    let result = try cli.run(["import", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("2 messages could not be read as letters; nothing was imported"), "\(result.stderr)")
    #expect(result.stderr.contains(
      "Drafts: message 2 (“martian”, Sun, 23 Nov 2025 10:00:00 +0000): its text is in the character set “x-martian”, which this system cannot convert"))
    #expect(result.stderr.contains("Drafts: message 4 (“only html”, Mon, 24 Nov 2025 10:00:00 +0000): the message has no plain-text part"))
    #expect(try cli.run(["list"]).stdout.isEmpty)
  }

  @Test func skipUnreadableImportsTheRestListsWhatItLeftAndNeverTwice() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    let path = try mailbox(in: cli)
    let result = try cli.run(["import", "--skip-unreadable", path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("imported 2 letters"))
    #expect(result.stderr.contains("its date “the night it rained” could not be read, so the date of its mailbox line was used"))
    #expect(result.stderr.contains("left out 2 messages that could not be read:"))
    #expect(result.stderr.contains("Drafts: message 2 (“martian”"))
    let list = try cli.run(["list"]).stdout
    #expect(list.contains("21 Nov 1997"), "\(list)")
    #expect(list.contains("23 Nov 2025"), "\(list)")
    let again = try cli.run(["import", "--skip-unreadable", path])
    #expect(again.stderr.contains("imported 0 letters, 2 were already here"), "\(again.stderr)")
  }

  @Test func aMissingFileIsNamedWithTheOthersAndExits65() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    let result = try cli.run(["import", cli.directory.appendingPathComponent("nope.mbox").path])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("nope.mbox: there is no such file; nothing was imported"))
  }

  @Test func severalLettersToAnEmlPathAreRefusedWithTheMboxHint() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    _ = try cli.write("One.\n")
    _ = try cli.write("Two.\n")
    let eml = cli.directory.appendingPathComponent("all.eml").path
    let refused = try cli.run(["export", "--format", "eml", "-o", eml])
    #expect(refused.status == 64, "\(refused.stderr)")
    #expect(refused.stderr.contains("2 letters make a mailbox, not one message; write them to a .mbox file"))
    #expect(!FileManager.default.fileExists(atPath: eml))
    let mbox = cli.directory.appendingPathComponent("all.mbox").path
    #expect(try cli.run(["export", "--format", "eml", "-o", mbox]).status == 0)
  }
}

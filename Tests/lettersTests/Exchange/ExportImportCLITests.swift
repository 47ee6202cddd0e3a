import Foundation
import Testing

@Suite struct ExportImportCLITests {
  static let importFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("LetterVaultTests/Fixtures/import")

  static func fixture(_ name: String) -> String { importFixtures.appendingPathComponent(name).path }

  @Test func exportWritesAPrivateFileAndNeverOverwritesWithoutForce() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    _ = try cli.write("Dear Dr. Hale,\n<script>alert(1)</script>\n", subject: "<b>Tuesday</b>")
    let output = cli.directory.appendingPathComponent("letters.html").path
    let vaultBefore = try cli.vaultBytes()

    let first = try cli.run(["export", "--format", "html", "--output", output])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.isEmpty)
    #expect(first.stderr.contains("exported 1 letter to \(output)"))
    let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("<h1>&lt;b&gt;Tuesday&lt;/b&gt;</h1>"))
    #expect(!html.contains("<script>"))

    try Data("mine".utf8).write(to: URL(fileURLWithPath: output))
    let second = try cli.run(["export", "--format", "txt", "--output", output])
    #expect(second.status == 73)
    #expect(second.stderr.contains("already exists; it was left as it is"))
    #expect(try String(contentsOfFile: output, encoding: .utf8) == "mine")

    let forced = try cli.run(["export", "--format", "txt", "--output", output, "--force"])
    #expect(forced.status == 0)
    #expect(try String(contentsOfFile: output, encoding: .utf8).contains("State: DRAFT, not sent"))
    #expect(try cli.vaultBytes() == vaultBefore)
  }

  @Test func exportToStdoutPrintsOnlyTheDataAndAnUnknownFormatIsAUsageError() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    let id = try cli.write("Just this.\n")
    let json = try cli.run(["export", String(id.prefix(6)), "--format", "json"])
    #expect(json.status == 0)
    let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
    let letters = object?["letters"] as? [[String: Any]]
    #expect(letters?.first?["id"] as? String == id)
    #expect(letters?.first?["body"] as? String == "Just this.\n")
    #expect(json.stderr.isEmpty)

    let bad = try cli.run(["export", "--format", "pdf"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("“pdf” is not an export format"))
  }

  @Test func aJSONExportImportsIntoAnotherVaultAndTwiceAddsNothing() throws {
    let source = try CLIFixture()
    defer { source.remove() }
    let target = try CLIFixture()
    defer { target.remove() }
    let id = try source.write("Dear Mum,\nSunday.\n", to: "Mum", subject: "Sonntag ☀")
    #expect(try source.run(["hold", id]).status == 0)
    #expect(try source.run(["note", id], stdin: "Still true.\n").status == 0)
    let path = target.directory.appendingPathComponent("all.json").path
    #expect(try source.run(["export", "--format", "json", "-o", path]).status == 0)

    let first = try target.run(["import", path])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("imported 1 letter"))
    let before = try target.vaultBytes()
    let again = try target.run(["import", path])
    #expect(again.stderr.contains("imported 0 letters, 1 was already here"))
    #expect(try target.vaultBytes() == before)

    let original = try source.run(["export", "--format", "json"])
    let copy = try target.run(["export", "--format", "json"])
    func essence(_ data: Data) throws -> [[String: String]] {
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      return (object?["letters"] as? [[String: Any]] ?? []).map { letter in
        var out: [String: String] = [:]
        for key in ["id", "to", "subject", "state", "created", "updated", "body"] {
          out[key] = letter[key] as? String
        }
        out["notes"] = (letter["notes"] as? [[String: Any]])?.compactMap { $0["text"] as? String }.joined()
        out["tags"] = (letter["tags"] as? [String])?.joined(separator: ",")
        return out
      }
    }
    #expect(try essence(copy.stdoutData) == essence(original.stdoutData))
  }

  @Test func brokenImportFilesAreEachNamedAndTheVaultIsUnchanged() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    _ = try cli.write("Already here.\n")
    let before = try cli.vaultBytes()
    let result = try cli.run([
      "import", Self.fixture("front-matter.md"), Self.fixture("broken-bad-date.md"),
      Self.fixture("broken-invalid-utf8.txt"), Self.fixture("broken-truncated.json"),
      Self.fixture("broken-no-body.eml"),
    ])
    #expect(result.status == 65)
    #expect(result.stderr.contains("4 files could not be read as letters; nothing was imported"))
    #expect(result.stderr.contains("broken-bad-date.md: line 2: “last tuesday-ish” is not a date"))
    #expect(result.stderr.contains("broken-invalid-utf8.txt: the file is not valid UTF-8"))
    #expect(result.stderr.contains("broken-truncated.json: the file is not valid JSON"))
    #expect(result.stderr.contains("broken-no-body.eml: the message has no body"))
    #expect(!result.stderr.contains("front-matter.md:"))
    #expect(try cli.vaultBytes() == before)
  }

  /// The file the `importers` fuzz target found (round 7): a date with a fraction of dozens
  /// of digits made ICU divide by zero, and `letters import` died with SIGFPE. Now a named
  /// refusal, exit 65, the vault unchanged.
  @Test func anExportWithAnEndlessFractionInADateIsRefusedByName() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    _ = try cli.write("Already here.\n")
    let before = try cli.vaultBytes()
    let result = try cli.run(["import", Self.fixture("broken-long-fraction.md")])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("“created” is not an ISO 8601 date; nothing was imported"))
    #expect(try cli.vaultBytes() == before)
  }

  @Test func importBringsInEverySourceFormatWithItsDates() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    let result = try cli.run([
      "import", Self.fixture("front-matter.md"), Self.fixture("latin1-qp.eml"), Self.fixture("jrnl.json"),
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("imported 6 letters"))
    let list = try cli.run(["list"])
    #expect(list.stdout.contains("draft  3 May 2026 22:14  Dr. Hale  · After Tuesday"))
    #expect(list.stdout.contains("held   3 May 2026 20:14  Frédéric  · café ☕ and more"))
    #expect(list.stdout.contains("held   1 May 2026 21:30  —  · Couldn't sleep."))
  }

  @Test func deliverySetIsKeptInsideTheVault() throws {
    let cli = try CLIFixture()
    defer { cli.remove() }
    #expect(try cli.run(["delivery"]).stderr.contains("no mail command is set up"))
    let set = try cli.run(["delivery", "set", "--command", "msmtp -t", "--from", "me@example.org"])
    #expect(set.status == 0, "\(set.stderr)")
    let shown = try cli.run(["delivery"])
    #expect(shown.stdout == "command: msmtp -t\nfrom: me@example.org\n")
    let bad = try cli.run(["delivery", "set", "--command", "msmtp -t", "--from", "not an address"])
    #expect(bad.status == 64)
    #expect(!(try String(decoding: cli.vaultBytes(), as: UTF8.self)).contains("msmtp"))
  }
}

import Foundation
import Testing

/// The real binary: `export --format md` and `--format txt` of several letters, imported into
/// a fresh vault, give back the same letters (`list --json`, `show --json`), and importing the
/// file again adds nothing (README "Copies out, letters in, delivery").
@Suite struct TextExportRoundTripCLITests {
  static func ids(_ cli: CLIFixture) throws -> [String] {
    let list = try cli.run(["list", "--json"])
    let rows = try JSONSerialization.jsonObject(with: list.stdoutData) as? [[String: Any]] ?? []
    return rows.compactMap { $0["id"] as? String }
  }

  /// `show --json` of every letter, as JSON objects (the id is the same: it travels in the
  /// file). All but the fingerprint, which is keyed by each vault's own key (FORMAT.md §4.4).
  static func shown(_ cli: CLIFixture) throws -> [NSDictionary] {
    try ids(cli).map { id in
      let show = try cli.run(["show", id, "--json"])
      #expect(show.status == 0, "\(show.stderr)")
      let object = try JSONSerialization.jsonObject(with: show.stdoutData) as? NSDictionary ?? [:]
      #expect(object["body"] != nil && object["fingerprint"] != nil)
      let copy = object.mutableCopy() as! NSMutableDictionary
      copy.removeObject(forKey: "fingerprint")
      return copy
    }
  }

  @Test(arguments: ["md", "txt"])
  func severalLettersExportedAsTextImportAsThemselvesOnce(format: String) throws {
    let source = try CLIFixture()
    defer { source.remove() }
    let target = try CLIFixture()
    defer { target.remove() }
    _ = try source.write("Above\n---\nbelow\n\u{0C}\nnext page\n", to: "Dr. Hale", subject: "Tuesday")
    let held = try source.write("Letters-Data: {\"bytes\":1}\nno final newline", to: "Mum", subject: "")
    #expect(try source.run(["hold", held]).status == 0)
    #expect(try source.run(["note", held], stdin: "a note\n---\n").status == 0)
    let tagged = try source.run(["write", "--to", "Åsa", "--subject", "Ünï ✉️", "--tag", "a, b", "--tag", "x"], stdin: "---\ntitle: no\n---\n")
    #expect(tagged.status == 0, "\(tagged.stderr)")
    let path = target.directory.appendingPathComponent("all.\(format)").path
    let export = try source.run(["export", "--format", format, "-o", path])
    #expect(export.status == 0, "\(export.stderr)")

    let first = try target.run(["import", path])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("imported 3 letters"), "\(first.stderr)")
    let before = try target.vaultBytes()
    let again = try target.run(["import", path])
    #expect(again.stderr.contains("imported 0 letters, 3 were already here"), "\(again.stderr)")
    #expect(try target.vaultBytes() == before)

    let list = { (cli: CLIFixture) in try JSONSerialization.jsonObject(with: cli.run(["list", "--json"]).stdoutData) as? NSArray }
    #expect(try list(target) == list(source))
    #expect(try Self.shown(target) == Self.shown(source))
  }

  @Test func anExportWhoseTextWasEditedIsRefusedNamingTheLetter() throws {
    let source = try CLIFixture()
    defer { source.remove() }
    let target = try CLIFixture()
    defer { target.remove() }
    _ = try source.write("First.\n")
    _ = try source.write("Second, to be edited.\n")
    let path = target.directory.appendingPathComponent("all.txt").path
    #expect(try source.run(["export", "--format", "txt", "-o", path]).status == 0)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "to be edited", with: "edited").utf8).write(to: URL(fileURLWithPath: path))
    let before = try target.vaultBytes()
    let result = try target.run(["import", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("letter 2 of this export"), "\(result.stderr)")
    #expect(try target.vaultBytes() == before)
  }
}

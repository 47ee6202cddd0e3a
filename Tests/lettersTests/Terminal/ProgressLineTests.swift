import Foundation
import Testing

/// Long work shows one progress line on stderr — only on a terminal, never with --quiet,
/// and only for work of 200 letters or more (ProgressLine.swift; README "Progress").
@Suite struct ProgressLineTests {
  static let count = 240

  /// A jrnl export of `count` short entries: the fastest way to many letters through the CLI.
  static func jrnl(_ count: Int, in directory: URL, name: String, offset: Int = 0) throws -> String {
    let entries = (offset..<offset + count).map { index in
      """
      {"title": "letter \(index)", "body": "text \(index)", "date": "2025-\(String(format: "%02d", index % 12 + 1))-\(String(format: "%02d", index % 28 + 1))", "time": "\(String(format: "%02d", index % 24)):\(String(format: "%02d", index % 60))", "tags": [], "starred": false}
      """
    }
    let path = directory.appendingPathComponent(name).path
    try "{\"tags\": {}, \"entries\": [\(entries.joined(separator: ","))]}"
      .write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// A vault with `count` letters, imported with stderr a file: no progress bytes at all.
  static func fixture() throws -> CLIFixture {
    let fixture = try CLIFixture()
    let file = try jrnl(count, in: fixture.directory, name: "many.json")
    let result = try fixture.run(["import", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "letters: imported \(count) letters\n")
    return fixture
  }

  func onTerminal(_ fixture: CLIFixture, _ arguments: [String], environment: [String: String] = [:])
    throws -> String
  {
    let pty = try PseudoTerminal(
      arguments, environment: fixture.environment.merging(environment) { $1 },
      scratch: fixture.directory)
    #expect(pty.wait() == 0, "\(arguments): \(pty.transcript)")
    return pty.transcript
  }

  /// The line holding `needle` starts clean: the progress line before it was wiped with
  /// spaces (CR, spaces, CR), so no digits of it are left on the screen.
  func expectWiped(_ transcript: String, before needle: String) {
    guard let range = transcript.range(of: needle) else {
      Issue.record("no “\(needle)” in \(transcript.debugDescription)")
      return
    }
    let parts = transcript[..<range.lowerBound].split(separator: "\r", omittingEmptySubsequences: false)
    #expect(parts.count >= 3, "\(transcript.debugDescription)")
    guard parts.count >= 3 else { return }
    let wipe = parts[parts.count - 2]
    #expect(!wipe.isEmpty && wipe.allSatisfy { $0 == " " }, "\(transcript.debugDescription)")
  }

  @Test func importOnATerminalShowsProgressThenAClearLine() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let file = try Self.jrnl(Self.count, in: fixture.directory, name: "many.json")
    let transcript = try onTerminal(fixture, ["import", file])
    #expect(transcript.contains("Bringing letters in… 0 of \(Self.count)"), "\(transcript.debugDescription)")
    expectWiped(transcript, before: "letters: imported \(Self.count) letters")
  }

  @Test func verifyAndExportOnATerminalShowProgress() throws {
    let fixture = try Self.fixture()
    defer { fixture.remove() }
    let verify = try onTerminal(fixture, ["verify"])
    #expect(verify.contains("Checking letters… 0 of \(Self.count)"), "\(verify.debugDescription)")
    #expect(verify.contains("Checking letters… \(Self.count) of \(Self.count)"))
    expectWiped(verify, before: "letters: everything checks out")

    let output = fixture.directory.appendingPathComponent("all.json").path
    let export = try onTerminal(fixture, ["export", "--format", "json", "-o", output])
    #expect(export.contains("Reading letters… 0 of \(Self.count)"), "\(export.debugDescription)")
    expectWiped(export, before: "letters: exported \(Self.count) letters")
  }

  @Test func mergeOnATerminalShowsCheckingAndComparing() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let copy = fixture.directory.appendingPathComponent("laptop.db").path
    try FileManager.default.copyItem(atPath: fixture.vault, toPath: copy)
    let file = try Self.jrnl(Self.count, in: fixture.directory, name: "laptop.json")
    // The laptop is another computer, with its own state directory (rollback watermark).
    let laptop = try fixture.run(
      ["import", "--vault", copy, file],
      environment: ["XDG_STATE_HOME": fixture.directory.appendingPathComponent("laptop-state").path])
    #expect(laptop.status == 0, "\(laptop.stderr)")
    let merge = try onTerminal(fixture, ["merge", copy])
    #expect(merge.contains("Checking the other copy… 0 of \(Self.count)"), "\(merge.debugDescription)")
    #expect(merge.contains("Comparing letters… 0 of \(Self.count)"), "\(merge.debugDescription)")
    expectWiped(merge, before: "new held letter, 1 revision")
    #expect(merge.contains("letters: merged: \(Self.count) letters brought in"))
  }

  @Test func stderrToAFileGetsNoProgressBytes() throws {
    let fixture = try Self.fixture()
    defer { fixture.remove() }
    let verify = try fixture.run(["verify"])
    #expect(verify.status == 0)
    #expect(verify.stderr == "letters: everything checks out: \(Self.count) letters, every revision readable\n")
    let output = fixture.directory.appendingPathComponent("all.md").path
    let export = try fixture.run(["export", "--format", "md", "-o", output])
    #expect(export.status == 0)
    #expect(!export.stderr.contains("\r") && !export.stderr.contains(" of \(Self.count)"))
    #expect(export.stderr.hasPrefix("letters: exported \(Self.count) letters"))
  }

  @Test func quietOnATerminalShowsNoProgress() throws {
    let fixture = try Self.fixture()
    defer { fixture.remove() }
    let verify = try onTerminal(fixture, ["verify", "--quiet"])
    #expect(verify.isEmpty, "\(verify.debugDescription)")
    let output = fixture.directory.appendingPathComponent("all.json").path
    let export = try onTerminal(fixture, ["export", "--quiet", "--format", "json", "-o", output])
    #expect(export.isEmpty, "\(export.debugDescription)")
  }

  @Test func smallWorkOnATerminalShowsNoProgress() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    _ = try fixture.write("just one")
    let verify = try onTerminal(fixture, ["verify"])
    #expect(!verify.contains("Checking letters…"))
    #expect(verify.hasPrefix("letters: everything checks out: 1 letter"), "\(verify.debugDescription)")
  }
}

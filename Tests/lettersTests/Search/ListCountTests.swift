import Foundation
import Testing

/// `list -n` and `search -n` (the newest N, README.md "Commands"), invalid counts, and what
/// an empty `list` or `search` says: a gentle line on stderr, nothing on stdout, exit 0.
@Suite struct ListCountTests {
  @Test func listDashNGivesTheNewestThreeOfTen() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    try fixture.importNumbered(10)
    let three = try fixture.run(["list", "-n", "3"])
    #expect(three.status == 0, "\(three.stderr)")
    #expect(Self.subjects(three.stdout) == ["letter 10", "letter 09", "letter 08"])
    #expect(three.stderr.isEmpty)
    let json = try fixture.run(["list", "--max-count", "3", "--json"])
    #expect(json.status == 0)
    let objects = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: Any]])
    #expect(objects.compactMap { $0["subject"] as? String } == ["letter 10", "letter 09", "letter 08"])
    // More than there are: all of them; with a filter: the newest of those that match.
    #expect(Self.subjects(try fixture.run(["list", "-n", "50"]).stdout).count == 10)
    // Joined, as git log takes it (found at a real terminal: `-n1` was an unknown option).
    #expect(Self.subjects(try fixture.run(["list", "-n1"]).stdout) == ["letter 10"])
    #expect(Self.subjects(try fixture.run(["search", "Dear 0", "-n2"]).stdout).count == 2)
    let old = try fixture.run(["list", "-n", "2", "--until", "2026-01-05"])
    #expect(Self.subjects(old.stdout) == ["letter 05", "letter 04"])
  }

  @Test func searchDashNGivesTheNewestFound() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    try fixture.importNumbered(10)
    // "Dear 0" is in the text of letters 01 to 09.
    let two = try fixture.run(["search", "Dear 0", "-n", "2"])
    #expect(two.status == 0, "\(two.stderr)")
    #expect(Self.subjects(two.stdout) == ["letter 09", "letter 08"])
    let json = try fixture.run(["search", "Dear 0", "-n", "2", "--json"])
    let objects = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: Any]])
    #expect(objects.compactMap { $0["subject"] as? String } == ["letter 09", "letter 08"])
    #expect(Self.subjects(try fixture.run(["search", "Dear 0"]).stdout).count == 9)
  }

  @Test func aCountThatIsNotAPositiveWholeNumberIsRefused() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    try fixture.importNumbered(3)
    let before = try fixture.vaultBytes()
    for arguments in [
      ["list", "-n", "0"], ["list", "--max-count=-2"], ["list", "-n", "three"], ["list", "-n", "2.5"],
      ["search", "Dear", "-n", "0"], ["search", "Dear", "--max-count=-1"], ["search", "Dear", "-n", "x"],
    ] {
      let result = try fixture.run(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
      #expect(result.stderr.contains("is not a number of letters; use a whole number from 1 up"), "\(arguments)")
    }
    let missing = try fixture.run(["list", "-n"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("Missing value for '-n'"))
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func anEmptyListOrSearchSaysSoOnStderrAndPrintsNothing() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let empty = try fixture.run(["list"])
    #expect(empty.status == 0)
    #expect(empty.stdout.isEmpty)
    #expect(empty.stderr == "letters: no letters yet\n")
    #expect(try fixture.run(["list", "-n", "5"]).stderr == "letters: no letters yet\n")
    let json = try fixture.run(["list", "--json"])
    #expect((try JSONSerialization.jsonObject(with: json.stdoutData) as? [Any])?.isEmpty == true)
    #expect(json.stderr.isEmpty, "JSON speaks for itself")

    try fixture.importNumbered(2)
    let filtered = try fixture.run(["list", "--tag", "nothing-like-this"])
    #expect(filtered.status == 0)
    #expect(filtered.stdout.isEmpty)
    #expect(filtered.stderr == "letters: no letters match\n")

    let search = try fixture.run(["search", "nowhere to be found"])
    #expect(search.status == 0)
    #expect(search.stdout.isEmpty)
    #expect(search.stderr == "letters: no letter contains “nowhere to be found”\n")

    for arguments in [["list", "--tag", "nothing-like-this", "-q"], ["search", "nowhere", "--quiet"]] {
      let quiet = try fixture.run(arguments)
      #expect(quiet.status == 0)
      #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(arguments)")
    }
  }

  @Test func aPipeNeverGetsAPager() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    try fixture.importNumbered(30)
    let pager = try PagerRecorder(in: fixture.directory)
    for variable in ["PAGER", "LETTERS_PAGER"] {
      let listed = try fixture.run(["list"], environment: [variable: pager.command])
      #expect(Self.subjects(listed.stdout).count == 30)
    }
    #expect(!pager.wasCalled)
  }

  /// The subjects of `list` lines, in order (`… · letter 07`).
  static func subjects(_ listing: String) -> [String] {
    listing.split(separator: "\n").compactMap { line in
      line.range(of: "· ").map { String(line[$0.upperBound...]) }
    }
  }
}

extension CLIFixture {
  /// Imports `count` letters to Dr. Hale, "letter 01" written on 1 January 2026 at 10:00 and
  /// each next one a day later, with the text "Dear 01" and so on. One import, not `count`
  /// writes: thirty unlocks would take most of a test's time.
  func importNumbered(_ count: Int) throws {
    let folder = directory.appendingPathComponent("numbered")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let start = Date(timeIntervalSince1970: 1_767_261_600)  // 2026-01-01 10:00 UTC
    let format = ISO8601DateFormatter()
    var paths: [String] = []
    for number in 1...count {
      let name = String(format: "%02d", number)
      let date = format.string(from: start.addingTimeInterval(Double(number - 1) * 86_400))
      let day = date.prefix(10)
      let text = "---\nto: Dr. Hale\nsubject: letter \(name)\ndate: \(day) 10:00\n---\nDear \(name)\n"
      let path = folder.appendingPathComponent("letter-\(name).md").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      paths.append(path)
    }
    let result = try run(["import"] + paths)
    #expect(result.status == 0, "import failed: \(result.stderr)")
  }
}

/// A pager that only records that it ran: its arguments, how many lines it was given, and
/// whether less's history file and shell escapes were off and the passphrase file hidden.
struct PagerRecorder {
  let script: String
  let marker: String

  init(in directory: URL, name: String = "pager") throws {
    script = directory.appendingPathComponent("\(name).sh").path
    marker = directory.appendingPathComponent("\(name).called").path
    let body = """
      #!/bin/sh
      lines=$(wc -l)
      echo "args=$* lines=$lines LESSHISTFILE=$LESSHISTFILE LESSSECURE=$LESSSECURE passphrase=${LETTERS_PASSPHRASE_FILE:-none}" >> '\(marker)'
      echo "\(name) was here"

      """
    try body.write(toFile: script, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script)
  }

  /// The command line to put in `PAGER` (with an argument, so the shell must split it).
  var command: String { "\(script) --from-test" }

  var wasCalled: Bool { FileManager.default.fileExists(atPath: marker) }

  /// What each call wrote, one line each.
  func calls() -> [String] {
    ((try? String(contentsOfFile: marker, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
  }
}

import Foundation
import Testing

/// The interactive paths, driven through a real pseudo-terminal with expect(1)
/// (installed by `scripts/deps test`).
@Suite struct KeysTerminalTests {
  /// Runs an expect script with the fixture's environment; `BIN` names the binary.
  func expect(_ fixture: CLIFixture, _ script: String) throws -> CLIResult {
    try CLI.runProgram(
      "/usr/bin/expect", ["-c", "set timeout 20\n" + script],
      environment: fixture.environment.merging(["BIN": CLI.binary.path]) { $1 })
  }

  @Test func theRecoveryKeyIsShownOnceOnTheTerminalAndAddedAfterOneGroupIsTypedBack() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let result = try expect(
      fixture,
      """
      spawn $env(BIN) recovery add
      expect -re {(LVR1(-[0-9A-Z]{4}){8}-[0-9A-Z]{2})}
      set key $expect_out(1,string)
      expect -re {type group ([0-9])}
      set groups [split $key -]
      send "[string tolower [lindex $groups $expect_out(1,string)]]\\r"
      expect eof
      puts "\\nKEY=$key"
      lassign [wait] pid spawnid oserr status
      exit $status
      """)
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("\u{1b}[?1049h"))  // shown on the alternate screen
    #expect(result.stdout.contains("\u{1b}[?1049l"))  // and the screen restored
    let key = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("KEY=") })
      .dropFirst(4).trimmingCharacters(in: .whitespacesAndNewlines)
    let keyFile = fixture.directory.appendingPathComponent("key").path
    try (key + "\n").write(toFile: keyFile, atomically: true, encoding: .utf8)
    let newPassphrase = fixture.directory.appendingPathComponent("new").path
    try "another long passphrase\n".write(toFile: newPassphrase, atomically: true, encoding: .utf8)
    let reset = try fixture.run(
      ["passwd", "--recovery", "--kdf", "interactive"],
      environment: [
        "LETTERS_RECOVERY_KEY_FILE": keyFile, "LETTERS_NEW_PASSPHRASE_FILE": newPassphrase,
      ])
    #expect(reset.status == 0, "\(reset.stderr)")
  }

  @Test func aRecoveryKeyThatWasNotTypedBackIsNotAdded() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let result = try expect(
      fixture,
      """
      spawn $env(BIN) recovery add
      for {set i 0} {$i < 3} {incr i} {
        expect -re {type group}
        send "XXXX\\r"
      }
      expect eof
      lassign [wait] pid spawnid oserr status
      exit $status
      """)
    #expect(result.status == 64)
    #expect(result.stdout.contains("not added"))
    #expect(try fixture.vaultBytes() == before)
  }

  @Test func burnAsksForTheFirstFourCharactersOfTheId() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let id = try fixture.write("to let go\n")
    let refused = try expect(
      fixture,
      """
      spawn $env(BIN) burn \(id.prefix(8))
      expect -re {characters of its id}
      send "zzzz\\r"
      expect eof
      lassign [wait] pid spawnid oserr status
      exit $status
      """)
    #expect(refused.status == 64)
    #expect(try fixture.run(["show", id, "--text-only"]).status == 0)
    let burned = try expect(
      fixture,
      """
      spawn $env(BIN) burn \(id.prefix(8))
      expect -re {characters of its id}
      send "\(id.prefix(4))\\r"
      expect eof
      lassign [wait] pid spawnid oserr status
      exit $status
      """)
    #expect(burned.status == 0, "\(burned.stdout)")
    #expect(try fixture.run(["show", id]).status == 66)
  }
}

import Foundation
import Testing

/// A mistyped command gets the command it was probably meant to be (exit 64), the way git
/// answers `git stauts`; the vault is not touched.
@Suite struct UnknownCommandTests {
  @Test(arguments: [
    (["wirte"], "letters: “wirte” is not a command; did you mean “write”?\n"),
    (["lsit", "--json"], "letters: “lsit” is not a command; did you mean “list”?\n"),
    (["rec"], "letters: “rec” is not a command; did you mean “recovery” or “recipient”?\n"),
    (["recipient", "ad", "Mum"], "letters: “ad” is not a command of “letters recipient”; did you mean “add”?\n"),
    (["rules", "st"], "letters: “st” is not a command of “letters rules”; did you mean “set”?\n"),
    (["recovery", "remvoe"], "letters: “remvoe” is not a command of “letters recovery”; did you mean “remove”?\n"),
  ])
  func aNearMissIsNamed(arguments: [String], expected: String) throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let before = try fixture.vaultBytes()
    let result = try fixture.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr == expected)
    #expect(result.stdout.isEmpty)
    #expect(try fixture.vaultBytes() == before)
  }

  @Test(arguments: [["xyzzy"], ["x"], ["recipient", "zzz"]])
  func aWordLikeNoCommandPointsToHelp(arguments: [String]) throws {
    let result = try CLI.run(arguments)
    #expect(result.status == 64)
    let group = (["letters"] + arguments.dropLast()).joined(separator: " ")
    #expect(result.stderr.contains("“\(arguments.last!)” is not a command"), "\(result.stderr)")
    #expect(result.stderr.hasSuffix("letters: hint: `\(group) --help` lists the commands\n"), "\(result.stderr)")
    #expect(!result.stderr.contains("did you mean"))
  }

  /// Options, `help` and a command's own arguments keep the parser's own answers.
  @Test func otherUsageErrorsAreUnchanged() throws {
    let option = try CLI.run(["write", "--bogus"])
    #expect(option.status == 64)
    #expect(option.stderr.contains("Unknown option '--bogus'"))
    let help = try CLI.run(["help", "write"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: letters write"))
    let version = try CLI.run(["--version"])
    #expect(version.status == 0)
  }
}

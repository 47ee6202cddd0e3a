import Foundation
import Testing

/// Colour only for a person at a terminal, never with NO_COLOR; --quiet keeps stderr quiet.
@Suite struct TerminalMannersTests {
  static let escape = "\u{1B}["

  func heldLetterFixture() throws -> CLIFixture {
    let fixture = try CLIFixture()
    let id = try fixture.write("a held letter")
    #expect(try fixture.run(["hold", id]).status == 0)
    return fixture
  }

  @Test func aTerminalGetsColour() throws {
    let fixture = try heldLetterFixture()
    defer { fixture.remove() }
    let pty = try PseudoTerminal(
      ["list"], environment: fixture.environment.merging(["TERM": "xterm", "NO_COLOR": ""]) { $1 },
      scratch: fixture.directory)
    #expect(pty.wait() == 0)
    #expect(pty.transcript.contains(Self.escape), "expected colour on a terminal")
  }

  @Test func noColorTurnsColourOffOnATerminal() throws {
    let fixture = try heldLetterFixture()
    defer { fixture.remove() }
    let pty = try PseudoTerminal(
      ["list"], environment: fixture.environment.merging(["TERM": "xterm", "NO_COLOR": "1"]) { $1 },
      scratch: fixture.directory)
    #expect(pty.wait() == 0)
    #expect(pty.transcript.contains("held"))
    #expect(!pty.transcript.contains(Self.escape))
  }

  @Test func aPipeGetsPlainText() throws {
    let fixture = try heldLetterFixture()
    defer { fixture.remove() }
    let result = try fixture.run(["list"], environment: ["TERM": "xterm"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("held"))
    #expect(!result.stdout.contains(Self.escape))
    #expect(!result.stderr.contains(Self.escape))
  }

  @Test func quietLeavesOnlyDataAndProblems() throws {
    let fixture = try CLIFixture()
    defer { fixture.remove() }
    let loud = try fixture.run(["write"], stdin: "hello")
    #expect(loud.stderr.contains("saved as a draft"))
    let quiet = try fixture.run(["write", "--quiet"], stdin: "hello again")
    #expect(quiet.status == 0)
    #expect(quiet.stderr.isEmpty)
    #expect(quiet.stdout.count == 33)
    let problem = try fixture.run(["show", "--quiet", "ffffffff"])
    #expect(problem.status == 66)
    #expect(problem.stderr.contains("no letter has the id ffffffff"))
  }
}

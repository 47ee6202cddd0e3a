import Foundation
import Testing

/// `--help` of every command, as a new user reads it: defaults and value names in the words
/// people type (`5m`, `<date>`), never a Swift value such as `UnlockDuration(seconds: 300.0)`.
@Suite struct HelpTextTests {
  /// Every command and subcommand, found the way a person would: in `--help`'s SUBCOMMANDS.
  static func commands(under path: [String] = []) throws -> [[String]] {
    let help = try CLI.run(path + ["--help"]).stdout
    let names = help.components(separatedBy: "\nSUBCOMMANDS:\n").dropFirst().first?
      .split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("  ") }
      .filter { !$0.hasPrefix("   ") }  // a wrapped abstract's second line
      .compactMap { $0.split(separator: " ").first.map(String.init) } ?? []
    var all = [path]
    guard path.count < 3 else { return all }  // letters has two levels; never loop on a misread
    for name in names where name != "help" { all += try commands(under: path + [name]) }
    return all
  }

  @Test func noHelpShowsASwiftValue() throws {
    let commands = try Self.commands()
    #expect(commands.count > 30, "found only \(commands.count) commands")
    let swiftValue = try Regex(#"[A-Z][A-Za-z]+\([a-z]+:"#)
    for command in commands {
      let result = try CLI.run(command + ["--help"])
      #expect(result.status == 0)
      #expect(!result.stdout.contains(swiftValue), "letters \(command.joined(separator: " ")) --help:\n\(result.stdout)")
    }
  }

  @Test func unlockShowsItsDefaultAsTyped() throws {
    let help = try CLI.run(["unlock", "--help"]).stdout
    #expect(help.contains("--for <duration>"))
    #expect(help.contains("(default: 5m)"), "\(help)")
  }

  @Test func datesAreNamedDates() throws {
    #expect(try CLI.run(["hold", "--help"]).stdout.contains("--review-on <date>"))
    for command in ["list", "export"] {
      let help = try CLI.run([command, "--help"]).stdout
      #expect(help.contains("--since <date>") && help.contains("--until <date>"), "\(command)")
    }
  }

  /// A paragraph of a discussion is one line in the source's terms: no line ends mid-sentence
  /// before the terminal's width (the text had hard line breaks that `--help` kept).
  @Test func exportAndImportDiscussionsFlow() throws {
    for command in ["export", "import"] {
      let help = try CLI.run([command, "--help"]).stdout
      let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
      for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !line.hasPrefix(" ") && !line.hasSuffix(":") && !next.isEmpty {
        #expect(line.count > 60, "letters \(command) --help breaks early: “\(line)”")
      }
    }
  }
}

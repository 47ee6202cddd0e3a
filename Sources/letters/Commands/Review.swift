import ArgumentParser
import LetterVault

struct Review: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Walk through your held letters, those due first.",
    discussion: """
      For each letter: read it, send it (after its cooling-off, with a re-read), keep \
      holding it (with a date to look again, if you like), turn it back into a draft, add a \
      note on how it feels now, or burn it. Needs a terminal.
      """)

  @OptionGroup var options: VaultOptions

  func run() throws {
    guard let terminal = TerminalSession() else {
      throw CLIError.invalidArgument("`letters review` needs a terminal to talk to you")
    }
    let vault = try options.open()
    try ReviewSession(vault: vault, terminal: terminal).run()
  }
}

import ArgumentParser

struct Recipient: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recipient",
    abstract: "People you write to, and their own cooling-off periods.",
    subcommands: [Add.self, Everyone.self, Edit.self, Remove.self])
}

import ArgumentParser
import Foundation
import LetterVault

struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "The cooling-off rules: periods, quiet hours, and changes still waiting.",
    discussion: """
      Stricter rules apply at once. Looser ones wait a full cooling-off period (at least \
      24 hours) and can be withdrawn meanwhile with `letters rules cancel`. No rule change \
      moves the time of a letter already waiting.
      """,
    subcommands: [Current.self, Change.self, Withdraw.self], defaultSubcommand: Current.self)

  struct Current: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show the rules.")

    @OptionGroup var options: VaultOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let rules = try options.open().rules()
      if json { return try Formatting.printJSON(RulesText.json(rules)) }
      Console.out(RulesText.render(rules))
    }
  }

  struct Change: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a rule.")

    @OptionGroup var options: VaultOptions
    @Option(help: ArgumentHelp("A period such as 90m, 24h or 3d.", valueName: "period"))
    var coolingOff: String?
    @Option(help: ArgumentHelp("A window such as 22:00-07:00, or none.", valueName: "HH:MM-HH:MM"))
    var quietHours: String?
    @Option(
      name: .customLong("for"),
      help: ArgumentHelp("Set this recipient's period.", valueName: "name"),
      completion: Completions.recipients)
    var recipient: String?

    func run() throws {
      let change = RuleChange(
        coolingOff: try coolingOff.map(DurationArgument.parse),
        quietHours: try quietHours.map(QuietHoursArgument.parse), recipient: recipient)
      let result = try options.open().changeRules(change)
      RulesText.report(result)
    }
  }

  struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "cancel", abstract: "Withdraw every rule change still waiting.")

    @OptionGroup var options: VaultOptions

    func run() throws {
      let count = try options.open().cancelPendingRules()
      Console.info(
        count == 0
          ? "no rule change was waiting; nothing changed"
          : "withdrew \(count) waiting rule change\(count == 1 ? "" : "s"); the rules stay as they are"
      )
    }
  }
}

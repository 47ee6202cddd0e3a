import ArgumentParser
import Foundation
import LetterVault

struct Recipient: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recipient",
    abstract: "People you write to, and their own cooling-off periods.",
    subcommands: [Add.self, Everyone.self, Edit.self, Remove.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add someone you write to.")

    @OptionGroup var options: VaultOptions
    @Argument(help: "Their name, as you use it with `write --to`.") var name: String
    @Option(help: "Their email address.") var email: String = ""
    @Option(help: ArgumentHelp("Their own period, such as 3d.", valueName: "period"))
    var coolingOff: String?

    func run() throws {
      let period = try coolingOff.map(DurationArgument.parse)
      let result = try options.open().addRecipient(name: name, email: email, coolingOff: period)
      Console.info("added \(name.trimmingCharacters(in: .whitespacesAndNewlines))")
      RulesText.report(result)
    }
  }

  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit", abstract: "Correct someone's address, name or cooling-off period.",
      discussion: """
        A new address or name applies at once. Letters already written keep the name they \
        were written to and still follow this recipient's period and address. A longer \
        period applies at once; a shorter one waits a full period, as with `letters rules set`.
        """)

    @OptionGroup var options: VaultOptions
    @Argument(help: "Their name as it is now.", completion: Completions.ruledRecipients) var name: String
    @Option(help: ArgumentHelp("Their new email address; '' removes it.", valueName: "address"))
    var email: String?
    @Option(help: ArgumentHelp("A new name for them.", valueName: "name")) var rename: String?
    @Option(help: ArgumentHelp("Their own period, such as 3d.", valueName: "period"))
    var coolingOff: String?

    func run() throws {
      let edit = RecipientEdit(
        email: email, name: rename, coolingOff: try coolingOff.map(DurationArgument.parse))
      guard !edit.isEmpty else {
        throw CLIError.invalidArgument(
          "there is nothing to change; give --email, --rename or --cooling-off")
      }
      let vault = try options.open()
      let typed = name.trimmingCharacters(in: .whitespacesAndNewlines)
      // The name as stored, for the message ("dr hael" was typed; "Dr Hael" is renamed).
      let stored = try vault.rules().recipients.first { $0.name.lowercased() == typed.lowercased() }
      let result = try vault.editRecipient(named: name, edit)
      RecipientText.reportEdit(of: stored?.name ?? typed, edit, result)
    }
  }

  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove", abstract: "Remove someone you no longer write to.",
      discussion: """
        Letters written to them stay as they are, and from then on have the default period. \
        When their own period is longer than the default, removing them is a looser rule: it \
        waits that period, and `letters rules cancel` keeps them.
        """)

    @OptionGroup var options: VaultOptions
    @Argument(help: "Their name.", completion: Completions.ruledRecipients) var name: String

    func run() throws {
      RecipientText.reportRemoval(try options.open().removeRecipient(named: name))
    }
  }

  struct Everyone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List them.")

    @OptionGroup var options: VaultOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let rules = try options.open().rules()
      if json { return try Formatting.printJSON(rules.recipients.map(RecipientText.json)) }
      for recipient in rules.recipients {
        Console.out(RecipientText.line(recipient, defaultPeriod: rules.coolingOff) + "\n")
      }
    }
  }
}

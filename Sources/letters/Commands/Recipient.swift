import ArgumentParser
import Foundation
import LetterVault

struct Recipient: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recipient",
    abstract: "People you write to, and their own cooling-off periods.",
    subcommands: [Add.self, Everyone.self])

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

  struct Everyone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List them.")

    @OptionGroup var options: VaultOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let rules = try options.open().rules()
      if json { return try Formatting.printJSON(rules.recipients.map(RecipientText.json)) }
      for recipient in rules.recipients {
        let period = recipient.coolingOff ?? rules.coolingOff
        var line = recipient.name
        if !recipient.email.isEmpty { line += "  <\(recipient.email)>" }
        line += "  cooling-off \(DurationArgument.describe(period))"
        if recipient.coolingOff == nil { line += " (the default)" }
        Console.out(line + "\n")
      }
    }
  }
}

enum RecipientText {
  static func json(_ recipient: RecipientRule) -> [String: Any] {
    [
      "name": recipient.name, "email": recipient.email,
      "coolingOffSeconds": recipient.coolingOff.map { Int($0) as Any } ?? NSNull(),
    ]
  }
}

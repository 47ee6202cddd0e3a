import ArgumentParser
import LetterVault

extension Recipient {
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

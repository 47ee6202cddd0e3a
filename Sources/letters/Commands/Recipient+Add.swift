import ArgumentParser
import Foundation
import LetterVault

extension Recipient {
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
}

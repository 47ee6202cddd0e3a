import ArgumentParser
import LetterVault

struct Delivery: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delivery",
    abstract: "How letters are delivered: the sendmail-compatible command (`msmtp -t`, `sendmail -t -i`).",
    discussion: """
      The message is piped into the command, the way mutt and git send-email do it; the vault \
      holds no mail password. The setting is kept inside the encrypted vault.
      """,
    subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the delivery command.")
    @OptionGroup var options: VaultOptions

    func run() throws {
      guard let configuration = try options.open().deliveryConfiguration() else {
        Console.info("no mail command is set up; letters are sent by hand")
        return
      }
      Console.out("command: \(configuration.command)\n")
      if !configuration.from.isEmpty { Console.out("from: \(configuration.from)\n") }
    }
  }

  struct Set: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Set the delivery command.")
    @OptionGroup var options: VaultOptions
    @Option(help: "The command, run with /bin/sh -c; the message arrives on its stdin.")
    var command: String
    @Option(help: "The From: address (else the command's own).") var from: String = ""

    func run() throws {
      try options.open().setDelivery(DeliveryConfiguration(command: command, from: from))
      Console.info("letters will be delivered with `\(command)`")
    }
  }
}

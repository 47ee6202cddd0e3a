import ArgumentParser
import LetterVault

extension Recipient {
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
}

import ArgumentParser
import Foundation
import LetterVault

extension Recipient {
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
}

import ArgumentParser
import LetterVault

struct Cancel: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel",
    abstract: "Withdraw a send request; the letter stays held.")

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id.", completion: Completions.letterIDs) var id: String

  func run() throws {
    let vault = try options.open()
    let letterID = try vault.resolve(id)
    try vault.cancelSend(letterID)
    Console.info("the send request for \(letterID.short) was withdrawn; the letter stays held")
  }
}

import ArgumentParser
import LetterVault

struct Hold: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "hold", abstract: "Put a letter away: held, not sent.")

  @OptionGroup var options: VaultOptions
  @Argument(help: "The letter's id.", completion: Completions.letterIDs) var id: String
  @Option(
    help: ArgumentHelp("A date to look at it again: 2026-05-03, friday, tomorrow, tonight.", valueName: "date"))
  var reviewOn: DateArgument?

  func run() throws {
    let review = try reviewOn?.future().date
    let vault = try options.open()
    let letterID = try vault.resolve(id)
    // Holding leaves a send request as it is (withdrawing it is `cancel`'s, and would start
    // the wait again at the next `send`): say so rather than "it will not be sent".
    let requested = try vault.hold(letterID, reviewOn: review)
    var message =
      requested
      ? "letter \(letterID.short) is held, and its send request still stands; `letters cancel \(letterID.short)` withdraws it"
      : "letter \(letterID.short) is held; it will not be sent"
    if let date = review { message += ". A reminder to look again on \(Formatting.local(date))" }
    Console.info(message)
  }
}

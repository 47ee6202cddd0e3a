import ArgumentParser
import LetterVault

struct Search: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Find letters containing some text (case-insensitive).")

  @OptionGroup var options: VaultOptions
  @Argument(help: "The words to look for.") var text: String
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let vault = try options.open()
    try Listing.print(try vault.search(text), json: json)
  }
}

import ArgumentParser
import LetterVault

struct Search: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Find letters containing some text (case-insensitive).")

  @OptionGroup var options: VaultOptions
  @Argument(help: "The words to look for.") var text: String
  @Option(
    name: [.customShort("n", allowingJoined: true), .customLong("max-count")],
    help: ArgumentHelp("Only the newest N letters found.", valueName: "N"))
  var n: String?
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let limit = try CountArgument.parse(n)
    let vault = try options.open()
    if json {
      try Listing.printJSON(try vault.search(text, limit: limit), paging: pager.paging)
    } else {
      try Listing.print(
        try vault.searched(text, limit: limit), of: vault, paging: pager.paging,
        ifEmpty: "no letter contains “\(text)”")
    }
  }
}

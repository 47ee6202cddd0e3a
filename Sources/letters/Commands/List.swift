import ArgumentParser
import LetterVault

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per letter, newest first.")

  @OptionGroup var options: VaultOptions
  @Option(help: "draft, held or sent.", completion: Completions.states) var state: String?
  @Option(help: "Only letters to this recipient.", completion: Completions.recipients) var to: String?
  @Option(help: "Only letters with this tag.") var tag: String?
  @Option(help: ArgumentHelp("Only letters written on or after this date.", valueName: "date")) var since: DateArgument?
  @Option(help: ArgumentHelp("Only letters written before this date.", valueName: "date")) var until: DateArgument?
  @Option(
    name: [.customShort("n", allowingJoined: true), .customLong("max-count")],
    help: ArgumentHelp("Only the newest N letters.", valueName: "N"))
  var n: String?
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var pager: PagerOptions

  func run() throws {
    let filter = try LetterFilter(
      state: state.map(StateArgument.parse), recipient: to, tag: tag, since: since?.past().date,
      until: until?.past().endOfDay(in: .current))
    let limit = try CountArgument.parse(n)
    let vault = try options.open()
    let filtered = state != nil || to != nil || tag != nil || since != nil || until != nil
    let ifEmpty = filtered ? "no letters match" : "no letters yet"
    if json {
      try Listing.printJSON(try vault.list(filter, limit: limit), paging: pager.paging)
    } else {
      try Listing.print(try vault.listed(filter, limit: limit), of: vault, paging: pager.paging, ifEmpty: ifEmpty)
    }
  }
}

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
    name: [.short, .customLong("max-count")], help: ArgumentHelp("Only the newest N letters.", valueName: "N"))
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
    try Listing.print(
      try vault.list(filter, limit: limit), of: vault, json: json, paging: pager.paging,
      ifEmpty: filtered ? "no letters match" : "no letters yet")
  }
}

/// Prints a listing (through the pager when it is taller than the terminal), then reports
/// damaged letters (exit 65) after the readable ones.
///
/// Nothing found is said on stderr (`ifEmpty`, dropped by `--quiet`) and stdout stays empty,
/// so scripts reading the lines see none; the exit status is 0 all the same (README.md
/// "Commands": an empty vault is not a failure).
enum Listing {
  static func print(
    _ listing: LetterListing, of vault: Vault, json: Bool, paging: Bool, ifEmpty: String
  ) throws {
    if json {
      try Pager.page(Formatting.jsonText(listing.letters.map { Formatting.json($0) }), paging: paging)
    } else if listing.letters.isEmpty {
      if listing.damaged.isEmpty { Console.info(ifEmpty) }
    } else {
      // One write for the whole listing: a write per line was 10,000 syscalls at 10,000
      // letters (docs/PERFORMANCE.md).
      var lines = ListLines(capacity: listing.letters.count)
      // Where each waiting letter stands now, asked of the brake in one read. A damaged
      // vault still lists what it can (the damage is reported below); those lines name no time.
      let waiting = listing.letters.filter { $0.state == .held && $0.releaseAt != nil }.map(\.id)
      let statuses = waiting.isEmpty ? [:] : (try? vault.sendStatuses(waiting)) ?? [:]
      for letter in listing.letters { lines.append(letter, status: statuses[letter.id]) }
      try Pager.page(lines.bytes, paging: paging)
    }
    if !listing.damaged.isEmpty { throw VaultError.damaged(listing.damaged) }
  }
}

enum StateArgument {
  static func parse(_ text: String) throws -> LetterState {
    guard let state = LetterState(name: text) else {
      throw CLIError.invalidArgument("“\(text)” is not a state; use draft, held or sent")
    }
    return state
  }
}

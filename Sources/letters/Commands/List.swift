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
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let filter = try LetterFilter(
      state: state.map(StateArgument.parse), recipient: to, tag: tag, since: since?.past().date,
      until: until?.past().endOfDay(in: .current))
    let vault = try options.open()
    try Listing.print(try vault.list(filter), json: json)
  }
}

/// Prints a listing, then reports damaged letters (exit 65) after the readable ones.
enum Listing {
  static func print(_ listing: LetterListing, json: Bool) throws {
    if json {
      try Formatting.printJSON(listing.letters.map { Formatting.json($0) })
    } else {
      // One write for the whole listing: a write per line was 10,000 syscalls at 10,000
      // letters (docs/PERFORMANCE.md).
      var lines = ListLines(capacity: listing.letters.count)
      for letter in listing.letters { lines.append(letter) }
      if !lines.bytes.isEmpty { Console.out(bytes: lines.bytes) }
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

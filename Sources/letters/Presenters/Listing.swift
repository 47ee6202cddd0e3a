import ArgumentParser
import LetterVault

/// Prints a listing (through the pager when it is taller than the terminal), then reports
/// damaged letters (exit 65) after the readable ones.
///
/// Nothing found is said on stderr (`ifEmpty`, dropped by `--quiet`) and stdout stays empty,
/// so scripts reading the lines see none; the exit status is 0 all the same (README.md
/// "Commands": an empty vault is not a failure).
enum Listing {
  /// A listing of summaries as JSON (`list --json`, `search --json`): an empty one is `[]`.
  static func printJSON(_ listing: LetterListing, paging: Bool) throws {
    // Bytes all the way: a String of the whole text and back cost ~2 ms at 10,000 letters.
    let json = ListJSON.bytes(listing.letters)
    try Pager.page(Console.stdoutIsTerminal ? VisibleText.bytes(json) : json, paging: paging)
    if !listing.damaged.isEmpty { throw VaultError.damaged(listing.damaged) }
  }

  /// One line per letter (`list`, `search`).
  static func print(_ listed: ListedLetters, of vault: Vault, paging: Bool, ifEmpty: String) throws {
    if listed.isEmpty {
      if listed.damaged.isEmpty { Console.info(ifEmpty) }
    } else {
      // Where each waiting letter stands now, asked of the brake in one read. A damaged
      // vault still lists what it can (the damage is reported below); those lines name no time.
      let waiting = listed.waiting
      let statuses = waiting.isEmpty ? [:] : (try? vault.sendStatuses(waiting)) ?? [:]
      // One write for the whole listing: a write per line was 10,000 syscalls at 10,000
      // letters (docs/PERFORMANCE.md).
      var lines = ListLines(capacity: listed.count)
      listed.forEach { letter in
        lines.append(letter, status: letter.awaitsRelease && !statuses.isEmpty ? statuses[letter.id] : nil)
      }
      try Pager.page(lines.bytes, paging: paging)
    }
    if !listed.damaged.isEmpty { throw VaultError.damaged(listed.damaged) }
  }
}

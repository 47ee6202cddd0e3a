import ArgumentParser
import LetterVault

struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check every record and the index; name anything damaged.")

  @OptionGroup var options: VaultOptions
  @Flag(help: "This older copy was restored on purpose: make it the current one on this computer.")
  var acceptRollback = false

  func run() throws {
    // Verifying never changes the vault, so jotted letters wait for the next command.
    let vault = try options.open(acceptingCaptures: false)
    let damaged = try ProgressLine.around { try vault.verify(progress: $0) }
    guard damaged.isEmpty else { throw VaultError.damaged(damaged) }
    if acceptRollback {
      try vault.acceptRollback()
      Console.info("this copy of the vault is now the current one on this computer; writing works again")
    } else {
      // An older copy reads fine record by record, and is still not what was last written
      // here: never "everything checks out" then (SECURITY.md §2.4).
      for case .rolledBack(let current, let seen) in vault.warnings {
        throw VaultError.rolledBack(currentEpoch: current, highestSeen: seen)
      }
    }
    let count = try vault.list().letters.count
    Console.info("everything checks out: \(count) letter\(count == 1 ? "" : "s"), every revision readable")
  }
}

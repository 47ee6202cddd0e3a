import ArgumentParser
import LetterVault

struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check every record and the index; name anything damaged.")

  @OptionGroup var options: VaultOptions

  func run() throws {
    // Verifying never changes the vault, so jotted letters wait for the next command.
    let vault = try options.open(acceptingCaptures: false)
    let damaged = try vault.verify()
    guard damaged.isEmpty else { throw VaultError.damaged(damaged) }
    let count = try vault.list().letters.count
    Console.info("everything checks out: \(count) letter\(count == 1 ? "" : "s"), every revision readable")
  }
}
